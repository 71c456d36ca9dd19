import type { Incident, StatusUpdate, UpdateCadence } from '../model';

export interface UpdateDue {
  /** When the next public update is due. */
  dueAt: string;
  /** True once that time has passed. */
  overdue: boolean;
  /** True when customers have heard nothing yet about this incident. */
  first: boolean;
}

/**
 * When customers must next hear from us: the first update within `firstMinutes` of declaring,
 * then every `everyMinutes[severity]` after the last one while the incident is open. A resolved
 * incident owes nothing. Silence is what customers notice first.
 */
export function nextUpdateDue(incident: Incident, updates: readonly StatusUpdate[], cadence: UpdateCadence, now: Date): UpdateDue | undefined {
  if (incident.status === 'resolved') return undefined;
  const last = updates.reduce<string | undefined>((max, u) => (max === undefined || u.at > max ? u.at : max), undefined);
  const from = last ?? incident.createdAt;
  const minutes = last === undefined ? cadence.firstMinutes : cadence.everyMinutes[incident.severity];
  const dueAt = new Date(Date.parse(from) + minutes * 60_000).toISOString();
  return { dueAt, overdue: now.toISOString() >= dueAt, first: last === undefined };
}
