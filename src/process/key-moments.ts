import type { Incident } from '../model';

/** The moments an incident's response is measured by, in the order they happen. */
export const KEY_MOMENTS = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type KeyMoment = (typeof KEY_MOMENTS)[number];

/** The incident field each moment is stored in. */
export const MOMENT_FIELDS = {
  started: 'startedAt',
  detected: 'detectedAt',
  acknowledged: 'acknowledgedAt',
  mitigated: 'mitigatedAt',
  resolved: 'resolvedAt',
} as const satisfies Record<KeyMoment, keyof Incident>;

export const MOMENT_LABELS: Record<KeyMoment, string> = {
  started: 'Started',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

/** What is measured: time to detect, acknowledge, mitigate, resolve. */
export const MEASURES = ['detect', 'acknowledge', 'mitigate', 'resolve'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS: Record<Measure, string> = {
  detect: 'Time to detect',
  acknowledge: 'Time to acknowledge',
  mitigate: 'Time to mitigate',
  resolve: 'Time to resolve',
};

/**
 * Where each measure runs from and to. Detection and acknowledgement are the responders' clock
 * (acknowledge counts from detection: an alert nobody saw is detection's fault); mitigation and
 * resolution are the customers' clock, from when the impact began.
 */
export const MEASURE_SPANS: Record<Measure, { from: KeyMoment; to: KeyMoment }> = {
  detect: { from: 'started', to: 'detected' },
  acknowledge: { from: 'detected', to: 'acknowledged' },
  mitigate: { from: 'started', to: 'mitigated' },
  resolve: { from: 'started', to: 'resolved' },
};

/** Why a measure has no value for an incident. */
export type GapReason = 'missing' | 'open' | 'out-of-order';

export interface IncidentTimings {
  incident: Incident;
  /** Milliseconds, for each measure that has a value. */
  ms: Partial<Record<Measure, number>>;
  /** For each measure without one: why. */
  gaps: Partial<Record<Measure, GapReason>>;
  /** True when no mitigation was marked and resolving is taken as when the impact stopped. */
  mitigatedAtResolution: boolean;
}

/** The instant of a moment, if the incident has it (resolvedAt only counts once it is resolved). */
export function momentAt(incident: Incident, moment: KeyMoment): string | undefined {
  if (moment === 'resolved' && incident.status !== 'resolved') return undefined;
  return incident[MOMENT_FIELDS[moment]];
}

/**
 * Time to detect, acknowledge, mitigate and resolve for one incident. Any moment may have been
 * backdated (the start moved to the first alert, detection to when the alert fired): the
 * measures follow the stored instants, never when they were typed. A moment that is missing
 * leaves its measure out; one that lands before where its measure starts (a start moved later
 * than the detection) is reported out of order rather than counted as a negative time.
 */
export function timingsOf(incident: Incident): IncidentTimings {
  const ms: IncidentTimings['ms'] = {};
  const gaps: IncidentTimings['gaps'] = {};
  const resolvedAt = momentAt(incident, 'resolved');
  // The impact stopped at the latest when the incident was resolved.
  const mitigatedAtResolution = incident.mitigatedAt === undefined && resolvedAt !== undefined;
  for (const measure of MEASURES) {
    const span = MEASURE_SPANS[measure];
    // With no detection time, acknowledgement counts from the start: the longest it can have taken.
    const from = momentAt(incident, span.from) ?? (span.from === 'detected' ? incident.startedAt : undefined);
    const to = measure === 'mitigate' && mitigatedAtResolution ? resolvedAt : momentAt(incident, span.to);
    if (from === undefined || to === undefined) {
      gaps[measure] = incident.status !== 'resolved' && (span.to === 'resolved' || span.to === 'mitigated') ? 'open' : 'missing';
      continue;
    }
    const diff = Date.parse(to) - Date.parse(from);
    if (diff < 0) gaps[measure] = 'out-of-order';
    else ms[measure] = diff;
  }
  return { incident, ms, gaps, mitigatedAtResolution };
}

/** `42 s`, `7 min`, `2 h 05 min`, `3 d 4 h`: a duration as a person reads it. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
