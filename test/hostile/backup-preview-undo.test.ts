import { describe, expect, it } from 'vitest';
import { addEntry, declareIncident, editEntry, eraseLog, saveComponent, type SitrepDb } from '../../src/db';
import { applyImport, previewImport, undoLastImport } from '../../src/db/backup-repo';
import { freshDb } from '../db/fresh-db';
import { at, errorOf, expectOneSentence, hostileBaseDoc, rasterBytes, screenshotRow, snapshotLog, uuid } from './backup-fixtures';

const FAR = '2999-12-31T23:59:59.999Z';

/** A log with three notes, a component and a maintenance, under the base document's ids. */
async function seedSharedLog(db: SitrepDb) {
  const doc = hostileBaseDoc();
  doc.entries.push({ ...doc.entries[0]!, id: uuid(12), text: 'Rolled back 4.12' }, { ...doc.entries[0]!, id: uuid(13), text: 'Error rate back to normal' });
  await previewImport(db, JSON.stringify(doc), { now: at('09:30') }).then((p) => applyImport(db, p));
  return doc;
}

/** The shared log as a file that replaces the three notes, adds an incident and pictures, and more. */
function hostileFile(base: ReturnType<typeof hostileBaseDoc>) {
  const doc = structuredClone(base);
  for (const entry of doc.entries) {
    entry.text = `Rewritten: ${entry.text}`;
    entry.updatedAt = FAR;
  }
  doc.incidents.push({ ...doc.incidents[0]!, id: uuid(2), key: 'INC-2', title: 'Planted incident' });
  doc.components[0]!.owner = 'Someone else';
  doc.components[0]!.updatedAt = '2026-11-28T11:00:00.000Z';
  doc.maintenances[0]!.body = 'Rewritten maintenance';
  doc.maintenances[0]!.updatedAt = '2026-11-28T11:00:00.000Z';
  doc.updates.push({ ...doc.updates[0]!, id: uuid(801), body: 'Planted update', incidentId: uuid(2) });
  doc.screenshots.push(screenshotRow(600, { type: 'image/webp', bytes: rasterBytes('image/webp') }));
  doc.heldClips.push({
    id: uuid(700),
    takenAt: '2026-11-28T11:00:00.000Z',
    author: 'Bo',
    draft: { text: 'held', clip: { tool: 'generic', pageUrl: 'https://example.com/', pageTitle: 'x', componentIds: [] } },
  });
  return JSON.stringify(doc);
}

describe('the import preview', () => {
  it('says record by record what will change, and writes nothing', async () => {
    const db = freshDb();
    const shared = await seedSharedLog(db);
    const before = await snapshotLog(db);

    const preview = await previewImport(db, hostileFile(shared), { now: at('12:00') });
    expect(await snapshotLog(db)).toEqual(before);

    expect(preview.lines).toEqual(
      expect.arrayContaining([
        '3 timeline entries will be replaced by newer copies.',
        '1 incident will be added.',
        '1 component will be replaced by a newer copy.',
        '1 maintenance will be replaced by a newer copy.',
        '1 status update will be added.',
        '1 screenshot will be added.',
        '1 held clip will be added.',
      ]),
    );
    expect(preview.lines.join(' ')).toMatch(/3 records claim times after now/);
    const replaced = preview.changes.filter((c) => c.table === 'entries' && c.action === 'replace');
    expect(replaced.map((c) => c.id).sort()).toEqual([uuid(11), uuid(12), uuid(13)]);
    expect(replaced.map((c) => c.label)).toEqual(expect.arrayContaining([expect.stringContaining('Rolled back 4.12')]));
    for (const change of replaced) expect(change.clamped).toBe(true);
    expect(preview.changes.find((c) => c.table === 'incidents')).toMatchObject({
      action: 'add',
      id: uuid(2),
      label: expect.stringContaining('Planted incident'),
    });
  });

  it('imports exactly what it showed', async () => {
    const db = freshDb();
    const shared = await seedSharedLog(db);
    const preview = await previewImport(db, hostileFile(shared), { now: at('12:00') });
    await applyImport(db, preview);
    for (const change of preview.changes) {
      const row = await db.table(change.table).get(change.id);
      expect(row).toBeDefined();
      if ('updatedAt' in row) expect(row.updatedAt).toBe(change.updatedAt);
    }
    expect((await db.entries.get(uuid(12)))!.text).toBe('Rewritten: Rolled back 4.12');
  });

  it('refuses, in one sentence and changing nothing, when the log moved since the preview', async () => {
    const db = freshDb();
    const shared = await seedSharedLog(db);
    const preview = await previewImport(db, hostileFile(shared), { now: at('12:00') });
    await editEntry(db, uuid(12), { text: 'Edited while the preview was open' }, at('12:01'));
    const before = await snapshotLog(db);
    const error = await errorOf(applyImport(db, preview));
    expectOneSentence(error.message);
    expect(await snapshotLog(db)).toEqual(before);
  });
});

describe('undo import', () => {
  it('puts back every replaced record and removes every added one, counter included', async () => {
    const db = freshDb();
    const shared = await seedSharedLog(db);
    const before = await snapshotLog(db);
    await applyImport(db, await previewImport(db, hostileFile(shared), { now: at('12:00') }));
    expect(await snapshotLog(db)).not.toEqual(before);

    const result = await undoLastImport(db);
    expectOneSentence(result);
    expect(await snapshotLog(db)).toEqual(before);
    // Once only.
    expectOneSentence((await errorOf(undoLastImport(db))).message);
  });

  it('refuses when something the import wrote was edited since, and changes nothing', async () => {
    const db = freshDb();
    const shared = await seedSharedLog(db);
    await applyImport(db, await previewImport(db, hostileFile(shared), { now: at('12:00') }));
    await editEntry(db, uuid(12), { text: 'My own edit after the import' }, at('12:10'));
    const after = await snapshotLog(db);
    const error = await errorOf(undoLastImport(db));
    expectOneSentence(error.message);
    expect(error.message).toMatch(/Rolled back 4\.12|My own edit/);
    expect(await snapshotLog(db)).toEqual(after);
  });

  it('refuses when a note was added to an imported incident since', async () => {
    const db = freshDb();
    const shared = await seedSharedLog(db);
    await applyImport(db, await previewImport(db, hostileFile(shared), { now: at('12:00') }));
    await addEntry(db, { incidentId: uuid(2), kind: 'note', text: 'Working on the planted one', author: 'Ana' }, at('12:10'));
    const after = await snapshotLog(db);
    expectOneSentence((await errorOf(undoLastImport(db))).message);
    expect(await snapshotLog(db)).toEqual(after);
  });

  it('keeps a key declared after the import and undoes the rest', async () => {
    const db = freshDb();
    const shared = await seedSharedLog(db);
    await applyImport(db, await previewImport(db, hostileFile(shared), { now: at('12:00') }));
    const later = await declareIncident(db, { title: 'Declared after', severity: 'SEV4' }, { author: 'Ana', now: at('12:10') });
    await undoLastImport(db);
    expect((await db.incidents.toArray()).map((i) => i.key).sort()).toEqual(['INC-1', later.key].sort());
    const next = await declareIncident(db, { title: 'Next', severity: 'SEV4' }, { author: 'Ana', now: at('12:20') });
    expect(next.key).not.toBe(later.key);
  });

  it('erasing the log forgets the replaced copies too', async () => {
    const db = freshDb();
    const shared = await seedSharedLog(db);
    await applyImport(db, await previewImport(db, hostileFile(shared), { now: at('12:00') }));
    await eraseLog(db);
    expectOneSentence((await errorOf(undoLastImport(db))).message);
    // The replaced copies are private notes too: nothing of them is left behind.
    expect(await db.table('importUndo').count()).toBe(0);
  });

  it('a component edited after the import blocks the undo', async () => {
    const db = freshDb();
    const shared = await seedSharedLog(db);
    await applyImport(db, await previewImport(db, hostileFile(shared), { now: at('12:00') }));
    const component = (await db.components.get(uuid(500)))!;
    await saveComponent(db, { ...component, owner: 'Me again' }, at('12:05'));
    expectOneSentence((await errorOf(undoLastImport(db))).message);
  });
});
