import { incidentNumber, type IncidentKey } from '../model';
import { buildBackup, parseBackup, type Backup } from '../report/backup';
import { encodeHeldClip, encodeScreenshot } from '../report/backup-images';
import { planBackupMerge, type ImportSummary } from '../report/merge';
import type { SitrepDb } from './database';
import { NEXT_INCIDENT_NUMBER, reserveIncidentKey } from './incidents-repo';

/** Every table a backup holds, plus the key counter an import moves on. */
function backupTables(db: SitrepDb) {
  return [db.incidents, db.entries, db.meta, db.components, db.updates, db.maintenances, db.heldClips, db.screenshots];
}

/**
 * Everything in the log, soft-deleted entries and pictures included, read as one consistent
 * snapshot. The pictures are encoded after the transaction: awaiting a Blob read inside it
 * would let IndexedDB commit it early.
 */
export async function exportBackup(db: SitrepDb, now: Date = new Date()): Promise<Backup> {
  const [incidents, entries, components, updates, maintenances, heldClips, screenshots] = await db.transaction(
    'r',
    [db.incidents, db.entries, db.components, db.updates, db.maintenances, db.heldClips, db.screenshots],
    () =>
      Promise.all([
        db.incidents.toArray(),
        db.entries.toArray(),
        db.components.toArray(),
        db.updates.toArray(),
        db.maintenances.toArray(),
        db.heldClips.toArray(),
        db.screenshots.toArray(),
      ]),
  );
  return buildBackup(
    {
      incidents,
      entries,
      components,
      updates,
      maintenances,
      heldClips: await Promise.all(heldClips.map(encodeHeldClip)),
      screenshots: await Promise.all(screenshots.map(encodeScreenshot)),
    },
    now,
  );
}

/**
 * Merges a parsed backup into the log in one transaction: either all of it lands or nothing
 * does. Every key written is reserved, so the log never hands an imported key out again.
 */
export async function importBackup(db: SitrepDb, backup: Backup): Promise<ImportSummary> {
  return db.transaction('rw', backupTables(db), async () => {
    const incidents = await db.incidents.toArray();
    const found = await db.entries.bulkGet(backup.entries.map((e) => e.id));
    const components = await db.components.bulkGet(backup.components.map((c) => c.id));
    const updates = await db.updates.bulkGet(backup.updates.map((u) => u.id));
    const maintenances = await db.maintenances.bulkGet(backup.maintenances.map((m) => m.id));
    // Only keys: a picture already here is never read just to be skipped.
    const screenshotIds = await db.screenshots.where('id').anyOf(backup.screenshots.map((s) => s.id)).primaryKeys();
    const heldIds = backup.heldClips.map((h) => h.id);
    const heldHere = await db.heldClips.where('id').anyOf(heldIds).primaryKeys();
    const placedHere = await db.entries.where('id').anyOf(heldIds).primaryKeys();
    const counter = (await db.meta.get(NEXT_INCIDENT_NUMBER))?.value ?? 1;
    // Fresh keys start past the counter and past every key in sight, so a re-keyed incident
    // never lands on a number the log or this backup already uses.
    let next = Math.max(counter, ...[...incidents, ...backup.incidents].map((i) => incidentNumber(i.key) + 1));
    const allocateKey = (): IncidentKey => `INC-${next++}`;
    const plan = planBackupMerge(
      {
        incidents,
        entries: found.filter((e) => e !== undefined),
        components: components.filter((c) => c !== undefined),
        updates: updates.filter((u) => u !== undefined),
        maintenances: maintenances.filter((m) => m !== undefined),
        screenshotIds,
        heldClipIds: [...heldHere, ...placedHere],
      },
      backup,
      allocateKey,
    );
    if (plan.incidents.length) await db.incidents.bulkPut(plan.incidents);
    if (plan.entries.length) await db.entries.bulkPut(plan.entries);
    if (plan.components.length) await db.components.bulkPut(plan.components);
    if (plan.updates.length) await db.updates.bulkPut(plan.updates);
    if (plan.maintenances.length) await db.maintenances.bulkPut(plan.maintenances);
    if (plan.screenshots.length) await db.screenshots.bulkPut(plan.screenshots);
    if (plan.heldClips.length) await db.heldClips.bulkPut(plan.heldClips);
    for (const incident of plan.incidents) await reserveIncidentKey(db, incident.key);
    return plan.summary;
  });
}

/** Reads backup file text and imports it; a file that does not parse changes nothing. */
export async function importBackupText(db: SitrepDb, text: string): Promise<ImportSummary> {
  return importBackup(db, parseBackup(text));
}
