import Dexie, { type Table } from 'dexie';
import type * as z from 'zod';
import {
  ActionItem,
  Component,
  HeldClip,
  Incident,
  IncidentChecklist,
  MAX_INCIDENT_NUMBER,
  Maintenance,
  Postmortem,
  Screenshot,
  Stakeholder,
  StatusUpdate,
  TimelineEntry,
  Tombstone,
  incidentKeyOf,
  toInstant,
  type IncidentKey,
} from '../model';
import {
  BackupError,
  buildBackup,
  oneLine,
  parseBackup,
  parsedRecords,
  recordLabel,
  type Backup,
  type BackupTable,
  type BuiltBackup,
  type SkippedRecord,
} from '../report/backup';
import { encodeHeldClip, encodeScreenshot } from '../report/backup-images';
import {
  IMPORT_UNDO_ID,
  ImportUndo,
  describeImportPreview,
  planBackupMerge,
  type ImportSummary,
  type LocalRecords,
  type MergePlan,
  type RecordChange,
  type WrittenRecord,
} from '../report/merge';
import type { SitrepDb } from './database';
import { NEXT_INCIDENT_NUMBER, nextIncidentNumber, reserveIncidentKey } from './incidents-repo';
import { IMPORT_UNDO_TABLE } from './schema';
import { listTombstones, tombstoneRow } from './tombstones-repo';

function undoTable(db: SitrepDb): Table<ImportUndo, string> {
  return db.table(IMPORT_UNDO_TABLE);
}

/** Every table an import reads or writes: the backup's, the key counter, and the undo copy. */
function importTables(db: SitrepDb) {
  return [
    db.incidents,
    db.entries,
    db.meta,
    db.components,
    db.updates,
    db.maintenances,
    db.postmortems,
    db.checklists,
    db.actionItems,
    db.stakeholders,
    db.heldClips,
    db.screenshots,
    undoTable(db),
  ];
}

/**
 * Everything in the log, soft-deleted entries and pictures included, read as one consistent
 * snapshot. The pictures are encoded after the transaction: awaiting a Blob read inside it
 * would let IndexedDB commit it early. A record that would not import again is left out and
 * named in `skipped`; the rest is always exported.
 */
export async function exportBackup(db: SitrepDb, now: Date = new Date()): Promise<BuiltBackup> {
  const [incidents, entries, components, updates, maintenances, postmortems, checklists, actionItems, stakeholders, tombstones, heldClips, screenshots] =
    await db.transaction(
      'r',
      [
        db.incidents,
        db.entries,
        db.components,
        db.updates,
        db.maintenances,
        db.postmortems,
        db.checklists,
        db.actionItems,
        db.stakeholders,
        db.meta,
        db.heldClips,
        db.screenshots,
      ],
      () =>
        Promise.all([
          db.incidents.toArray(),
          db.entries.toArray(),
          db.components.toArray(),
          db.updates.toArray(),
          db.maintenances.toArray(),
          db.postmortems.toArray(),
          db.checklists.toArray(),
          db.actionItems.toArray(),
          db.stakeholders.toArray(),
          listTombstones(db),
          db.heldClips.toArray(),
          db.screenshots.toArray(),
        ]),
    );
  const keys = new Map(incidents.map((i) => [i.id, i.key]));
  const unreadable: SkippedRecord[] = [];
  /** Encodes each row's pictures; one whose Blob cannot be read is left out, not the export. */
  async function encodeAll<T extends { id: string }, R>(table: BackupTable, rows: T[], encode: (row: T) => Promise<R>): Promise<R[]> {
    const out = await Promise.all(
      rows.map((row) =>
        encode(row).catch(() => {
          unreadable.push({ table, id: String(row.id), label: recordLabel(table, row, (id) => keys.get(id)), reason: 'Its picture could not be read.' });
          return undefined;
        }),
      ),
    );
    return out.filter((r): r is Awaited<R> => r !== undefined);
  }
  const built = buildBackup(
    {
      incidents,
      entries,
      components,
      updates,
      maintenances,
      postmortems,
      checklists,
      actionItems,
      stakeholders,
      tombstones,
      heldClips: await encodeAll('heldClips', heldClips, encodeHeldClip),
      screenshots: await encodeAll('screenshots', screenshots, encodeScreenshot),
    },
    now,
  );
  return { backup: built.backup, skipped: [...unreadable, ...built.skipped] };
}

/** What an import will change, shown before it changes anything. */
export interface ImportPreview {
  /** The parsed file. */
  backup: Backup;
  fileName?: string;
  /** The import's time: later times in the file are clamped to it (plus a small skew). */
  plannedAt: string;
  /** Every record the import writes, with its final key and clamped times. */
  plan: MergePlan;
  /** Record by record, for the list; `lines` sums them up in sentences. */
  changes: readonly RecordChange[];
  lines: string[];
  summary: ImportSummary;
  /**
   * What the plan was made against (see readLocal): when the log still reads the same at Import,
   * the plan is written as it is instead of being made again.
   */
  plannedAgainst?: string;
}

export interface PreviewOptions {
  now?: Date;
  /** Named in the undo message. */
  fileName?: string;
}

/**
 * Reads a backup (file text or parsed) and plans its merge against the log, writing nothing:
 * what `applyImport` will do, record by record. Throws BackupError for a file that cannot be
 * imported.
 */
export async function previewImport(db: SitrepDb, input: string | Backup, { now = new Date(), fileName }: PreviewOptions = {}): Promise<ImportPreview> {
  const backup = typeof input === 'string' ? parseBackup(input) : input;
  const local = await db.transaction('r', importTables(db), () => readLocal(db, backup));
  const plan = planWith(local, backup, now);
  return {
    backup,
    ...(fileName !== undefined && { fileName }),
    plannedAt: toInstant(now),
    plan,
    changes: plan.changes,
    lines: describeImportPreview(plan),
    summary: plan.summary,
    plannedAgainst: local.print,
  };
}

/**
 * Imports what a preview showed, exactly, in one transaction; keeps the local copies it replaces
 * so `undoLastImport` can put them back. If the log changed since the preview so that the import
 * would now do something else, nothing is written and a BackupError says so.
 */
export async function applyImport(db: SitrepDb, preview: ImportPreview): Promise<ImportSummary> {
  return writeImport(db, preview.backup, new Date(preview.plannedAt), {
    expected: preview.changes,
    expectedTombstones: preview.plan.tombstones,
    fileName: preview.fileName,
    ...(preview.plannedAgainst !== undefined && { planned: { plan: preview.plan, against: preview.plannedAgainst } }),
  });
}

/** Merges a parsed backup into the log in one transaction: either all of it lands or nothing does. */
export async function importBackup(db: SitrepDb, backup: Backup, now: Date = new Date()): Promise<ImportSummary> {
  return writeImport(db, backup, now, {});
}

/** Reads backup file text and imports it; a file that does not parse changes nothing. */
export async function importBackupText(db: SitrepDb, text: string, now: Date = new Date()): Promise<ImportSummary> {
  return importBackup(db, parseBackup(text), now);
}

/** Up to this many ids are looked up one by one; more, and the table's keys are read first. */
const ONE_BY_ONE = 256;

/**
 * The stored rows with these ids (or incident ids, for tables keyed by them). IndexedDB has no
 * "get many": a bulkGet is one request per id, seconds for the 100,000 entries of a backup, most
 * of them not stored here. So for many ids the table's keys are read in one request first, and
 * only the ids found are read: one by one when few, in one getAll when most of the table.
 */
function storedRows<T>(table: Table<T, string, unknown>, ids: readonly string[]): PromiseLike<T[]> {
  const present = (rows: (T | undefined)[]) => rows.filter((row): row is T => row !== undefined);
  if (ids.length <= ONE_BY_ONE) return table.bulkGet([...ids]).then(present);
  return storedKeys(table, ids).then((found) => {
    if (found.length <= ONE_BY_ONE) return table.bulkGet(found).then(present);
    const wanted = new Set(found);
    const key = table.schema.primKey.keyPath as string;
    return table.toArray().then((rows) => rows.filter((row) => wanted.has((row as Record<string, string>)[key]!)));
  });
}

/**
 * Which of these ids are stored in the table: its keys, never its rows (pictures are big). Each
 * path starts from a Dexie promise: an early native one would lose the transaction's zone.
 */
function storedKeys(table: Table<unknown, string, unknown>, ids: readonly string[]): PromiseLike<string[]> {
  if (ids.length <= ONE_BY_ONE)
    return table
      .where(':id')
      .anyOf([...ids])
      .primaryKeys();
  return table
    .toCollection()
    .primaryKeys()
    .then((keys) => {
      const stored = new Set(keys);
      return ids.filter((id) => stored.has(id));
    });
}

/** What a plan reads of the log, and `print`: it as text, to tell whether the log still reads the same. */
interface ReadLocal {
  records: LocalRecords;
  /** The first number the log would hand out as a new incident key. */
  next: number;
  print: string;
}

/** Reads what the merge plan needs of the log; must run inside a transaction over importTables. */
async function readLocal(db: SitrepDb, backup: Backup): Promise<ReadLocal> {
  const incidents = await db.incidents.toArray();
  const entries = await storedRows(
    db.entries,
    backup.entries.map((e) => e.id),
  );
  // Records the file's tombstones name are read too: the import deletes them here.
  const deadIds = (table: Tombstone['table']) => backup.tombstones.filter((t) => t.table === table).map((t) => t.id);
  const components = await storedRows(db.components, [...backup.components.map((c) => c.id), ...deadIds('components')]);
  const postmortems = await storedRows(
    db.postmortems,
    backup.postmortems.map((p) => p.incidentId),
  );
  const checklists = await storedRows(
    db.checklists,
    backup.checklists.map((c) => c.incidentId),
  );
  const actionItems = await storedRows(db.actionItems, [...backup.actionItems.map((a) => a.id), ...deadIds('actionItems')]);
  const stakeholders = await storedRows(db.stakeholders, [...backup.stakeholders.map((s) => s.id), ...deadIds('stakeholders')]);
  const heldClips = await storedRows(db.heldClips, deadIds('heldClips'));
  const tombstones = await listTombstones(db);
  const updates = await storedRows(
    db.updates,
    backup.updates.map((u) => u.id),
  );
  const maintenances = await storedRows(
    db.maintenances,
    backup.maintenances.map((m) => m.id),
  );
  // Only keys: a picture already here is never read just to be skipped.
  const screenshotIds = await storedKeys(
    db.screenshots,
    backup.screenshots.map((s) => s.id),
  );
  const heldIds = backup.heldClips.map((h) => h.id);
  const heldHere = await storedKeys(db.heldClips, heldIds);
  const placedHere = await storedKeys(db.entries, heldIds);
  const next = await nextIncidentNumber(db);
  const records: LocalRecords = {
    incidents,
    entries,
    components,
    updates,
    maintenances,
    screenshotIds,
    heldClipIds: [...heldHere, ...placedHere],
    postmortems,
    checklists,
    actionItems,
    stakeholders,
    heldClips,
    tombstones,
  };
  // Held clips never change once written: their ids say all (their pictures do not stringify).
  return { records, next, print: JSON.stringify([next, { ...records, heldClips: heldClips.map((h) => h.id) }]) };
}

/**
 * The merge plan against what was read. A re-keyed incident gets the next number the log would
 * hand out that nobody here or in the file uses; never one past the key format.
 */
function planWith({ records, next: first }: ReadLocal, backup: Backup, now: Date): MergePlan {
  let next = first;
  const allocateKey = (taken: ReadonlySet<string>): IncidentKey => {
    while (next <= MAX_INCIDENT_NUMBER && taken.has(incidentKeyOf(next))) next++;
    if (next > MAX_INCIDENT_NUMBER) {
      throw new BackupError(
        `This backup cannot be imported: one of its incidents needs a new key here, and every key up to INC-${MAX_INCIDENT_NUMBER} is in use.`,
      );
    }
    return incidentKeyOf(next++);
  };
  return planBackupMerge(records, backup, allocateKey, { now });
}

/**
 * What a change list commits to: the records written, their versions and keys, and the local
 * versions they replace. Two plans with the same fingerprint change the log the same way.
 */
function fingerprint(changes: readonly RecordChange[]): string {
  return JSON.stringify(changes.map((c) => [c.table, c.id, c.action, c.updatedAt ?? null, c.replacesUpdatedAt ?? null, c.rekeyed?.to ?? null]));
}

/** `heldClips:<id>`; the same comparison for the tombstones a plan records (not in `changes`). */
function tombstonesPrint(tombstones: readonly Tombstone[]): string {
  return JSON.stringify(tombstones.map((t) => `${t.table}:${t.id}`).sort());
}

/** Each table's schema: nothing is written around it, a renumbered incident included. */
const WRITE_SCHEMAS: Record<BackupTable, z.ZodType> = {
  incidents: Incident,
  entries: TimelineEntry,
  components: Component,
  updates: StatusUpdate,
  maintenances: Maintenance,
  postmortems: Postmortem,
  checklists: IncidentChecklist,
  actionItems: ActionItem,
  stakeholders: Stakeholder,
  tombstones: Tombstone,
  screenshots: Screenshot,
  heldClips: HeldClip,
};

/**
 * Every row as its schema returns it, or BackupError. A row the file's parse returned and the plan
 * left as it was (not clamped, not re-keyed, not a decoded picture) passed this schema already.
 */
function checked<T>(table: BackupTable, rows: readonly T[], keyOf: (id: string) => string | undefined, fromFile: ReadonlySet<unknown> = new Set()): T[] {
  return rows.map((row) => {
    if (fromFile.has(row)) return row;
    const parsed = WRITE_SCHEMAS[table].safeParse(row);
    if (parsed.success) return parsed.data as T;
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new BackupError(
      `This backup cannot be imported, and nothing was changed: ${recordLabel(table, row, keyOf)} would be stored invalid (${where}${oneLine(issue.message)}).`,
    );
  });
}

/** The local copies that pass their schema: an old, invalid copy cannot be put back by undo. */
function restorable<T>(schema: z.ZodType, rows: readonly T[]): T[] {
  return rows.filter((row) => schema.safeParse(row).success);
}

async function counterValue(db: SitrepDb): Promise<number | undefined> {
  const value = (await db.meta.get(NEXT_INCIDENT_NUMBER))?.value;
  return value !== undefined && Number.isSafeInteger(value) && value >= 1 && value <= MAX_INCIDENT_NUMBER ? value : undefined;
}

async function writeImport(
  db: SitrepDb,
  backup: Backup,
  now: Date,
  {
    expected,
    expectedTombstones,
    fileName,
    planned,
  }: { expected?: readonly RecordChange[]; expectedTombstones?: readonly Tombstone[]; fileName?: string; planned?: { plan: MergePlan; against: string } },
): Promise<ImportSummary> {
  try {
    return await db.transaction('rw', importTables(db), async () => {
      const local = await readLocal(db, backup);
      // The log reads as it did at the preview: the same plan would come out, so it is not made again.
      const plan = planned && planned.against === local.print ? planned.plan : planWith(local, backup, now);
      const moved = expected && fingerprint(plan.changes) !== fingerprint(expected);
      if (moved || (expectedTombstones && tombstonesPrint(plan.tombstones) !== tombstonesPrint(expectedTombstones))) {
        throw new BackupError(
          'The log changed while this import waited for your answer, so nothing was imported; choose the file again to see what it would change now.',
        );
      }
      const keys = new Map(local.records.incidents.map((i): [string, string] => [i.id, i.key]));
      for (const i of plan.incidents) keys.set(i.id, i.key);
      const keyOf = (id: string) => keys.get(id);
      const writes: [BackupTable, Table<any, string>, readonly unknown[]][] = [
        ['incidents', db.incidents, plan.incidents],
        ['entries', db.entries, plan.entries],
        ['components', db.components, plan.components],
        ['updates', db.updates, plan.updates],
        ['maintenances', db.maintenances, plan.maintenances],
        ['postmortems', db.postmortems, plan.postmortems],
        ['checklists', db.checklists, plan.checklists],
        ['actionItems', db.actionItems, plan.actionItems],
        ['stakeholders', db.stakeholders, plan.stakeholders],
        ['screenshots', db.screenshots, plan.screenshots],
        ['heldClips', db.heldClips, plan.heldClips],
      ];
      // Every record is checked before the first is written.
      const rows = writes.map(([table, , list]) => checked(table, list, keyOf, parsedRecords(backup, table)));
      const counterBefore = await counterValue(db);
      const tombstones = checked('tombstones', plan.tombstones, keyOf, parsedRecords(backup, 'tombstones'));
      for (const [i, [, table]] of writes.entries()) if (rows[i]!.length) await table.bulkPut(rows[i]!);
      for (const { table, id } of plan.deletions) await db.table(table).delete(id);
      if (tombstones.length) await db.meta.bulkPut(tombstones.map(tombstoneRow));
      for (const incident of plan.incidents) await reserveIncidentKey(db, incident.key);
      const counterAfter = await counterValue(db);

      if (plan.changes.length || tombstones.length) {
        const written: WrittenRecord[] = plan.changes.map(({ table, id, action, label, updatedAt }) => ({
          table,
          id,
          action,
          label: label.slice(0, 500),
          ...(updatedAt && { updatedAt }),
        }));
        const undo: ImportUndo = {
          id: IMPORT_UNDO_ID,
          importedAt: toInstant(now),
          ...(fileName && { fileName: fileName.slice(0, 500) }),
          ...(counterBefore !== undefined && { counterBefore }),
          ...(counterAfter !== undefined && { counterAfter }),
          written,
          replaced: {
            incidents: restorable(Incident, plan.replaced.incidents),
            entries: restorable(TimelineEntry, plan.replaced.entries),
            components: restorable(Component, plan.replaced.components),
            updates: restorable(StatusUpdate, plan.replaced.updates),
            maintenances: restorable(Maintenance, plan.replaced.maintenances),
            postmortems: restorable(Postmortem, plan.replaced.postmortems),
            checklists: restorable(IncidentChecklist, plan.replaced.checklists),
            actionItems: restorable(ActionItem, plan.replaced.actionItems),
            stakeholders: restorable(Stakeholder, plan.replaced.stakeholders),
            heldClips: restorable(HeldClip, plan.replaced.heldClips),
          },
          ...(tombstones.length && { tombstones }),
        };
        await undoTable(db).put(ImportUndo.parse(undo));
      }
      return plan.summary;
    });
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The import could not be saved, so nothing was changed (${error instanceof Error ? oneLine(error.name) : 'unknown error'}).`);
  }
}

/**
 * Undoes the last import: removes what it added, puts back the local copies it replaced, and
 * moves the INC counter back if nothing took a key since. Refuses (BackupError, one sentence,
 * nothing changed) when something the import wrote was edited or removed since, or an imported
 * incident gained entries: undoing would lose that work. Returns one sentence saying what it did.
 */
export async function undoLastImport(db: SitrepDb): Promise<string> {
  return db.transaction('rw', importTables(db), async () => {
    const row = await undoTable(db).get(IMPORT_UNDO_ID);
    if (!row) throw new BackupError('There is no import to undo.');
    const parsed = ImportUndo.safeParse(row);
    if (!parsed.success) throw new BackupError('The copy kept to undo the last import is damaged, so it cannot be undone.');
    const undo = parsed.data;
    const tableOf = (table: BackupTable): Table<{ id: string; updatedAt?: string }, string> => db.table(table);

    for (const record of undo.written) {
      // A deleted record is put back whatever happened since: nothing can have edited it.
      if (record.action === 'delete') continue;
      const current = await tableOf(record.table).get(record.id);
      if (!current || (record.updatedAt !== undefined && current.updatedAt !== record.updatedAt)) {
        throw new BackupError(
          `The last import cannot be undone any more: ${oneLine(record.label)} was ${current ? 'changed' : 'removed'} after it, and undoing would lose that, so nothing was undone.`,
        );
      }
    }
    const written = new Set(undo.written.map((r) => `${r.table}:${r.id}`));
    for (const record of undo.written) {
      if (record.table !== 'incidents' || record.action !== 'add') continue;
      const entryIds = await db.entries.where('[incidentId+at]').between([record.id, Dexie.minKey], [record.id, Dexie.maxKey]).primaryKeys();
      const updateIds = await db.updates.where('incidentId').equals(record.id).primaryKeys();
      const actionItemIds = await db.actionItems.where('incidentId').equals(record.id).primaryKeys();
      const ownRecords = [
        ...((await db.postmortems.get(record.id)) ? [`postmortems:${record.id}`] : []),
        ...((await db.checklists.get(record.id)) ? [`checklists:${record.id}`] : []),
      ];
      const since = [
        ...entryIds.map((id) => `entries:${id}`),
        ...updateIds.map((id) => `updates:${id}`),
        ...actionItemIds.map((id) => `actionItems:${id}`),
        ...ownRecords,
      ].filter((key) => !written.has(key));
      if (since.length) {
        throw new BackupError(
          `The last import cannot be undone any more: ${oneLine(record.label)} has ${since.length === 1 ? 'an entry' : `${since.length} entries`} added after it, and undoing would lose ${since.length === 1 ? 'it' : 'them'}, so nothing was undone.`,
        );
      }
    }

    const added = undo.written.filter((r) => r.action === 'add');
    const putBack = undo.written.length - added.length;
    for (const record of added) await tableOf(record.table).delete(record.id);
    const { replaced } = undo;
    await db.incidents.bulkPut(replaced.incidents);
    await db.entries.bulkPut(replaced.entries);
    await db.components.bulkPut(replaced.components);
    await db.updates.bulkPut(replaced.updates);
    await db.maintenances.bulkPut(replaced.maintenances);
    await db.postmortems.bulkPut(replaced.postmortems ?? []);
    await db.checklists.bulkPut(replaced.checklists ?? []);
    await db.actionItems.bulkPut(replaced.actionItems ?? []);
    await db.stakeholders.bulkPut(replaced.stakeholders ?? []);
    await db.heldClips.bulkPut(replaced.heldClips ?? []);
    await db.meta.bulkDelete((undo.tombstones ?? []).map((t) => tombstoneRow(t).name));
    // The keys the import reserved are free again, unless a declaration took one since.
    if ((await counterValue(db)) === undo.counterAfter) {
      if (undo.counterBefore === undefined) await db.meta.delete(NEXT_INCIDENT_NUMBER);
      else await db.meta.put({ name: NEXT_INCIDENT_NUMBER, value: undo.counterBefore });
    }
    await undoTable(db).delete(IMPORT_UNDO_ID);
    const of = undo.fileName ? ` of ${oneLine(undo.fileName)}` : '';
    return `Undid the import${of}: removed ${added.length} ${added.length === 1 ? 'record' : 'records'} it added and put back ${putBack} it replaced.`;
  });
}
