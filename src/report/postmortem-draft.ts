import {
  COMPONENT_STATUS_LABELS,
  Postmortem,
  STATUS_LABELS,
  compareEntries,
  compareText,
  toInstant,
  type Component,
  type Incident,
  type PostmortemSections,
  type StatusUpdate,
  type TimelineEntry,
} from '../model';
import { formatElapsed } from './timeline-markdown';
import { markdownText, oneLine, outageWindows, severityName, utcDateTime, utcTime, webLink } from './postmortem-outline';

export interface PostmortemDraftInput {
  incident: Incident;
  /** The incident's timeline (deleted entries and other incidents' are left out). */
  entries: readonly TimelineEntry[];
  /** Its public status updates: the component changes give the outage windows. */
  updates: readonly StatusUpdate[];
  /** The component registry, for names and owners of what was affected. */
  components: readonly Component[];
  /** Who writes it; defaults to the incident manager. */
  authors?: readonly string[];
  now?: Date;
}

/** How many entries of one kind a drafted section lists before saying how many more. */
const MAX_LISTED = 15;

/**
 * A first draft of the post-mortem from what the log already says: the summary from the titles and
 * the impact, the impact with each component's outage window (who, how many, how long), detection
 * from the detection time and the alerts, candidate triggers from code changes, the resolution
 * from the mitigation and resolution times, the last public update and the decisions. Sections the
 * log says nothing about stay empty: the editor shows their blameless prompt as a placeholder.
 *
 * Drafted text is Markdown; everything taken from the log is escaped, so a page's title or a
 * colleague's note stays text. Linear in the number of entries (5,000 entries: see the benchmark).
 */
export function draftPostmortem({ incident, entries, updates, components, authors, now = new Date() }: PostmortemDraftInput): Postmortem {
  const at = toInstant(now);
  const live = entries.filter((e) => e.incidentId === incident.id && !e.deletedAt);
  const startDay = incident.startedAt.slice(0, 10);
  const when = live.some((e) => e.at.slice(0, 10) !== startDay) ? utcDateTime : utcTime;
  const ofKind = (kind: TimelineEntry['kind']) => live.filter((e) => e.kind === kind).sort(compareEntries);
  const named = (authors ?? [incident.manager]).map(oneLine).filter(Boolean).slice(0, 20);

  const sections: PostmortemSections = {
    summary: draftSummary(incident),
    impact: draftImpact(incident, updates, components, ofKind('report').length),
    rootCause: '',
    trigger: draftTrigger(ofKind('code'), when),
    detection: draftDetection(incident, ofKind('alert'), when),
    resolution: draftResolution(incident, updates, ofKind('decision'), when),
    longTermFix: '',
    wentWell: '',
    wentWrong: '',
    lucky: '',
  };
  return Postmortem.parse({
    incidentId: incident.id,
    status: 'draft',
    authors: [...new Set(named.map((a) => a.slice(0, 200)))],
    timeline: 'starred',
    sections: Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, v.slice(0, 50_000)])),
    public: { opening: '', whatHappened: '', whatWeDid: '', closing: '' },
    createdAt: at,
    updatedAt: at,
  });
}

function draftSummary(incident: Incident): string {
  const span = incident.resolvedAt
    ? `from ${utcDateTime(incident.startedAt)} to ${utcDateTime(incident.resolvedAt)} (${formatElapsed(incident.startedAt, incident.resolvedAt)})`
    : `since ${utcDateTime(incident.startedAt)}, not resolved yet`;
  const lines = [`${markdownText(oneLine(incident.title))}: a ${severityName(incident)} incident ${span}.`];
  const publicTitle = oneLine(incident.publicTitle);
  if (publicTitle && publicTitle !== oneLine(incident.title)) lines.push(`Customers saw it as “${markdownText(publicTitle)}”.`);
  const impact = oneLine(incident.impact || incident.publicImpact);
  if (impact) lines.push(`Impact: ${markdownText(impact)}`);
  return lines.join(' ');
}

function draftImpact(incident: Incident, updates: readonly StatusUpdate[], components: readonly Component[], reports: number): string {
  const parts: string[] = [];
  if (incident.impact.trim()) parts.push(markdownText(incident.impact.trim()));
  if (incident.publicImpact.trim() && incident.publicImpact.trim() !== incident.impact.trim()) {
    parts.push(`Customers were told: “${markdownText(oneLine(incident.publicImpact))}”`);
  }
  const windows = outageWindows(incident, updates);
  if (windows.length) {
    const owners = new Map(components.map((c) => [c.id, oneLine(c.owner)]));
    const lines = windows.map((w) => {
      const owner = owners.get(w.componentId);
      const how = `${COMPONENT_STATUS_LABELS[w.worst].toLowerCase()}`;
      const span = w.to ? `for ${formatElapsed(w.from, w.to)} (${utcDateTime(w.from)} – ${utcDateTime(w.to)})` : `since ${utcDateTime(w.from)}, still out`;
      return `- **${markdownText(oneLine(w.name))}**${owner ? ` (${markdownText(owner)})` : ''}: ${how} ${span}`;
    });
    parts.push(['Components affected, from the status updates:', '', ...lines].join('\n'));
  }
  if (reports) parts.push(`Customer reports on the timeline: ${reports}.`);
  return parts.join('\n\n');
}

function draftTrigger(changes: readonly TimelineEntry[], when: (iso: string) => string): string {
  if (!changes.length) return '';
  return ['Code changes recorded on the timeline (candidates: confirm which one, if any, set it off):', '', ...listed(changes, when)].join('\n');
}

function draftDetection(incident: Incident, alerts: readonly TimelineEntry[], when: (iso: string) => string): string {
  const parts: string[] = [];
  const facts: string[] = [];
  if (incident.detectedAt)
    facts.push(`Detected at ${utcDateTime(incident.detectedAt)}, ${formatElapsed(incident.startedAt, incident.detectedAt)} after it started.`);
  if (incident.acknowledgedAt) {
    const from = incident.detectedAt ?? incident.startedAt;
    facts.push(
      `Acknowledged at ${utcDateTime(incident.acknowledgedAt)}, ${formatElapsed(from, incident.acknowledgedAt)} after it was ${incident.detectedAt ? 'detected' : 'started'}.`,
    );
  }
  if (facts.length) parts.push(facts.join(' '));
  if (alerts.length) parts.push(['Alerts on the timeline:', '', ...listed(alerts, when)].join('\n'));
  return parts.join('\n\n');
}

function draftResolution(incident: Incident, updates: readonly StatusUpdate[], decisions: readonly TimelineEntry[], when: (iso: string) => string): string {
  const parts: string[] = [];
  const facts: string[] = [];
  if (incident.mitigatedAt)
    facts.push(`Mitigated at ${utcDateTime(incident.mitigatedAt)}, ${formatElapsed(incident.startedAt, incident.mitigatedAt)} after it started.`);
  if (incident.resolvedAt)
    facts.push(`Resolved at ${utcDateTime(incident.resolvedAt)}, ${formatElapsed(incident.startedAt, incident.resolvedAt)} after it started.`);
  if (facts.length) parts.push(facts.join(' '));
  const last = updates.filter((u) => u.incidentId === incident.id).sort((a, b) => compareText(b.at, a.at) || compareText(b.id, a.id))[0];
  if (last) parts.push(`The last public update (${STATUS_LABELS[last.status]}, ${utcDateTime(last.at)}) said: “${markdownText(oneLine(last.body))}”`);
  if (decisions.length) parts.push(['Decisions on the timeline:', '', ...listed(decisions, when)].join('\n'));
  return parts.join('\n\n');
}

/** `- 09:10 UTC — first line of the text ([host](<link>))`, at most MAX_LISTED, then how many more. */
function listed(entries: readonly TimelineEntry[], when: (iso: string) => string): string[] {
  const lines = entries.slice(0, MAX_LISTED).map((e) => {
    const first = oneLine(e.text.split(/\r\n|\r|\n/).find((l) => l.trim()) ?? '') || '(no text)';
    const href = webLink(e.clip?.frozenUrl ?? e.sourceUrl);
    const link = href ? ` ([${markdownText(new URL(href).host)}](<${href.replace(/</g, '%3C').replace(/>/g, '%3E')}>))` : '';
    return `- ${when(e.at)} — ${markdownText(first.slice(0, 300))}${link}`;
  });
  if (entries.length > MAX_LISTED) lines.push(`- …and ${entries.length - MAX_LISTED} more on the timeline`);
  return lines;
}
