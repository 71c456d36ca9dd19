import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { addEntry, declareIncident, saveComponent, saveMaintenance, type SitrepDb } from '../../src/db';
import { exportBackup, importBackupText } from '../../src/db/backup-repo';
import { Component, HeldClip, Incident, Maintenance, Screenshot, StatusUpdate, TimelineEntry } from '../../src/model';
import { parseBackup, serializeBackup } from '../../src/report/backup';
import { freshDb } from '../db/fresh-db';
import { at, expectOneSentence, hostileBaseDoc, rasterBytes, screenshotRow, svgBytes, uuid } from './backup-fixtures';

/** How every stored row must read: nothing is written around its schema. */
const ROW_SCHEMAS: [string, z.ZodType][] = [
  ['incidents', Incident],
  ['entries', TimelineEntry],
  ['components', Component],
  ['updates', StatusUpdate],
  ['maintenances', Maintenance],
  ['screenshots', Screenshot],
  ['heldClips', HeldClip],
];

async function expectEveryRowValid(db: SitrepDb) {
  for (const [table, schema] of ROW_SCHEMAS) {
    for (const row of await db.table(table).toArray()) {
      const parsed = schema.safeParse(row);
      expect({ table, row, problems: parsed.error?.issues }).toEqual({ table, row, problems: undefined });
    }
  }
}

async function seed(db: SitrepDb) {
  const incident = await declareIncident(db, { title: 'Mine', severity: 'SEV2' }, { author: 'Ana', now: at('09:00') });
  await addEntry(db, { incidentId: incident.id, kind: 'note', text: 'Paged Bo', author: 'Ana' }, at('09:01'));
  await saveComponent(db, { name: 'Search', owner: 'Search team', dashboardPatterns: [] }, at('08:00'));
  await saveMaintenance(
    db,
    { title: 'Reindex', body: 'Search may be slow.', componentIds: [], scheduledFor: '2026-12-01T01:00:00.000Z', scheduledUntil: '2026-12-01T02:00:00.000Z' },
    'Ana',
    at('08:10'),
  );
  return incident;
}

describe('everything an import writes goes through its schema', () => {
  it('a re-keyed incident is checked like any other, and the log exports afterwards', async () => {
    const db = freshDb();
    await seed(db);
    const doc = hostileBaseDoc();
    // INC-1 collides with mine; INC-999999999 pushed the old allocator past the key format.
    doc.incidents.push({ ...doc.incidents[0]!, id: uuid(2), key: 'INC-999999999', title: 'Huge key' });
    await importBackupText(db, JSON.stringify(doc), at('12:00'));
    await expectEveryRowValid(db);
    const { backup, skipped } = await exportBackup(db, at('12:05'));
    expect(skipped).toEqual([]);
    expect(backup.incidents.map((i) => i.title).sort()).toEqual(['Checkout errors', 'Huge key', 'Mine']);
  });

  it('every table of a full hostile file is stored valid: updates, maintenances, pictures included', async () => {
    const db = freshDb();
    await seed(db);
    const doc = hostileBaseDoc();
    doc.entries[0]!.updatedAt = '2999-12-31T23:59:59.999Z';
    doc.updates[0]!.updatedAt = '2999-12-31T23:59:59.999Z';
    doc.maintenances[0]!.updatedAt = '2999-12-31T23:59:59.999Z';
    doc.screenshots.push(
      screenshotRow(600, { type: 'image/webp', bytes: rasterBytes('image/webp') }, { type: 'image/jpeg', bytes: rasterBytes('image/jpeg') }),
    );
    await importBackupText(db, JSON.stringify(doc), at('12:00'));
    await expectEveryRowValid(db);
  });
});

describe('export never refuses the whole log for one bad record', () => {
  /** Rows an older Sitrep (or a bug) could have left in the database, each invalid in its own way. */
  async function storeBadRows(db: SitrepDb, mine: Incident) {
    const broken: Record<string, unknown>[] = [];
    const put = async (table: string, row: Record<string, unknown>) => {
      await db.table(table).put(row);
      broken.push({ table, id: row.id });
    };
    // The old import's renumbering wrote this key unchecked.
    await put('incidents', { ...mine, id: uuid(2), key: 'INC-1000000000', title: 'Renumbered' });
    // Its entry must go with it: alone it would not import.
    await put('entries', {
      id: uuid(21),
      incidentId: uuid(2),
      at: mine.startedAt,
      recordedAt: mine.startedAt,
      author: 'Bo',
      kind: 'note',
      text: 'on the renumbered one',
      starred: false,
      updatedAt: mine.startedAt,
    });
    await put('entries', {
      id: uuid(22),
      incidentId: mine.id,
      at: '0000-01-01T00:00:00.000Z',
      recordedAt: mine.startedAt,
      author: 'Bo',
      kind: 'note',
      text: 'year zero',
      starred: false,
      updatedAt: mine.startedAt,
    });
    await put('components', {
      id: uuid(501),
      name: '',
      description: '',
      owner: '',
      order: 0,
      public: true,
      status: 'operational',
      dashboardPatterns: [],
      updatedAt: mine.startedAt,
    });
    await put('updates', {
      id: uuid(801),
      incidentId: uuid(3),
      status: 'investigating',
      body: 'orphan',
      components: [],
      at: mine.startedAt,
      author: 'Bo',
      updatedAt: mine.startedAt,
    });
    await put('maintenances', {
      id: uuid(901),
      title: 'Backwards',
      body: 'x',
      componentIds: [],
      scheduledFor: '2026-12-02T03:00:00.000Z',
      scheduledUntil: '2026-12-02T02:00:00.000Z',
      author: 'Bo',
      createdAt: mine.startedAt,
      updatedAt: mine.startedAt,
    });
    // What the old import let in as a "screenshot".
    await put('screenshots', {
      id: uuid(601),
      incidentId: mine.id,
      image: new Blob([svgBytes()], { type: 'image/svg+xml' }),
      thumbnail: new Blob([rasterBytes('image/png')], { type: 'image/png' }),
      width: 2,
      height: 1,
      takenAt: mine.startedAt,
    });
    return broken;
  }

  it('exports the rest and names each record it skipped', async () => {
    const db = freshDb();
    const mine = await seed(db);
    const broken = await storeBadRows(db, mine);

    const { backup, skipped } = await exportBackup(db, at('12:00'));
    expect(skipped.map((s) => ({ table: s.table, id: s.id })).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      broken.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1)),
    );
    for (const s of skipped) {
      expect(s.label.length).toBeGreaterThan(0);
      expectOneSentence(s.reason);
    }
    // The good records are all there, and the file imports again.
    expect(backup.incidents.map((i) => i.key)).toEqual([mine.key]);
    expect(backup.entries.map((e) => e.text).sort()).toEqual(['Declared SEV2: Mine', 'Paged Bo']);
    expect(backup.components.map((c) => c.name)).toEqual(['Search']);
    expect(backup.maintenances.map((m) => m.title)).toEqual(['Reindex']);
    expect(backup.screenshots).toEqual([]);
    expect(parseBackup(serializeBackup(backup))).toEqual(backup);
  });

  it('names a skipped record by what a person knows it by', async () => {
    const db = freshDb();
    const mine = await seed(db);
    await storeBadRows(db, mine);
    const { skipped } = await exportBackup(db, at('12:00'));
    const labels = skipped.map((s) => s.label).join(' | ');
    expect(labels).toContain('INC-1000000000');
    expect(labels).toContain('year zero');
    expect(labels).toContain('Backwards');
    expect(skipped.find((s) => s.id === uuid(601))?.reason).toMatch(/picture/i);
  });

  it('a screenshot whose bytes are not its type is skipped, not exported', async () => {
    const db = freshDb();
    const mine = await seed(db);
    await db.screenshots.put({
      id: uuid(602),
      incidentId: mine.id,
      image: new Blob([svgBytes()], { type: 'image/png' }),
      thumbnail: new Blob([rasterBytes('image/png')], { type: 'image/png' }),
      width: 2,
      height: 1,
      takenAt: mine.startedAt,
    });
    const { backup, skipped } = await exportBackup(db, at('12:00'));
    expect(backup.screenshots).toEqual([]);
    expect(skipped.map((s) => s.id)).toEqual([uuid(602)]);
  });
});
