import { describe, expect, it } from 'vitest';
import { addEntry, declareIncident, editEntry, type SitrepDb } from '../../src/db';
import { exportBackup, importBackupText } from '../../src/db/backup-repo';
import { serializeBackup } from '../../src/report/backup';
import { freshDb } from '../db/fresh-db';
import { at, hostileBaseDoc, rasterBytes, screenshotRow, uuid } from './backup-fixtures';

/** How far ahead of the importing machine's clock a record may claim to be (clock skew). */
const SKEW_MS = 5 * 60_000;
const FAR = '2999-12-31T23:59:59.999Z';

async function seed(db: SitrepDb) {
  const incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, { author: 'Ana', now: at('09:00') });
  const note = await addEntry(db, { incidentId: incident.id, kind: 'note', text: 'Paged Bo', author: 'Ana' }, at('09:05'));
  return { incident, note };
}

/** My log as a file, changed as an attacker (or a broken clock) would. */
async function tampered(db: SitrepDb, edit: (doc: any) => void): Promise<string> {
  const doc = JSON.parse(serializeBackup((await exportBackup(db, at('11:00'))).backup));
  edit(doc);
  return JSON.stringify(doc);
}

describe('a record from the future does not win forever', () => {
  it("a colleague's real later edit still imports after a future-dated copy of the same note", async () => {
    const mine = freshDb();
    const { note } = await seed(mine);
    const colleague = freshDb();
    await importBackupText(colleague, serializeBackup((await exportBackup(mine, at('09:30'))).backup), at('09:30'));

    // The hostile file reuses my note's id with a text of its own and a far-future updatedAt.
    const hostile = await tampered(mine, (d) => {
      const entry = d.entries.find((e: any) => e.id === note.id);
      entry.text = 'Replaced by the file';
      entry.updatedAt = FAR;
    });
    await importBackupText(mine, hostile, at('12:00'));
    const stored = await mine.entries.get(note.id);
    expect(stored!.text).toBe('Replaced by the file');
    expect(Date.parse(stored!.updatedAt)).toBeLessThanOrEqual(at('12:00').getTime() + SKEW_MS);

    // An hour later the colleague really edits the note: that edit is newer and must win.
    await editEntry(colleague, note.id, { text: 'Paged Bo; Bo joined at 09:12' }, at('13:00'));
    const summary = await importBackupText(mine, serializeBackup((await exportBackup(colleague, at('13:01'))).backup), at('13:02'));
    expect(summary.entriesUpdated).toBe(1);
    expect((await mine.entries.get(note.id))!.text).toBe('Paged Bo; Bo joined at 09:12');
  });

  it('clamps every instant of what happened to the import time plus the skew; windows ahead stay', async () => {
    const db = freshDb();
    const doc = hostileBaseDoc();
    const future = (row: Record<string, unknown>, fields: string[]) => fields.forEach((f) => (row[f] = FAR));
    future(doc.incidents[0]!, ['startedAt', 'detectedAt', 'acknowledgedAt', 'resolvedAt', 'createdAt', 'updatedAt']);
    future(doc.entries[0]!, ['at', 'recordedAt', 'deletedAt', 'updatedAt']);
    future(doc.components[0]!, ['updatedAt']);
    future(doc.updates[0]!, ['at', 'updatedAt']);
    future(doc.maintenances[0]!, ['completedAt', 'cancelledAt', 'createdAt', 'updatedAt']);
    doc.maintenances[0]!.scheduledFor = '2027-06-01T02:00:00.000Z';
    doc.maintenances[0]!.scheduledUntil = '2027-06-01T03:00:00.000Z';
    doc.screenshots.push({ ...screenshotRow(600, { type: 'image/webp', bytes: rasterBytes('image/webp') }), takenAt: FAR });
    doc.heldClips.push({
      id: uuid(700),
      takenAt: FAR,
      author: 'Bo',
      draft: { text: 'held', clip: { tool: 'generic', pageUrl: 'https://example.com/', pageTitle: 'x', componentIds: [] } },
    });

    const now = at('12:00');
    await importBackupText(db, JSON.stringify(doc), now);
    const latest = now.getTime() + SKEW_MS;
    const rows = [
      ...(await db.incidents.toArray()),
      ...(await db.entries.toArray()),
      ...(await db.components.toArray()),
      ...(await db.updates.toArray()),
      ...(await db.screenshots.toArray()),
      ...(await db.heldClips.toArray()),
    ];
    for (const row of rows) {
      for (const [field, value] of Object.entries(row)) {
        if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) expect({ field, time: Date.parse(value) <= latest }).toEqual({ field, time: true });
      }
    }
    const maintenance = (await db.maintenances.get(uuid(900)))!;
    expect(maintenance).toMatchObject({ scheduledFor: '2027-06-01T02:00:00.000Z', scheduledUntil: '2027-06-01T03:00:00.000Z' });
    for (const field of ['completedAt', 'cancelledAt', 'createdAt', 'updatedAt'] as const) expect(Date.parse(maintenance[field]!)).toBeLessThanOrEqual(latest);
  });

  it("clamps a clip's alert time and its sightings too", async () => {
    const db = freshDb();
    const doc = hostileBaseDoc();
    const clip = {
      tool: 'pagerduty',
      pageUrl: 'https://acme.pagerduty.com/incidents/PT4KHLK',
      pageTitle: 'PagerDuty',
      componentIds: [],
      ref: { kind: 'alert', id: 'PT4KHLK' },
    };
    const alert = {
      ...doc.entries[0]!,
      id: uuid(801),
      kind: 'alert',
      text: 'PagerDuty PT4KHLK',
      clip: { ...clip, alertedAt: FAR, sightings: [{ at: at('10:00').toISOString() }, { at: FAR }] },
    };
    (doc.entries as object[]).push(alert);
    const now = at('12:00');
    await importBackupText(db, JSON.stringify(doc), now);
    const stored = (await db.entries.get(uuid(801)))!.clip!;
    const latest = new Date(now.getTime() + SKEW_MS).toISOString();
    expect(stored.alertedAt).toBe(latest);
    expect(stored.sightings!.map((s) => s.at)).toEqual([at('10:00').toISOString(), latest]);
  });

  it('importing the same future-dated file again changes nothing more', async () => {
    const db = freshDb();
    const { note } = await seed(db);
    const hostile = await tampered(db, (d) => {
      const entry = d.entries.find((e: any) => e.id === note.id);
      entry.text = 'Replaced by the file';
      entry.updatedAt = FAR;
    });
    expect(await importBackupText(db, hostile, at('12:00'))).toMatchObject({ entriesUpdated: 1 });
    const after = await db.entries.get(note.id);
    expect(await importBackupText(db, hostile, at('12:30'))).toMatchObject({ entriesUpdated: 0, entriesAdded: 0 });
    expect(await db.entries.get(note.id)).toEqual(after);
  });

  it('a time just ahead of the clock, within the skew, is kept as written', async () => {
    const db = freshDb();
    const doc = hostileBaseDoc();
    doc.entries[0]!.updatedAt = '2026-11-28T12:03:00.000Z';
    await importBackupText(db, JSON.stringify(doc), at('12:00'));
    expect((await db.entries.get(uuid(11)))!.updatedAt).toBe('2026-11-28T12:03:00.000Z');
  });
});
