import { Maintenance, compareText, toInstant } from '../model';
import type { SitrepDb } from './database';

export type MaintenanceInput = Pick<Maintenance, 'title' | 'body' | 'componentIds' | 'scheduledFor' | 'scheduledUntil'> & { id?: string };

/** Every maintenance, soonest window first. */
export async function listMaintenances(db: SitrepDb): Promise<Maintenance[]> {
  const all = await db.maintenances.toArray();
  return all.sort((a, b) => compareText(a.scheduledFor, b.scheduledFor) || compareText(a.id, b.id));
}

/** Schedules a maintenance, or changes one; throws a ZodError naming the bad field, saving nothing. */
export async function saveMaintenance(db: SitrepDb, input: MaintenanceInput, author: string, now = new Date()): Promise<Maintenance> {
  const at = toInstant(now);
  return db.transaction('rw', db.maintenances, async () => {
    const current = input.id ? await db.maintenances.get(input.id) : undefined;
    const maintenance = Maintenance.parse({
      ...current,
      ...input,
      id: input.id ?? crypto.randomUUID(),
      author: current?.author ?? author,
      createdAt: current?.createdAt ?? at,
      updatedAt: at,
    });
    await db.maintenances.put(maintenance);
    return maintenance;
  });
}

/** Ends a maintenance now: finished early (`completed`) or called off (`cancelled`). */
export async function endMaintenance(db: SitrepDb, id: string, how: 'completed' | 'cancelled', now = new Date()): Promise<Maintenance> {
  const at = toInstant(now);
  return db.transaction('rw', db.maintenances, async () => {
    const current = await db.maintenances.get(id);
    if (!current) throw new Error('That maintenance is gone (deleted in another window?)');
    if (current.completedAt || current.cancelledAt) return current;
    const maintenance = Maintenance.parse({ ...current, ...(how === 'completed' ? { completedAt: at } : { cancelledAt: at }), updatedAt: at });
    await db.maintenances.put(maintenance);
    return maintenance;
  });
}
