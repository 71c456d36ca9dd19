import type { ComponentState, FeedEvent, StatusIndicator, StatusSnapshot } from '../parse';
import { FeedError } from '../feed-error';
import { pick, sortBy, text, word } from './read';

/**
 * Component states and the indicator (or incident impact) each one means, in step:
 * operational ↔ none, degraded ↔ minor, partial outage ↔ major, major outage ↔ critical.
 */
export const STATES: readonly ComponentState[] = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'];
export const LEVELS: readonly StatusIndicator[] = ['none', 'minor', 'major', 'critical', 'maintenance'];
/** Statuspage's own wording for each level, used when a feed gives none. */
const DESCRIPTIONS = ['All Systems Operational', 'Minor Service Outage', 'Partial System Outage', 'Major Service Outage', 'Service Under Maintenance'];
/** Severity order of levels. */
const RANK: readonly StatusIndicator[] = ['none', 'maintenance', 'minor', 'major', 'critical'];

export const indicator = (v: unknown): StatusIndicator | undefined => {
  const w = word(v);
  return RANK.find((level) => level === w);
};

export const worst = (a: StatusIndicator, b: StatusIndicator): StatusIndicator => (RANK.indexOf(b) > RANK.indexOf(a) ? b : a);

/** Other feeds' words for the same states; Instatus writes them run together (`MAJOROUTAGE`). */
const SYNONYMS: Record<string, number> = { degraded: 1, minoroutage: 2, maintenance: 4 };

export const componentState = (v: unknown): ComponentState | undefined => {
  const w = word(v)?.replace(/_/g, '');
  return STATES.find((state) => state.replace(/_/g, '') === w) ?? STATES[pick(SYNONYMS, w) ?? -1];
};

/** The impact an incident has when the feed states it as a component state (Instatus). */
export const impactOfState = (state: ComponentState): StatusIndicator => LEVELS[STATES.indexOf(state)]!;

/** Statuspage's lifecycle words; the other feeds' are translated into them. */
export const isOpenIncident = (status: string) => !/^(resolved|postmortem|completed|closed)$/.test(status);
export const isOpenMaintenance = (status: string) => /^(scheduled|in_progress|verifying)$/.test(status);

/**
 * Assembles an event. One with no time at all is left out: a banner cannot say when it was
 * updated, and inventing a time would be worse than silence. A window that ends before it
 * starts loses its end, not its start: one of them is wrong, and the start is what says
 * whether the maintenance is upcoming.
 */
export function feedEvent(e: Omit<FeedEvent, 'updatedAt'> & { updatedAt?: string | undefined }, fallbackTime?: string): FeedEvent | undefined {
  const updatedAt = e.updatedAt ?? e.latest?.at ?? e.startedAt ?? fallbackTime;
  // Both are ISO instants from time(), so they compare as strings.
  const endsAt = e.endsAt && !(e.startedAt && e.endsAt < e.startedAt) ? e.endsAt : undefined;
  return updatedAt ? { ...e, endsAt, updatedAt } : undefined;
}

/** Open incidents newest first; maintenance in progress before upcoming, each soonest first. */
export const openEvents = (events: (FeedEvent | undefined)[], maintenance: boolean): FeedEvent[] => {
  const open = events.filter((e): e is FeedEvent => !!e && (maintenance ? isOpenMaintenance : isOpenIncident)(e.status));
  return maintenance ? sortBy(open, (e) => `${+(e.status === 'scheduled')}${e.startedAt ?? '~'}`) : sortBy(open, (e) => e.startedAt ?? e.updatedAt, true);
};

/**
 * The overall indicator of a feed that states none: from the components when there are some
 * (all operational → none, only maintenance → maintenance, any degraded → minor, any partial
 * or major outage → major, every one in major outage → critical), else from the open events.
 * A feed with neither has nothing to go on, and saying "operational" would be a guess.
 */
function deriveIndicator(
  { components, incidents, maintenances }: Pick<StatusSnapshot, 'components' | 'incidents' | 'maintenances'>,
  why?: string,
): StatusIndicator {
  if (components.length) {
    const level = components.reduce<StatusIndicator>((w, c) => worst(w, impactOfState(c.status)), 'none');
    // Some components in major outage, not all: the service as a whole has a major one.
    return level === 'critical' && components.some((c) => c.status !== 'major_outage') ? 'major' : level;
  }
  if (incidents.length || maintenances.length) {
    const level = incidents.reduce<StatusIndicator>((w, e) => worst(w, indicator(e.impact) ?? 'minor'), 'none');
    return level === 'none' && maintenances.some((m) => m.status !== 'scheduled') ? 'maintenance' : level;
  }
  throw new FeedError(`Feed has no usable status: ${why}, and it lists no components or incidents to derive one from`);
}

/**
 * The snapshot every reader returns. The indicator is the feed's own when it states one;
 * `why` says what it stated otherwise, for the error when nothing else tells either.
 */
export function snapshot(s: {
  format: StatusSnapshot['format'];
  name?: unknown;
  url?: string | undefined;
  indicator?: StatusIndicator | undefined;
  why?: string;
  description?: unknown;
  components?: StatusSnapshot['components'];
  incidents?: FeedEvent[];
  maintenances?: FeedEvent[];
  updatedAt?: string | undefined;
}): StatusSnapshot {
  const lists = { components: s.components ?? [], incidents: s.incidents ?? [], maintenances: s.maintenances ?? [] };
  const level = s.indicator ?? deriveIndicator(lists, s.why);
  return {
    format: s.format,
    page: { name: text(s.name) ?? (s.url && new URL(s.url).hostname) ?? 'Status', ...(s.url && { url: s.url }) },
    indicator: level,
    description: text(s.description) ?? DESCRIPTIONS[LEVELS.indexOf(level)]!,
    ...lists,
    ...(s.updatedAt && { updatedAt: s.updatedAt }),
  };
}
