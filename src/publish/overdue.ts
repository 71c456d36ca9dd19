import { listIncidents, listUpdates, type SitrepDb } from '../db';
import type { IncidentKey, UpdateCadence } from '../model';
import { nextUpdateDue } from './cadence';

export interface DueUpdate {
  key: IncidentKey;
  dueAt: string;
  overdue: boolean;
}

/** The open incident whose public update falls due first (overdue ones first of all). */
export async function findNextDueUpdate(db: SitrepDb, cadence: UpdateCadence, now = new Date()): Promise<DueUpdate | undefined> {
  const open = (await listIncidents(db)).filter((i) => i.status !== 'resolved');
  const due = await Promise.all(
    open.map(async (incident) => {
      const next = nextUpdateDue(incident, await listUpdates(db, incident.id), cadence, now);
      return next && { key: incident.key, dueAt: next.dueAt, overdue: next.overdue };
    }),
  );
  return due.filter((d) => d !== undefined).sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0))[0];
}
