import { Severity, compareText, type Incident, type StatusUpdate } from '../model';
import { MEASURES, timingsOf, type IncidentTimings, type Measure } from './key-moments';

/** How a set of durations is summed up: how many, the median and the 90th percentile (ms). */
export interface Summary {
  count: number;
  median?: number;
  p90?: number;
}

export type MeasureSummaries = Record<Measure, Summary>;

/** A time window; `from` absent means since the beginning. Instants, `from` inclusive, `to` exclusive. */
export interface Period {
  from?: string;
  to: string;
}

export interface ComponentMetrics {
  componentId: string;
  /** Its name in the registry, or as the last update that named it wrote it. */
  name: string;
  summaries: MeasureSummaries;
}

export interface Metrics {
  /** The incidents that started in the period, newest first, with their own times. */
  incidents: IncidentTimings[];
  overall: MeasureSummaries;
  bySeverity: Record<Severity, MeasureSummaries>;
  /** Components an update of the incident took out of operational, by name. */
  byComponent: ComponentMetrics[];
}

/**
 * The median (mean of the two middle values for an even count) and the nearest-rank 90th
 * percentile: with the handful of incidents a team has, p90 is a value that really happened.
 */
export function summarize(values: readonly number[]): Summary {
  if (!values.length) return { count: 0 };
  const sorted = values.toSorted((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { count: n, median, p90: sorted[Math.ceil(0.9 * n) - 1]! };
}

function summaries(timings: readonly IncidentTimings[]): MeasureSummaries {
  return Object.fromEntries(MEASURES.map((m) => [m, summarize(timings.flatMap((t) => (t.ms[m] === undefined ? [] : [t.ms[m]])))])) as MeasureSummaries;
}

/** The components an incident's updates took out of operational (or back from it): those it hit. */
export function affectedComponents(updates: readonly StatusUpdate[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const update of updates.toSorted((a, b) => compareText(a.at, b.at))) {
    for (const c of update.components) if (c.from !== 'operational' || c.to !== 'operational') out.set(c.componentId, c.name);
  }
  return out;
}

export interface MetricsInput {
  incidents: readonly Incident[];
  /** Every update of those incidents (others are ignored). */
  updates: readonly StatusUpdate[];
  period: Period;
  /** Current component names by id, preferred over the names updates wrote. */
  componentNames?: ReadonlyMap<string, string>;
}

/**
 * Time to detect, acknowledge, mitigate and resolve over the incidents that started in `period`:
 * for each incident, and as median and p90 overall, by severity and by component.
 */
export function metricsOver({ incidents, updates, period, componentNames }: MetricsInput): Metrics {
  const inPeriod = incidents
    .filter((i) => (period.from === undefined || i.startedAt >= period.from) && i.startedAt < period.to)
    .toSorted((a, b) => compareText(b.startedAt, a.startedAt));
  const timings = inPeriod.map(timingsOf);

  const updatesOf = new Map<string, StatusUpdate[]>();
  for (const u of updates) updatesOf.set(u.incidentId, [...(updatesOf.get(u.incidentId) ?? []), u]);
  const byComponent = new Map<string, { name: string; timings: IncidentTimings[] }>();
  for (const t of timings) {
    for (const [id, name] of affectedComponents(updatesOf.get(t.incident.id) ?? [])) {
      const row = byComponent.get(id) ?? { name: componentNames?.get(id) ?? name, timings: [] };
      row.timings.push(t);
      byComponent.set(id, row);
    }
  }

  return {
    incidents: timings,
    overall: summaries(timings),
    bySeverity: Object.fromEntries(Severity.options.map((s) => [s, summaries(timings.filter((t) => t.incident.severity === s))])) as Record<
      Severity,
      MeasureSummaries
    >,
    byComponent: [...byComponent]
      .map(([componentId, { name, timings: ts }]) => ({ componentId, name, summaries: summaries(ts) }))
      .sort((a, b) => a.name.localeCompare(b.name) || compareText(a.componentId, b.componentId)),
  };
}

/** The periods the options page offers. Calendar ones follow the local calendar (DST included). */
export const PERIOD_PRESETS = ['last-7-days', 'last-30-days', 'last-90-days', 'this-month', 'last-month', 'this-year', 'all'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  'last-7-days': 'Last 7 days',
  'last-30-days': 'Last 30 days',
  'last-90-days': 'Last 90 days',
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-year': 'This year',
  all: 'All time',
};

/**
 * A preset as instants, in the zone the process runs in. "Last 7 days" is today and the six days
 * before, from local midnight: a day across a DST change is 23 or 25 hours, never cut.
 */
export function periodOf(preset: PeriodPreset, now: Date): Period {
  const y = now.getFullYear();
  const m = now.getMonth();
  const d = now.getDate();
  const to = now.toISOString();
  const local = (year: number, month: number, day: number) => new Date(year, month, day).toISOString();
  switch (preset) {
    case 'last-7-days':
      return { from: local(y, m, d - 6), to };
    case 'last-30-days':
      return { from: local(y, m, d - 29), to };
    case 'last-90-days':
      return { from: local(y, m, d - 89), to };
    case 'this-month':
      return { from: local(y, m, 1), to };
    case 'last-month':
      return { from: local(y, m - 1, 1), to: local(y, m, 1) };
    case 'this-year':
      return { from: local(y, 0, 1), to };
    case 'all':
      return { to };
  }
}
