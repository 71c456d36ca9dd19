import { describe, expect, it } from 'vitest';
import {
  addActionItem,
  addClip,
  addEntry,
  declareIncident,
  deleteActionItem,
  deleteComponent,
  deleteStakeholder,
  discardHeldClip,
  deleteEntry,
  editEntry,
  eraseLog,
  holdClip,
  listEntries,
  listHeldClips,
  listTombstones,
  patchPostmortem,
  placeHeldClip,
  saveComponent,
  savePostmortem,
  saveStakeholder,
  tickStep,
  type SitrepDb,
} from '../../src/db';
import type { ClipDraft } from '../../src/model';
import { applyImport, exportBackup, importBackup, importBackupText, previewImport, undoLastImport } from '../../src/db/backup-repo';
import { BACKUP_VERSION, BackupError, parseBackup, serializeBackup, type Backup } from '../../src/report/backup';
import { blobContents, noClipData, rasterBytes } from '../report/records';
import { v1 } from './written-by/v1';
import { freshDb } from './fresh-db';

const t = (hhmm: string) => new Date(`2026-11-28T${hhmm}:00.000Z`);

/** Everything stored, in a stable order, pictures as their bytes: what "the log is unchanged" compares. */
async function snapshot(db: SitrepDb) {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const screenshots = await Promise.all(
    (await db.screenshots.toArray()).sort(byId).map(async (s) => ({ ...s, image: await blobContents(s.image), thumbnail: await blobContents(s.thumbnail) })),
  );
  const heldClips = await Promise.all(
    (await db.heldClips.toArray()).sort(byId).map(async ({ screenshot, ...rest }) => ({
      ...rest,
      ...(screenshot && {
        screenshot: { ...screenshot, image: await blobContents(screenshot.image), thumbnail: await blobContents(screenshot.thumbnail) },
      }),
    })),
  );
  return {
    incidents: (await db.incidents.toArray()).sort(byId),
    entries: (await db.entries.toArray()).sort(byId),
    meta: await db.meta.toArray(),
    components: (await db.components.toArray()).sort(byId),
    screenshots,
    heldClips,
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
  const { backup, skipped } = await exportBackup(from, now);
  expect(skipped).toEqual([]);
  return serializeBackup(backup);
}

describe('exportBackup / importBackup', () => {
  it('restores a wiped log exactly, and a second import of the same file adds nothing', async () => {
    const source = freshDb();
    await seed(source);
    const file = await transfer(source);

    const restored = freshDb();
    const first = await importBackupText(restored, file);
    expect(first).toEqual({ incidentsAdded: 1, incidentsUpdated: 0, entriesAdded: 4, entriesUpdated: 0, ...noClipData, unchanged: 0, rekeyed: [] });
    const afterFirst = await snapshot(restored);
    expect(afterFirst.incidents).toEqual((await snapshot(source)).incidents);
    expect(afterFirst.entries).toEqual((await snapshot(source)).entries);

    const second = await importBackupText(restored, file);
    expect(second).toEqual({ incidentsAdded: 0, incidentsUpdated: 0, entriesAdded: 0, entriesUpdated: 0, ...noClipData, unchanged: 5, rekeyed: [] });
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
    expect(fromTheirs).toEqual({ incidentsAdded: 0, incidentsUpdated: 0, entriesAdded: 1, entriesUpdated: 1, ...noClipData, unchanged: 4, rekeyed: [] });
    const fromMine = await importBackupText(theirs, await transfer(mine, t('10:01')));
    expect(fromMine).toEqual({ incidentsAdded: 0, incidentsUpdated: 0, entriesAdded: 1, entriesUpdated: 1, ...noClipData, unchanged: 5, rekeyed: [] });

    expect(await snapshot(mine)).toEqual(await snapshot(theirs));
    const timeline = await listEntries(mine, incident.id);
    expect(timeline.map((e) => e.text)).toEqual(['Declared SEV2: Checkout errors', 'Paged Bo; Bo joined 09:12', 'Roll back', 'Cache hit rate fell']);
    const all = await listEntries(mine, incident.id, { withDeleted: true });
    expect(all).toHaveLength(6);
    expect(new Set(all.map((e) => e.id)).size).toBe(6);
    expect(
      all
        .filter((e) => e.deletedAt)
        .map((e) => e.id)
        .sort(),
    ).toEqual([alert.id, wrong.id].sort());
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

describe('a backup of hundreds of records', () => {
  // Past 256 ids the import reads the table's keys first, then the rows found: one by one when
  // few, in one read when most of the table. Each way must find exactly what is stored.
  it('finds the stored copies among them, whether the log holds all, some or none', async () => {
    const source = freshDb();
    const incident = await declareIncident(source, { title: 'Big', severity: 'SEV2' }, { author: 'Ana', now: t('09:00') });
    await source.entries.bulkAdd(
      Array.from({ length: 600 }, (_, i) => ({
        id: crypto.randomUUID(),
        incidentId: incident.id,
        at: t('09:01').toISOString(),
        recordedAt: t('09:01').toISOString(),
        author: 'Ana',
        kind: 'note' as const,
        text: `note ${i}`,
        starred: false,
        updatedAt: t('09:01').toISOString(),
      })),
    );
    const first = parseBackup(serializeBackup((await exportBackup(source, t('10:00'))).backup));
    const edited = first.entries.slice(0, 5).map((e) => e.id);
    for (const id of edited) await editEntry(source, id, { text: 'edited' }, t('10:05'));
    const second = parseBackup(serializeBackup((await exportBackup(source, t('10:06'))).backup));

    const all = freshDb();
    expect(await importBackup(all, first, t('10:01'))).toMatchObject({ entriesAdded: 601, entriesUpdated: 0, unchanged: 0 });
    expect(await importBackup(all, second, t('10:07'))).toMatchObject({ entriesAdded: 0, entriesUpdated: 5, unchanged: 597 });

    const some = freshDb();
    await importBackup(some, { ...first, entries: first.entries.slice(0, 100) }, t('10:01'));
    expect(await importBackup(some, second, t('10:07'))).toMatchObject({ entriesAdded: 501, entriesUpdated: 5, unchanged: 96 });
    expect(
      (await listEntries(some, incident.id))
        .filter((e) => e.text === 'edited')
        .map((e) => e.id)
        .sort(),
    ).toEqual([...edited].sort());
  });
});

describe('a bad file changes nothing', () => {
  const broken: [string, (valid: string) => string, RegExp][] = [
    ['truncated JSON', (valid) => valid.slice(0, valid.length - 40), /^This backup is cut off/],
    ['not an object', () => '["sitrep-backup", 1]', /it holds a list, not a backup/],
    ['the wrong format tag', (valid) => valid.replace('"sitrep-backup"', '"sitrep-export"'), /its format is "sitrep-export"/],
    ['a missing field', (valid) => edit(valid, (d) => delete d.entries[1].kind), /entries\[1\]\.kind: expected one of note/],
    [
      'a wrong type',
      (valid) => edit(valid, (d) => (d.incidents[0].severity = 2)),
      /incidents\[0\]\.severity: expected one of SEV1, SEV2, SEV3, SEV4, SEV5, got the number 2/,
    ],
    ['a newer version', (valid) => edit(valid, (d) => (d.version = BACKUP_VERSION + 1)), /made by a newer Sitrep: update the extension/],
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
    const { backup: valid } = await exportBackup(other, t('12:00'));
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

/** A picture as the clipper hands it over: a WebP image and a JPEG thumbnail. */
function picture(seed: number) {
  return {
    image: new Blob([rasterBytes('image/webp', 5000, seed)], { type: 'image/webp' }),
    thumbnail: new Blob([rasterBytes('image/jpeg', 400, seed + 1)], { type: 'image/jpeg' }),
    width: 1280,
    height: 720,
  };
}

function draft(text: string, componentIds: string[] = []): ClipDraft {
  return {
    text,
    sourceUrl: 'https://grafana.example.com/d/abc/checkout?from=1795856400000&to=1795860000000',
    clip: {
      tool: 'grafana',
      pageUrl: 'https://grafana.example.com/d/abc/checkout?from=now-1h&to=now',
      pageTitle: 'Checkout - Grafana',
      frozenUrl: 'https://grafana.example.com/d/abc/checkout?from=1795856400000&to=1795860000000',
      range: { from: '2026-11-28T09:00:00.000Z', to: '2026-11-28T10:00:00.000Z', relative: true },
      componentIds,
    },
  };
}

/** The seeded log plus what version 2 added: a component, a clip with a screenshot, held clips. */
async function seedWithClips(db: SitrepDb) {
  const base = await seed(db);
  const component = await saveComponent(db, { name: 'Checkout API', owner: 'Payments', dashboardPatterns: ['https://grafana.example.com/d/abc'] }, t('08:00'));
  const clip = await addClip(
    db,
    { incidentId: base.incident.id, author: 'Ana', draft: draft('p99 2.4 s', [component.id]), screenshot: picture(1) },
    t('09:10'),
  );
  const held = await holdClip(db, { author: 'Bo', draft: draft('Queue depth climbing'), screenshot: picture(3) }, t('09:20'));
  const heldPlain = await holdClip(db, { author: 'Bo', draft: draft('No picture') }, t('09:21'));
  return { ...base, component, clip, held, heldPlain };
}

describe('backup version 2: components, screenshots and held clips', () => {
  it('imports a version 1 file into today’s database, and again without duplicates', async () => {
    const file = JSON.stringify({ format: 'sitrep-backup', version: 1, exportedAt: '2026-11-28T02:00:00.000Z', incidents: v1.incidents, entries: v1.entries });
    const db = freshDb();
    expect(await importBackupText(db, file)).toEqual({
      incidentsAdded: 1,
      incidentsUpdated: 0,
      entriesAdded: 2,
      entriesUpdated: 0,
      ...noClipData,
      unchanged: 0,
      rekeyed: [],
    });
    const after = await snapshot(db);
    expect(after.incidents).toEqual(v1.incidents.map((i) => ({ ...i, publicTitle: '', publicImpact: '' })));
    expect(after.entries).toEqual([...v1.entries].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(after).toMatchObject({ components: [], screenshots: [], heldClips: [] });
    expect(await importBackupText(db, file)).toMatchObject({ incidentsAdded: 0, entriesAdded: 0, unchanged: 3 });
    expect(await snapshot(db)).toEqual(after);
  });

  it('moves the whole log to another browser, pictures byte for byte, and a second import adds nothing', async () => {
    const source = freshDb();
    const { clip } = await seedWithClips(source);
    const file = await transfer(source);
    const doc = JSON.parse(file);
    expect(doc.version).toBe(4);
    expect(doc.screenshots).toHaveLength(1);
    expect(doc.screenshots[0].id).toBe(clip.clip!.screenshotId);

    const restored = freshDb();
    expect(await importBackupText(restored, file)).toEqual({
      incidentsAdded: 1,
      incidentsUpdated: 0,
      entriesAdded: 5,
      entriesUpdated: 0,
      componentsAdded: 1,
      componentsUpdated: 0,
      updatesAdded: 0,
      updatesUpdated: 0,
      maintenancesAdded: 0,
      maintenancesUpdated: 0,
      postmortemsAdded: 0,
      postmortemsUpdated: 0,
      checklistsAdded: 0,
      checklistsUpdated: 0,
      actionItemsAdded: 0,
      actionItemsUpdated: 0,
      stakeholdersAdded: 0,
      stakeholdersUpdated: 0,
      deleted: 0,
      screenshotsAdded: 1,
      heldClipsAdded: 2,
      unchanged: 0,
      rekeyed: [],
    });
    const expected = await snapshot(source);
    const got = await snapshot(restored);
    expect(got).toEqual(expected);
    expect(got.screenshots[0]!.image).toEqual({ type: 'image/webp', bytes: [...rasterBytes('image/webp', 5000, 1)] });
    expect(got.heldClips.find((h) => h.screenshot)?.screenshot?.thumbnail).toEqual({ type: 'image/jpeg', bytes: [...rasterBytes('image/jpeg', 400, 4)] });

    expect(await importBackupText(restored, file)).toMatchObject({
      entriesAdded: 0,
      componentsAdded: 0,
      screenshotsAdded: 0,
      heldClipsAdded: 0,
      unchanged: 10,
    });
    expect(await snapshot(restored)).toEqual(got);
    expect(await transfer(restored)).toBe(file);
  });

  it('keeps the newer copy of a component, whichever side edited it', async () => {
    const mine = freshDb();
    const { component } = await seedWithClips(mine);
    const theirs = freshDb();
    await importBackupText(theirs, await transfer(mine));
    await saveComponent(theirs, { ...component, owner: 'Checkout squad' }, t('10:00'));

    expect(await importBackupText(mine, await transfer(theirs))).toMatchObject({ componentsUpdated: 1 });
    expect((await mine.components.get(component.id))?.owner).toBe('Checkout squad');
    expect(await importBackupText(theirs, await transfer(mine))).toMatchObject({ componentsUpdated: 0 });
  });

  it('does not bring back a held clip that was placed after the backup was made', async () => {
    const db = freshDb();
    const { incident, held } = await seedWithClips(db);
    const before = await transfer(db);
    const entry = await placeHeldClip(db, held.id, incident.id);
    expect(entry.id).toBe(held.id);

    const summary = await importBackupText(db, before);
    expect(summary).toMatchObject({ entriesAdded: 0, heldClipsAdded: 0 });
    expect((await listHeldClips(db)).map((h) => h.draft.text)).toEqual(['No picture']);
    expect((await listEntries(db, incident.id)).filter((e) => e.text === 'Queue depth climbing')).toHaveLength(1);
  });

  it('exports after the log is erased: incidents take their entries, screenshots and held clips along', async () => {
    const db = freshDb();
    await seedWithClips(db);
    await eraseLog(db);
    const backup = parseBackup(await transfer(db));
    expect(backup).toMatchObject({ incidents: [], entries: [], screenshots: [], heldClips: [] });
    expect(backup.components).toHaveLength(1);
  });

  const brokenPictures: [string, (doc: any) => void, RegExp][] = [
    [
      'a screenshot that is not base64',
      (d) => (d.screenshots[0].image = `${d.screenshots[0].image.slice(0, 40)}*`),
      /screenshots\[0\]\.image: expected the picture as base64 text/,
    ],
    [
      'a held clip thumbnail with a stray character',
      (d) => (d.heldClips.find((h: any) => h.screenshot).screenshot.thumbnail += '%'),
      /heldClips\[\d\]\.screenshot\.thumbnail: expected the picture as base64 text/,
    ],
    [
      'a screenshot that claims to be a web page',
      (d) => (d.screenshots[0].imageType = 'text/html'),
      /screenshots\[0\]\.imageType: expected a picture type \(image\/webp, image\/jpeg, image\/png or image\/gif\), got "text\/html"/,
    ],
    ['a screenshot that is an SVG document', (d) => (d.screenshots[0].imageType = 'image/svg+xml'), /screenshots\[0\]\.imageType: expected a picture type/],
  ];

  it.each(brokenPictures)('%s: a clear message, and nothing changes', async (_name, edit, message) => {
    const other = freshDb();
    await seedWithClips(other);
    const doc = JSON.parse(await transfer(other));
    edit(doc);

    const db = freshDb();
    await seedWithClips(db);
    const before = await snapshot(db);
    const attempt = importBackupText(db, JSON.stringify(doc));
    await expect(attempt).rejects.toBeInstanceOf(BackupError);
    await expect(attempt).rejects.toThrow(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls back components, screenshots and held clips when a write fails part-way through', async () => {
    const other = freshDb();
    await seedWithClips(other);
    const { backup: valid } = await exportBackup(other, t('12:00'));
    // The last table written is the held clips; a keyless one fails after everything else was put.
    const { id: _dropped, ...keyless } = valid.heldClips[1]!;
    const corrupt = { ...valid, heldClips: [valid.heldClips[0]!, keyless] } as Backup;

    const db = freshDb();
    await seed(db);
    const before = await snapshot(db);
    await expect(importBackup(db, corrupt)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });
});

/** The seeded log with clips, plus the incident manager's process: a stakeholder, an action item, a post-mortem, a tick. */
async function seedWithProcess(db: SitrepDb) {
  const base = await seedWithClips(db);
  const stakeholder = await saveStakeholder(
    db,
    { name: 'Support leads', power: 'high', interest: 'high', channels: ['slack'], reach: '#support-leads', fromSeverity: 'SEV2' },
    t('08:30'),
  );
  const actionItem = await addActionItem(db, { incidentId: base.incident.id, text: 'Validate CA bundles in CI', kind: 'prevention' }, t('10:00'));
  const postmortem = await savePostmortem(db, {
    incidentId: base.incident.id,
    status: 'draft',
    authors: ['Ana'],
    timeline: 'starred',
    sections: {
      summary: 'Checkout failed',
      impact: '',
      rootCause: '',
      trigger: '',
      detection: '',
      resolution: '',
      longTermFix: '',
      wentWell: '',
      wentWrong: '',
      lucky: '',
    },
    public: { opening: '', whatHappened: '', whatWeDid: '', closing: '' },
    createdAt: t('10:05').toISOString(),
    updatedAt: t('10:05').toISOString(),
  });
  const checklist = await tickStep(db, base.incident.id, 'acknowledge', { by: 'Ana', note: 'Confirmed by payments on-call' }, t('09:02'));
  return { ...base, stakeholder, actionItem, postmortem, checklist };
}

/** Ids of what tombstones may name, as stored now. */
async function deletable(db: SitrepDb) {
  const ids = async (table: 'heldClips' | 'components' | 'stakeholders' | 'actionItems') =>
    (await db.table(table).toCollection().primaryKeys()).map(String).sort();
  return {
    heldClips: await ids('heldClips'),
    components: await ids('components'),
    stakeholders: await ids('stakeholders'),
    actionItems: await ids('actionItems'),
  };
}

describe('backup version 4: tombstones and the incident manager’s process', () => {
  it('does not bring back what was deleted for good when an older backup is imported; a fresh log gets it all', async () => {
    const db = freshDb();
    const seeded = await seedWithProcess(db);
    const older = await transfer(db, t('11:00'));
    const all = await deletable(db);

    await discardHeldClip(db, seeded.held.id, t('11:10'));
    await deleteComponent(db, seeded.component.id, t('11:11'));
    await deleteStakeholder(db, seeded.stakeholder.id, t('11:12'));
    await deleteActionItem(db, seeded.actionItem.id, t('11:13'));
    const afterDeleting = await deletable(db);
    expect(afterDeleting).toEqual({ heldClips: [seeded.heldPlain.id], components: [], stakeholders: [], actionItems: [] });

    const summary = await importBackupText(db, older, t('12:00'));
    expect(summary).toMatchObject({ heldClipsAdded: 0, componentsAdded: 0, stakeholdersAdded: 0, actionItemsAdded: 0, deleted: 0 });
    expect(await deletable(db)).toEqual(afterDeleting);

    // The deletions travel in the next backup, with their times.
    const newer = parseBackup(await transfer(db, t('12:30')));
    expect(newer.tombstones).toEqual([
      { table: 'actionItems', id: seeded.actionItem.id, deletedAt: t('11:13').toISOString() },
      { table: 'components', id: seeded.component.id, deletedAt: t('11:11').toISOString() },
      { table: 'heldClips', id: seeded.held.id, deletedAt: t('11:10').toISOString() },
      { table: 'stakeholders', id: seeded.stakeholder.id, deletedAt: t('11:12').toISOString() },
    ]);

    const fresh = freshDb();
    expect(await importBackupText(fresh, older, t('12:00'))).toMatchObject({
      heldClipsAdded: 2,
      componentsAdded: 1,
      stakeholdersAdded: 1,
      actionItemsAdded: 1,
    });
    expect(await deletable(fresh)).toEqual(all);
  });

  it("a newer backup's tombstones delete a colleague's copies, an older backup there does not bring them back, and undo puts them back", async () => {
    const mine = freshDb();
    const seeded = await seedWithProcess(mine);
    const older = await transfer(mine, t('11:00'));
    const theirs = freshDb();
    await importBackupText(theirs, older, t('11:01'));
    const before = await deletable(theirs);
    const heldBefore = await listHeldClips(theirs);

    await discardHeldClip(mine, seeded.held.id, t('11:10'));
    await deleteComponent(mine, seeded.component.id, t('11:11'));
    await deleteStakeholder(mine, seeded.stakeholder.id, t('11:12'));
    await deleteActionItem(mine, seeded.actionItem.id, t('11:13'));
    const newer = await transfer(mine, t('12:00'));

    const preview = await previewImport(theirs, newer, { now: t('12:05') });
    expect(
      preview.changes
        .filter((c) => c.action === 'delete')
        .map((c) => c.label)
        .sort(),
    ).toEqual([
      'action item “Validate CA bundles in CI” on INC-1',
      'component “Checkout API”',
      'held clip “Queue depth climbing”',
      'stakeholder “Support leads”',
    ]);
    expect(preview.lines).toContain('1 held clip will be deleted, as it was where the backup was made.');
    expect(await applyImport(theirs, preview)).toMatchObject({ deleted: 4, unchanged: expect.any(Number) });
    expect(await deletable(theirs)).toEqual(await deletable(mine));
    expect((await listTombstones(theirs)).map((t) => t.id).sort()).toEqual((await listTombstones(mine)).map((t) => t.id).sort());

    // The older backup again: nothing comes back.
    expect(await importBackupText(theirs, older, t('12:10'))).toMatchObject({
      heldClipsAdded: 0,
      componentsAdded: 0,
      stakeholdersAdded: 0,
      actionItemsAdded: 0,
    });
    expect(await deletable(theirs)).toEqual(await deletable(mine));

    // Undoing the newer import in a third log puts the copies back, pictures and all, and forgets its tombstones.
    const third = freshDb();
    await importBackupText(third, older, t('11:01'));
    await applyImport(third, await previewImport(third, newer, { now: t('12:05') }));
    expect(await deletable(third)).toEqual(await deletable(mine));
    await undoLastImport(third);
    expect(await deletable(third)).toEqual(before);
    expect(await listTombstones(third)).toEqual([]);
    const restored = await listHeldClips(third);
    expect(restored.map((h) => h.id)).toEqual(heldBefore.map((h) => h.id));
    const picture = restored.find((h) => h.id === seeded.held.id)?.screenshot;
    expect(picture && (await blobContents(picture.image))).toEqual({ type: 'image/webp', bytes: [...rasterBytes('image/webp', 5000, 3)] });
    expect(await importBackupText(third, older, t('12:20'))).toMatchObject({ heldClipsAdded: 0, componentsAdded: 0 });
  });

  it('carries post-mortems, checklists, action items and stakeholders, the newer copy winning both ways', async () => {
    const mine = freshDb();
    const seeded = await seedWithProcess(mine);
    const theirs = freshDb();
    expect(await importBackupText(theirs, await transfer(mine, t('11:00')), t('11:01'))).toMatchObject({
      postmortemsAdded: 1,
      checklistsAdded: 1,
      actionItemsAdded: 1,
      stakeholdersAdded: 1,
    });
    expect(await theirs.postmortems.get(seeded.incident.id)).toEqual(seeded.postmortem);
    expect(await theirs.checklists.get(seeded.incident.id)).toEqual(seeded.checklist);
    expect(await theirs.actionItems.get(seeded.actionItem.id)).toEqual(seeded.actionItem);
    expect(await theirs.stakeholders.get(seeded.stakeholder.id)).toEqual(seeded.stakeholder);

    // They write the root cause later; I edit the summary earlier: theirs is newer and wins here.
    await patchPostmortem(mine, seeded.incident.id, { sections: { summary: 'Checkout failed for EU cards' } }, t('11:20'));
    const edited = await patchPostmortem(theirs, seeded.incident.id, { sections: { rootCause: 'CA bundle replaced' } }, t('11:30'));
    const fromTheirs = await importBackupText(mine, await transfer(theirs, t('11:40')), t('11:41'));
    expect(fromTheirs).toMatchObject({ postmortemsAdded: 0, postmortemsUpdated: 1 });
    expect(await mine.postmortems.get(seeded.incident.id)).toEqual(edited);
    // My older copy does not win there.
    expect(await importBackupText(theirs, await transfer(mine, t('11:50')), t('11:51'))).toMatchObject({ postmortemsUpdated: 0 });
    expect(await theirs.postmortems.get(seeded.incident.id)).toEqual(edited);
  });
});
