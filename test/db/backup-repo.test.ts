import { describe, expect, it } from 'vitest';
import {
  addClip,
  addEntry,

  declareIncident,
  deleteEntry,
  editEntry,
  eraseLog,
  holdClip,
  listEntries,
  listHeldClips,
  placeHeldClip,
  saveComponent,
  type SitrepDb,
} from '../../src/db';
import type { ClipDraft } from '../../src/model';
import { exportBackup, importBackup, importBackupText } from '../../src/db/backup-repo';
import { BACKUP_VERSION, BackupError, parseBackup, serializeBackup, type Backup } from '../../src/report/backup';
import { blobContents, rasterBytes } from '../report/records';
import { v1 } from './written-by/v1';
import { freshDb } from './fresh-db';

const t = (hhmm: string) => new Date(`2026-11-28T${hhmm}:00.000Z`);

/** The counts (components, screenshots, held clips) a log of incidents and entries alone leaves at zero. */
const noClipData = { componentsAdded: 0, componentsUpdated: 0, updatesAdded: 0, updatesUpdated: 0, maintenancesAdded: 0, maintenancesUpdated: 0, screenshotsAdded: 0, heldClipsAdded: 0 };

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
  const clip = await addClip(db, { incidentId: base.incident.id, author: 'Ana', draft: draft('p99 2.4 s', [component.id]), screenshot: picture(1) }, t('09:10'));
  const held = await holdClip(db, { author: 'Bo', draft: draft('Queue depth climbing'), screenshot: picture(3) }, t('09:20'));
  const heldPlain = await holdClip(db, { author: 'Bo', draft: draft('No picture') }, t('09:21'));
  return { ...base, component, clip, held, heldPlain };
}

describe('backup version 2: components, screenshots and held clips', () => {
  it('imports a version 1 file into today’s database, and again without duplicates', async () => {
    const file = JSON.stringify({ format: 'sitrep-backup', version: 1, exportedAt: '2026-11-28T02:00:00.000Z', incidents: v1.incidents, entries: v1.entries });
    const db = freshDb();
    expect(await importBackupText(db, file)).toEqual({ incidentsAdded: 1, incidentsUpdated: 0, entriesAdded: 2, entriesUpdated: 0, ...noClipData, unchanged: 0, rekeyed: [] });
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
    expect(doc.version).toBe(3);
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

    expect(await importBackupText(restored, file)).toMatchObject({ entriesAdded: 0, componentsAdded: 0, screenshotsAdded: 0, heldClipsAdded: 0, unchanged: 10 });
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
    ['a screenshot that is not base64', (d) => (d.screenshots[0].image = `${d.screenshots[0].image.slice(0, 40)}*`), /screenshots\[0\]\.image: expected the picture as base64 text/],
    ['a held clip thumbnail with a stray character', (d) => (d.heldClips.find((h: any) => h.screenshot).screenshot.thumbnail += '%'), /heldClips\[\d\]\.screenshot\.thumbnail: expected the picture as base64 text/],
    ['a screenshot that claims to be a web page', (d) => (d.screenshots[0].imageType = 'text/html'), /screenshots\[0\]\.imageType: expected a picture type \(image\/webp, image\/jpeg, image\/png or image\/gif\), got "text\/html"/],
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
