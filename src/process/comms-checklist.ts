import {
  compareText,
  mustHear,
  quadrantOf,
  type Quadrant,
  type Severity,
  type Stakeholder,
  type StakeholderChannel,
  type StatusUpdate,
  type TimelineEntry,
} from '../model';

/** How a stakeholder heard about an update. */
export interface Telling {
  channel: StakeholderChannel;
  at: string;
  /** The comms entry that records it; absent when publishing the update told them (the status page). */
  entryId?: string;
}

/** One stakeholder who must hear about one update. */
export interface CommsItem {
  stakeholder: Stakeholder;
  quadrant: Quadrant;
  update: StatusUpdate;
  /** The channels to reach them on, as the register lists them. */
  channels: readonly StakeholderChannel[];
  /** How they were told about this update, first telling first; empty while it is owed. */
  told: Telling[];
}

export interface CommsChecklist {
  /** Everyone the latest update must reach at the incident's severity, told or not: the register's order. */
  now: CommsItem[];
  /** Earlier updates someone was never told about, and nothing they were told since covers: oldest first. */
  owed: CommsItem[];
}

export interface CommsInput {
  stakeholders: readonly Stakeholder[];
  severity: Severity;
  /** The incident's public updates, in any order. */
  updates: readonly StatusUpdate[];
  /** The incident's comms entries (deleted ones already left out). */
  comms: readonly TimelineEntry[];
}

/**
 * The communication checklist an update implies. Who must hear follows the severity now (an
 * incident raised to SEV1 owes executives what they missed). Publishing an update tells whoever
 * reads the status page; everyone else is told by hand and recorded with a `told` comms entry.
 * Telling someone about a later update covers the earlier ones: they have the latest news.
 */
export function commsChecklist({ stakeholders, severity, updates, comms }: CommsInput): CommsChecklist {
  const ordered = updates.toSorted((a, b) => compareText(a.at, b.at) || compareText(a.id, b.id));
  const latest = ordered.at(-1);
  if (!latest) return { now: [], owed: [] };
  const position = new Map(ordered.map((u, i) => [u.id, i]));
  const audience = stakeholders.filter((s) => mustHear(s, severity)).toSorted((a, b) => a.order - b.order || a.name.localeCompare(b.name));

  const itemOf = (stakeholder: Stakeholder, update: StatusUpdate): CommsItem => ({
    stakeholder,
    quadrant: quadrantOf(stakeholder),
    update,
    channels: stakeholder.channels,
    told: tellings(stakeholder, update, comms),
  });

  const now = audience.map((s) => itemOf(s, latest));
  const owed: CommsItem[] = [];
  for (const stakeholder of audience) {
    // The furthest update they heard about: everything before it is covered.
    const heard = Math.max(-1, ...ordered.map((u, i) => (tellings(stakeholder, u, comms).length ? i : -1)));
    for (const update of ordered.slice(heard + 1, -1)) owed.push(itemOf(stakeholder, update));
  }
  owed.sort((a, b) => (position.get(a.update.id) ?? 0) - (position.get(b.update.id) ?? 0) || a.stakeholder.order - b.stakeholder.order);
  return { now, owed };
}

/** How `stakeholder` was told about `update`: the status page when published, and each recorded telling. */
function tellings(stakeholder: Stakeholder, update: StatusUpdate, comms: readonly TimelineEntry[]): Telling[] {
  const out: Telling[] = [];
  if (stakeholder.channels.includes('status-page')) out.push({ channel: 'status-page', at: update.at });
  for (const entry of comms) {
    const told = entry.told;
    if (entry.kind !== 'comms' || entry.deletedAt || !told) continue;
    if (told.stakeholderId === stakeholder.id && told.updateId === update.id) out.push({ channel: told.channel, at: entry.at, entryId: entry.id });
  }
  return out.sort((a, b) => compareText(a.at, b.at));
}

/** True once every item has at least one telling. */
export function allTold(items: readonly CommsItem[]): boolean {
  return items.every((i) => i.told.length > 0);
}
