import { afterEach, describe, expect, it } from 'vitest';
import {
  addEntry,
  createSitrepDb,
  declareIncident,
  deleteEntry,
  editEntry,
  listEntries,
  type SitrepDb,
} from '../../src/db';
import { exportBackup, importBackup, importBackupText } from '../../src/db/backup-repo';
import { BackupError, parseBackup, serializeBackup, type Backup } from '../../src/report/backup';

const opened: SitrepDb[] = [];

function freshDb(): SitrepDb {
  const db = createSitrepDb(`test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const t = (hhmm: string) => new Date(`2026-11-28T${hhmm}:00.000Z`);

/** Everything stored, in a stable order: what "the log is unchanged" compares. */
async function snapshot(db: SitrepDb) {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return {
    incidents: (await db.incidents.toArray()).sort(byId),
    entries: (await db.entries.toArray()).sort(byId),
    meta: await db.meta.toArray(),
  };
}

/** A log with one incident and a few entries, one of them deleted. */
async function seed(db: SitrepDb) {
  const incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, { author: 'Ana', now: t('09:00') });
  const alert = await addEntry(db, { incidentId: incident.id, kind: 'alert', text: 'Error rate 7%', author: 'Ana' }, t('09:05'));
  const note = await addEntry(db, { incidentId: incident.id, kind: 'note', text: 'Paged Bo', author: 'Ana' }, t('09:06'));
  const wrong = await addEntry(db, { incidentId: incident.id, kind: 'note', text: 'Wrong tab', author: 'Ana' }, t('09:07'));
  await deleteEntry(db, wrong.id, t('09:08'));
  return { incident, alert, note, wrong };
}

/** Sends a log through the file format, as a responder moving it between browsers would. */
async function transfer(from: SitrepDb, now = t('12:00')): Promise<string> {
  return serializeBackup(await exportBackup(from, now));
}

describe('exportBackup / importBackup', () => {
  it('restores a wiped log exactly, and a second import of the same file adds nothing', async () => {
    const source = freshDb();
    await seed(source);
    const file = await transfer(source);

    const restored = freshDb();
    const first = await importBackupText(restored, file);
    expect(first).toEqual({ incidentsAdded: 1, incidentsUpdated: 0, entriesAdded: 4, entriesUpdated: 0, unchanged: 0, rekeyed: [] });
    const afterFirst = await snapshot(restored);
    expect(afterFirst.incidents).toEqual((await snapshot(source)).incidents);
    expect(afterFirst.entries).toEqual((await snapshot(source)).entries);

    const second = await importBackupText(restored, file);
    expect(second).toEqual({ incidentsAdded: 0, incidentsUpdated: 0, entriesAdded: 0, entriesUpdated: 0, unchanged: 5, rekeyed: [] });
    expect(await snapshot(restored)).toEqual(afterFirst);
  });

  it('exports the same bytes twice from an unchanged log, deleted entries included', async () => {
    const db = freshDb();
    const { wrong } = await seed(db);
    const file = await transfer(db);
    expect(await transfer(db)).toBe(file);
    const backup = parseBackup(file);
    expect(backup.entries.find((e) => e.id === wrong.id)?.deletedAt).toBe(t('09:08').toISOString());
  });

  it("merges a colleague's backup of the same incident both ways into one identical log", async () => {
    const mine = freshDb();
    const { incident, alert, note, wrong } = await seed(mine);
    const theirs = freshDb();
    await importBackupText(theirs, await transfer(mine, t('09:30')));

    // Working apart: each adds an entry; they edit the shared note later; I delete the alert.
    await addEntry(mine, { incidentId: incident.id, kind: 'decision', text: 'Roll back', author: 'Ana' }, t('09:40'));
    await addEntry(theirs, { incidentId: incident.id, kind: 'note', text: 'Cache hit rate fell', author: 'Bo' }, t('09:41'));
    await editEntry(theirs, note.id, { text: 'Paged Bo; Bo joined 09:12' }, t('09:50'));
    await deleteEntry(mine, alert.id, t('09:55'));

    const fromTheirs = await importBackupText(mine, await transfer(theirs, t('10:00')));
    expect(fromTheirs).toEqual({ incidentsAdded: 0, incidentsUpdated: 0, entriesAdded: 1, entriesUpdated: 1, unchanged: 4, rekeyed: [] });
    const fromMine = await importBackupText(theirs, await transfer(mine, t('10:01')));
    expect(fromMine).toEqual({ incidentsAdded: 0, incidentsUpdated: 0, entriesAdded: 1, entriesUpdated: 1, unchanged: 5, rekeyed: [] });

    expect(await snapshot(mine)).toEqual(await snapshot(theirs));
    const timeline = await listEntries(mine, incident.id);
    expect(timeline.map((e) => e.text)).toEqual([
      'Declared SEV2: Checkout errors',
      'Paged Bo; Bo joined 09:12',
      'Roll back',
      'Cache hit rate fell',
    ]);
    const all = await listEntries(mine, incident.id, { withDeleted: true });
    expect(all).toHaveLength(6);
    expect(new Set(all.map((e) => e.id)).size).toBe(6);
    expect(all.filter((e) => e.deletedAt).map((e) => e.id).sort()).toEqual([alert.id, wrong.id].sort());
  });

  it('re-keys a colleague’s incident whose key is taken here, once, and never hands its keys out again', async () => {
    const mine = freshDb();
    const theirs = freshDb();
    const myInc = await declareIncident(mine, { title: 'Mine', severity: 'SEV3' }, { author: 'Ana', now: t('09:00') });
    await declareIncident(theirs, { title: 'Theirs one', severity: 'SEV2' }, { author: 'Bo', now: t('09:01') });
    await declareIncident(theirs, { title: 'Theirs two', severity: 'SEV2' }, { author: 'Bo', now: t('09:02') });
    const file = await transfer(theirs);

    const summary = await importBackupText(mine, file);
    expect(summary.rekeyed).toEqual([{ from: 'INC-1', to: 'INC-3', title: 'Theirs one' }]);
    const keys = (await mine.incidents.toArray()).map((i) => [i.title, i.key]).sort();
    expect(keys).toEqual([
      ['Mine', 'INC-1'],
      ['Theirs one', 'INC-3'],
      ['Theirs two', 'INC-2'],
    ]);
    expect((await mine.incidents.get(myInc.id))?.key).toBe('INC-1');

    // The same file again: matched by id, nothing re-keyed twice.
    const again = await importBackupText(mine, file);
    expect(again).toMatchObject({ incidentsAdded: 0, entriesAdded: 0, rekeyed: [] });

    const next = await declareIncident(mine, { title: 'Next', severity: 'SEV4' }, { author: 'Ana', now: t('10:00') });
    expect(next.key).toBe('INC-4');
  });

  it('reserves imported keys, so a restored log continues after them', async () => {
    const source = freshDb();
    for (let i = 0; i < 7; i++) {
      await declareIncident(source, { title: `Incident ${i + 1}`, severity: 'SEV5' }, { author: 'Ana', now: t(`09:0${i}`) });
    }
    const restored = freshDb();
    await importBackupText(restored, await transfer(source));
    const next = await declareIncident(restored, { title: 'After restore', severity: 'SEV5' }, { author: 'Ana', now: t('11:00') });
    expect(next.key).toBe('INC-8');
  });
});

describe('a bad file changes nothing', () => {
  const broken: [string, (valid: string) => string, RegExp][] = [
    ['truncated JSON', (valid) => valid.slice(0, valid.length - 40), /^This backup is cut off/],
    ['not an object', () => '["sitrep-backup", 1]', /it holds a list, not a backup/],
    ['the wrong format tag', (valid) => valid.replace('"sitrep-backup"', '"sitrep-export"'), /its format is "sitrep-export"/],
    ['a missing field', (valid) => edit(valid, (d) => delete d.entries[1].kind), /entries\[1\]\.kind: expected one of note/],
    ['a wrong type', (valid) => edit(valid, (d) => (d.incidents[0].severity = 2)), /incidents\[0\]\.severity: expected one of SEV1, SEV2, SEV3, SEV4, SEV5, got the number 2/],
    ['a newer version', (valid) => edit(valid, (d) => (d.version = 2)), /made by a newer Sitrep: update the extension/],
    ['an older version', (valid) => edit(valid, (d) => (d.version = 0)), /older than this Sitrep can import/],
    ['a garbage version', (valid) => edit(valid, (d) => (d.version = 'latest')), /broken version number \("latest"\)/],
    ['an entry of a missing incident', (valid) => edit(valid, (d) => (d.entries[0].incidentId = crypto.randomUUID())), /names no incident in this backup/],
  ];

  function edit(text: string, change: (doc: any) => void): string {
    const doc = JSON.parse(text);
    change(doc);
    return JSON.stringify(doc);
  }

  it.each(broken)('%s', async (_name, breakFile, message) => {
    const other = freshDb();
    await declareIncident(other, { title: 'From elsewhere', severity: 'SEV3' }, { author: 'Bo', now: t('08:00') });
    await addEntry(other, { incidentId: (await other.incidents.toArray())[0]!.id, kind: 'note', text: 'x', author: 'Bo' }, t('08:01'));
    const file = breakFile(await transfer(other));

    const db = freshDb();
    await seed(db);
    const before = await snapshot(db);
    const attempt = importBackupText(db, file);
    await expect(attempt).rejects.toBeInstanceOf(BackupError);
    await expect(attempt).rejects.toThrow(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls back every write when one fails part-way through', async () => {
    const other = freshDb();
    await seed(other);
    const valid = await exportBackup(other, t('12:00'));
    // Passes the type but not IndexedDB: the second entry has no key, so its put fails after
    // the incident and the first entry were already written in the same transaction.
    const { id: _dropped, ...keyless } = valid.entries[1]!;
    const corrupt = { ...valid, entries: [valid.entries[0]!, keyless, ...valid.entries.slice(2)] } as Backup;

    const db = freshDb();
    await seed(db);
    const before = await snapshot(db);
    await expect(importBackup(db, corrupt)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });
});
