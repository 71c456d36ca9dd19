import { stripBidiControls } from '../capture/untrusted-text';
import {
  ENTRY_KIND_LABELS,
  POSTMORTEM_STATUS_LABELS,
  SEVERITY_DEFINITIONS,
  compareEntries,
  compareText,
  type ActionItem,
  type ComponentStatus,
  type Incident,
  type Postmortem,
  type PostmortemSection,
  type PublicPostmortemText,
  type StatusUpdate,
  type TimelineEntry,
} from '../model';
import { clipRefLabel } from '../model/clip-ref';
import { escapeInline, formatElapsed } from './timeline-markdown';

/**
 * What the Markdown and the HTML export of a post-mortem both show, worked out once: the header's
 * facts, which entries the timeline lists and how each reads, the action items in order. Both
 * exports are written in UTC and say so: a post-mortem is read by people in many zones, and its
 * times must match the timestamps in logs and dashboards.
 */

/** The headings every post-mortem has, in the order they are read. */
export const SECTION_HEADINGS: Record<PostmortemSection, string> = {
  summary: 'Summary',
  impact: 'Impact',
  rootCause: 'Root Cause',
  trigger: 'Trigger',
  detection: 'Detection',
  resolution: 'Resolution',
  longTermFix: 'Long-term fix',
  wentWell: 'What went well',
  wentWrong: 'What went wrong',
  lucky: 'Where we got lucky',
};

/**
 * Blameless prompts, shown as placeholders under each heading (never stored as text): they ask
 * about systems and decisions, not about who got it wrong.
 */
export const SECTION_PROMPTS: Record<PostmortemSection, string> = {
  summary: 'In two or three sentences: what happened, to whom, for how long, and how it ended.',
  impact: 'Who was affected, how many, and for how long? What could they not do? Which components, and how badly?',
  rootCause:
    'Why was the system able to fail this way? Ask "why" until you reach conditions, not people: what made the right action hard or the wrong one easy?',
  trigger: 'What change or event set it off (a deploy, a config change, a traffic spike, a dependency)? It is the trigger, not the cause.',
  detection: 'How did we find out: an alert, a customer, a colleague? How long after it started? What would have told us sooner?',
  resolution: 'What stopped the impact (rollback, hotfix, failover), and what made it resolved? What information did responders have at each decision?',
  longTermFix: 'If the resolution was a hotfix or workaround: what is the real fix, and which action item tracks it?',
  wentWell: 'What worked: tools, runbooks, people finding each other, decisions that paid off?',
  wentWrong: 'Where did process, tooling or information get in the way? Describe the situation each person was in, not what they should have done.',
  lucky: 'What went our way by chance (time of day, who happened to be online, a quiet period) and would not next time?',
};

export type PublicSection = keyof PublicPostmortemText;

export const PUBLIC_SECTIONS: readonly PublicSection[] = ['opening', 'whatHappened', 'whatWeDid', 'closing'];

export const PUBLIC_SECTION_HEADINGS: Record<PublicSection, string> = {
  opening: 'We are sorry',
  whatHappened: 'What went wrong and why',
  whatWeDid: 'What we did to fix it, and to prevent it happening again',
  closing: 'Once more, we apologise',
};

export const PUBLIC_SECTION_PROMPTS: Record<PublicSection, string> = {
  opening: 'Acknowledge the problem, empathise with those affected, and apologise. Plain words, no jargon.',
  whatHappened: 'Explain what went wrong and why, as customers experienced it. No internal names, hosts or people.',
  whatWeDid: 'Explain what was done to fix it and what we are doing so it does not happen again.',
  closing: 'Acknowledge, empathise and apologise once more; say where to reach us.',
};

/** `2026-11-28 09:05 UTC` */
export function utcDateTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `09:05 UTC` */
export function utcTime(iso: string): string {
  return `${iso.slice(11, 16)} UTC`;
}

/** The short name of a severity: `SEV2 (Major)`. */
export function severityName(incident: Pick<Incident, 'severity'>): string {
  return `${incident.severity} (${SEVERITY_DEFINITIONS[incident.severity].split(':')[0]})`;
}

/** Statuses that count as an outage window (maintenance is planned, not an outage). */
const OUTAGE_STATUSES: ReadonlySet<ComponentStatus> = new Set(['degraded_performance', 'partial_outage', 'major_outage']);
const OUTAGE_RANK: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 0,
  degraded_performance: 1,
  partial_outage: 2,
  major_outage: 3,
};

/** One component's time out of operation, as the status updates told customers. */
export interface OutageWindow {
  componentId: string;
  /** The name as the last update in the window wrote it. */
  name: string;
  from: string;
  /** Undefined while it is still out (the incident is not resolved). */
  to?: string;
  /** The worst status it reached in the window. */
  worst: ComponentStatus;
}

/**
 * Each component's outage windows, from the status updates' component changes in time order: a
 * window opens when an update sets a component to degraded or an outage and closes when one sets
 * it back to operational (or maintenance). A component already out when the first update named it
 * was out from the incident's start; one still out when the incident resolved, until it resolved.
 */
export function outageWindows(incident: Pick<Incident, 'id' | 'startedAt' | 'resolvedAt'>, updates: readonly StatusUpdate[]): OutageWindow[] {
  const open = new Map<string, OutageWindow>();
  const seen = new Set<string>();
  const closed: OutageWindow[] = [];
  const ordered = updates.filter((u) => u.incidentId === incident.id).sort((a, b) => compareText(a.at, b.at) || compareText(a.id, b.id));
  for (const update of ordered) {
    for (const change of update.components) {
      const first = !seen.has(change.componentId);
      seen.add(change.componentId);
      let window = open.get(change.componentId);
      if (!window && first && OUTAGE_STATUSES.has(change.from)) {
        window = { componentId: change.componentId, name: change.name, from: incident.startedAt, worst: change.from };
        open.set(change.componentId, window);
      }
      if (OUTAGE_STATUSES.has(change.to)) {
        if (!window) open.set(change.componentId, (window = { componentId: change.componentId, name: change.name, from: update.at, worst: change.to }));
        window.name = change.name;
        if (OUTAGE_RANK[change.to] > OUTAGE_RANK[window.worst]) window.worst = change.to;
      } else if (window) {
        closed.push({ ...window, name: change.name, to: update.at });
        open.delete(change.componentId);
      }
    }
  }
  for (const window of open.values()) closed.push(incident.resolvedAt ? { ...window, to: incident.resolvedAt } : window);
  return closed.sort((a, b) => compareText(a.from, b.from) || a.name.localeCompare(b.name));
}

/** One line of the post-mortem's timeline, as both exports show it. */
export interface TimelineLine {
  id: string;
  /** `2026-11-28` (UTC). */
  day: string;
  /** `09:10 UTC` */
  time: string;
  starred: boolean;
  /** `Alert`, `Decision`… ('' for a note). */
  label: string;
  /** The entry's text, direction controls stripped; plain text, not Markdown. */
  text: string;
  /** The frozen link of a clip, or the entry's source: http(s) only. */
  link?: { href: string; name: string };
  /** Screenshots taken with it (the clip's, then each later sighting's). */
  screenshotIds: string[];
}

export interface TimelineView {
  lines: TimelineLine[];
  /** True when the entries span more than one UTC day: dates are shown. */
  multiDay: boolean;
  /** Why these entries: `starred`, or `all` (asked for, or nothing was starred). */
  shows: 'starred' | 'all-asked' | 'all-none-starred';
}

/** The entries the post-mortem's timeline lists: starred ones, or all when it says so or none is starred. */
export function timelineView(
  postmortem: Pick<Postmortem, 'timeline'>,
  incident: Pick<Incident, 'id' | 'startedAt'>,
  entries: readonly TimelineEntry[],
): TimelineView {
  const live = entries.filter((e) => e.incidentId === incident.id && !e.deletedAt);
  const starred = live.filter((e) => e.starred);
  const shows = postmortem.timeline === 'all' ? 'all-asked' : starred.length ? 'starred' : 'all-none-starred';
  const chosen = (shows === 'starred' ? starred : live).sort(compareEntries);
  const lines = chosen.map(timelineLine);
  const startDay = incident.startedAt.slice(0, 10);
  return { lines, multiDay: lines.some((l) => l.day !== startDay), shows };
}

function timelineLine(entry: TimelineEntry): TimelineLine {
  const clip = entry.clip;
  // Most entries are not clips: no arrays to build for them (the export lists thousands).
  const screenshotIds = clip ? [clip.screenshotId, ...(clip.sightings ?? []).map((s) => s.screenshotId)].filter((id): id is string => !!id) : [];
  const href = webLink(clip?.frozenUrl ?? entry.sourceUrl);
  let text = stripBidiControls(entry.text);
  const ref = entry.clip?.ref;
  if (ref) {
    const name = clipRefLabel({ ...entry.clip!, ref });
    if (!text.includes(stripBidiControls(name))) text = text.trim() ? `${name}: ${text}` : name;
  }
  const line: TimelineLine = {
    id: entry.id,
    day: entry.at.slice(0, 10),
    time: utcTime(entry.at),
    starred: entry.starred,
    label: entry.kind === 'note' ? '' : ENTRY_KIND_LABELS[entry.kind],
    text,
    screenshotIds,
  };
  if (href) line.link = { href, name: linkName(entry, href) };
  return line;
}

/** A clip's link is named by its panel and window; any other by its real host. */
function linkName(entry: TimelineEntry, href: string): string {
  const clip = entry.clip;
  const name = clip && [clip.panelTitle, clip.dashboardTitle, clip.pageTitle].find((n) => n?.trim());
  const window = clip?.range ? `${utcDateTime(clip.range.from)} – ${utcDateTime(clip.range.to)}` : '';
  const said = [name && stripBidiControls(name).replace(/\s+/g, ' ').trim(), window].filter(Boolean).join(' · ');
  return said || new URL(href).host;
}

/** The address as a link target when it is http(s), else undefined (never javascript: or data:). */
export function webLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The header's facts, in the order they are listed. */
export function headerFacts(incident: Incident, postmortem: Postmortem, now: Date): [string, string][] {
  const facts: [string, string][] = [
    ['Incident', incident.key],
    ['Internal title', oneLine(incident.title)],
    ['Public title', oneLine(incident.publicTitle) || '(none written)'],
    ['Severity', severityName(incident)],
    ['Started', utcDateTime(incident.startedAt)],
  ];
  if (incident.detectedAt) facts.push(['Detected', utcDateTime(incident.detectedAt)]);
  if (incident.acknowledgedAt) facts.push(['Acknowledged', utcDateTime(incident.acknowledgedAt)]);
  if (incident.mitigatedAt) facts.push(['Mitigated', utcDateTime(incident.mitigatedAt)]);
  if (incident.resolvedAt) {
    facts.push(['Resolved', utcDateTime(incident.resolvedAt)], ['Duration', formatElapsed(incident.startedAt, incident.resolvedAt)]);
  } else {
    facts.push(['Duration', `ongoing, ${formatElapsed(incident.startedAt, now.toISOString())} so far`]);
  }
  facts.push(['Authors', postmortem.authors.map(oneLine).join(', ') || '(none named)'], ['Post-mortem status', POSTMORTEM_STATUS_LABELS[postmortem.status]]);
  return facts;
}

/** Action items in the order they were added (ties by id). */
export function orderedActionItems(incidentId: string, items: readonly ActionItem[]): ActionItem[] {
  return items.filter((i) => i.incidentId === incidentId).sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id));
}

/** Text on one line, direction controls stripped: titles and names in headers and lists. */
export function oneLine(text: string): string {
  return stripBidiControls(text).replace(/\s+/g, ' ').trim();
}

/**
 * Plain text as Markdown that renders as that text: each line escaped (links, HTML, emphasis,
 * entities) and a line that would start a heading, list, quote or rule escaped at its start.
 */
export function markdownText(text: string): string {
  const clean = stripBidiControls(text);
  // Most entries are one line: skip the split and join.
  if (!clean.includes('\n') && !clean.includes('\r')) return escapeLineStart(escapeInline(clean.trimEnd()));
  return clean
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLineStart(escapeInline(line.trimEnd())))
    .join('\n');
}

/** What either replacement below needs at the line's start: most lines have neither, and skip both. */
const LINE_START_SPECIAL = /^\s*[#=+\-*>\d]/;

/** Block markers at the start of a line: heading, list, quote, rule, setext underline, numbered list. */
export function escapeLineStart(line: string): string {
  if (!LINE_START_SPECIAL.test(line)) return line;
  return line.replace(/^(\s*)([#=+\-*>])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
