import { incidentNumber, type IncidentKey } from '../model';
import { buildBackup, parseBackup, type Backup } from '../report/backup';
import { planBackupMerge, type ImportSummary } from '../report/merge';
import type { SitrepDb } from './database';
import { NEXT_INCIDENT_NUMBER, reserveIncidentKey } from './incidents-repo';


/** Everything in the log, soft-deleted entries included, read as one consistent snapshot. */
export async function exportBackup(db: SitrepDb, now: Date = new Date()): Promise<Backup> {
  const [incidents, entries] = await db.transaction('r', db.incidents, db.entries, () =>
    Promise.all([db.incidents.toArray(), db.entries.toArray()]),
  );
  return buildBackup({ incidents, entries }, now);
}

/**
 * Merges a parsed backup into the log in one transaction: either all of it lands or nothing
 * does. Every key written is reserved, so the log never hands an imported key out again.
 */
export async function importBackup(db: SitrepDb, backup: Backup): Promise<ImportSummary> {
  return db.transaction('rw', db.incidents, db.entries, db.meta, async () => {
    const incidents = await db.incidents.toArray();
    const found = await db.entries.bulkGet(backup.entries.map((e) => e.id));
    const counter = (await db.meta.get(NEXT_INCIDENT_NUMBER))?.value ?? 1;
    // Fresh keys start past the counter and past every key in sight, so a re-keyed incident
    // never lands on a number the log or this backup already uses.
    let next = Math.max(counter, ...[...incidents, ...backup.incidents].map((i) => incidentNumber(i.key) + 1));
    const allocateKey = (): IncidentKey => `INC-${next++}`;
    const plan = planBackupMerge(
      { incidents, entries: found.filter((e) => e !== undefined) },
      backup,
      allocateKey,
    );
    if (plan.incidents.length) await db.incidents.bulkPut(plan.incidents);
    if (plan.entries.length) await db.entries.bulkPut(plan.entries);
    for (const incident of plan.incidents) await reserveIncidentKey(db, incident.key);
    return plan.summary;
  });
}

/** Reads backup file text and imports it; a file that does not parse changes nothing. */
export async function importBackupText(db: SitrepDb, text: string): Promise<ImportSummary> {
  return importBackup(db, parseBackup(text));
}
