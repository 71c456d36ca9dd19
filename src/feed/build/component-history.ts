import type { ComponentStatus } from '../../model';
import type { Incident as IncidentDoc, ScheduledMaintenance } from '../schema';
import { worseStatus } from './components';
import { DAY_MS, utcDay, utcDayStart } from './utc-time';

// Each component's past, derived from what the site publishes: the component changes on incident
// updates and the windows of maintenances. Days are UTC days, so every reader sees the same bars
// whatever their zone (the page says so).

/** The days the page shows: `days` UTC days, the last one today (until `end`, now). */
export interface HistoryWindow {
  /** Midnight UTC of the first day, in ms. */
  start: number;
  /** Now, in ms. */
  end: number;
  days: number;
}

export function historyWindow(now: Date, days: number): HistoryWindow {
  const end = now.getTime();
  return { start: utcDayStart(end) - (days - 1) * DAY_MS, end, days };
}

export interface EventRef {
  id: string;
  name: string;
}

export interface DayBar {
  /** `YYYY-MM-DD`, a UTC day. */
  day: string;
  /** The worst status the component had at any moment of the day. */
  status: ComponentStatus;
  /** The incidents and maintenances that set it that day. */
  events: EventRef[];
}

export interface ComponentHistory {
  bars: DayBar[];
  /** Share of the window the component was up, 0–1: see UPTIME_WEIGHT. */
  uptime: number;
}

/**
 * How much of a moment counts as downtime, as Statuspage counts it: a major outage fully, a partial
 * outage at 30 %; degraded performance and maintenance count as up.
 */
export const UPTIME_WEIGHT: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 0,
  degraded_performance: 0,
  partial_outage: 0.3,
  major_outage: 1,
};

interface Segment {
  from: number;
  to: number;
  status: ComponentStatus;
  event: EventRef;
}

/** Every component's bars and uptime over the window. `current` is each component's status now. */
export function componentHistories(
  current: ReadonlyMap<string, ComponentStatus>,
  incidents: readonly IncidentDoc[],
  maintenances: readonly ScheduledMaintenance[],
  window: HistoryWindow,
): Map<string, ComponentHistory> {
  const segments = new Map<string, Segment[]>();
  const add = (id: string, segment: Segment) => {
    if (!current.has(id) || segment.to < window.start || segment.from > window.end) return;
    const list = segments.get(id);
    if (list) list.push(segment);
    else segments.set(id, [segment]);
  };

  for (const incident of incidents) {
    for (const r of incidentSegments(incident)) {
      add(r.code, { from: r.from, to: r.to ?? Math.max(window.end, r.from), status: r.status, event: r.event });
    }
  }

  for (const m of maintenances) {
    if (m.status === 'scheduled') continue;
    const from = Date.parse(m.scheduled_for);
    const to = m.status === 'completed' ? Date.parse(m.resolved_at ?? m.scheduled_until) : window.end;
    // Cancelled or completed before its window opened: it never held a component.
    if (to <= from) continue;
    const event = { id: m.id, name: m.name };
    for (const c of m.components) add(c.id, { from, to, status: 'under_maintenance', event });
  }

  const dayNames = Array.from({ length: window.days }, (_, d) => utcDay(window.start + d * DAY_MS));
  const out = new Map<string, ComponentHistory>();
  for (const [id, status] of current) out.set(id, history(segments.get(id) ?? [], status, window, dayNames));
  return out;
}

/** A component's segment of one incident; `to` null while the incident is open (it runs until now). */
interface IncidentSegment {
  code: string;
  from: number;
  to: number | null;
  status: ComponentStatus;
  event: EventRef;
}

// An incident's segments depend on its document alone; a publish reuses the (frozen) documents of
// unchanged incidents, so their segments are worked out once, not for all 500 at every publish.
const segmentsOfIncident = new WeakMap<IncidentDoc, readonly IncidentSegment[]>();

function incidentSegments(incident: IncidentDoc): readonly IncidentSegment[] {
  const known = segmentsOfIncident.get(incident);
  if (known) return known;
  const out: IncidentSegment[] = [];
  const event = { id: incident.id, name: incident.name };
  const open = new Map<string, { from: number; status: ComponentStatus }>();
  const updates = incident.incident_updates;
  for (let i = updates.length - 1; i >= 0; i--) {
    const update = updates[i]!;
    if (!update.affected_components) continue;
    const at = Date.parse(update.display_at);
    for (const change of update.affected_components) {
      const was = open.get(change.code);
      if (was) out.push({ code: change.code, from: was.from, to: at, status: was.status, event });
      if (change.new_status === 'operational') open.delete(change.code);
      else open.set(change.code, { from: at, status: change.new_status });
    }
  }
  const isOpen = incident.status !== 'resolved' && incident.status !== 'postmortem';
  const end = isOpen ? null : Date.parse(incident.resolved_at ?? incident.updated_at);
  for (const [code, was] of open) out.push({ code, from: was.from, to: end === null ? null : Math.max(end, was.from), status: was.status, event });
  // Only a frozen document cannot change under the cache.
  if (Object.isFrozen(incident)) segmentsOfIncident.set(incident, out);
  return out;
}

function history(segments: Segment[], now: ComponentStatus, { start, end, days }: HistoryWindow, dayNames: readonly string[]): ComponentHistory {
  const worst: ComponentStatus[] = new Array(days).fill('operational');
  const events: EventRef[][] = Array.from({ length: days }, () => []);
  const dayOf = (ms: number) => Math.min(days - 1, Math.max(0, Math.floor((ms - start) / DAY_MS)));

  // A day names its events in the order they began.
  segments.sort((a, b) => a.from - b.from);
  for (const s of segments) {
    const from = Math.max(s.from, start);
    const to = Math.min(s.to, end);
    // A status set and cleared in the same moment still marks its day.
    const last = dayOf(to > from ? to - 1 : from);
    for (let d = dayOf(from); d <= last; d++) {
      worst[d] = worseStatus(worst[d]!, s.status);
      const list = events[d]!;
      if (!list.some((e) => e.id === s.event.id)) list.push(s.event);
    }
  }
  // Today shows the component's status now, even if no published event set it.
  worst[days - 1] = worseStatus(worst[days - 1]!, now);

  const bars = worst.map((status, d): DayBar => ({ day: dayNames[d]!, status, events: events[d]! }));
  return { bars, uptime: uptime(segments, start, end) };
}

/**
 * 1 − weighted downtime / window length. Overlapping segments (two incidents at once) count once,
 * at the heavier weight: a sweep over their edges, counting how many of each weight are open.
 */
function uptime(segments: Segment[], start: number, end: number): number {
  const edges: [number, number, number][] = [];
  for (const s of segments) {
    const weight = UPTIME_WEIGHT[s.status];
    const from = Math.max(s.from, start);
    const to = Math.min(s.to, end);
    if (!weight || to <= from) continue;
    edges.push([from, 1, weight], [to, -1, weight]);
  }
  if (!edges.length || end <= start) return 1;
  edges.sort((a, b) => a[0] - b[0]);
  let major = 0;
  let partial = 0;
  let down = 0;
  let at = start;
  for (const [t, delta, weight] of edges) {
    down += (t - at) * (major ? 1 : partial ? UPTIME_WEIGHT.partial_outage : 0);
    at = t;
    if (weight === 1) major += delta;
    else partial += delta;
  }
  return Math.max(0, 1 - down / (end - start));
}

/** Uptime as the page prints it: rounded down, so any downtime shows below 100 %. */
export function uptimePercent(uptime: number): string {
  // The epsilon keeps 0.9999 (9998.999… in binary) from printing as 99.98.
  return `${(Math.floor(uptime * 10_000 + 1e-6) / 100).toFixed(2)} %`;
}
