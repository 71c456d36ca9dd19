import { describe, expect, it } from 'vitest';
import { declareFromHeldClip, declareIncident, eraseLog, holdClip, NEXT_INCIDENT_NUMBER, type SitrepDb } from '../../src/db';
import { exportBackup, importBackupText } from '../../src/db/backup-repo';
import { IncidentKey } from '../../src/model';
import { freshDb } from '../db/fresh-db';
import { at, errorOf, expectOneSentence, hostileBaseDoc, uuid } from './backup-fixtures';

/** The largest number the key format (`INC-` and up to nine digits) can hold. */
const LARGEST = 999_999_999;

const counterOf = async (db: SitrepDb) => (await db.meta.get(NEXT_INCIDENT_NUMBER))?.value;

/** A backup whose one incident has `key` (and a fresh id, so it never matches a local one). */
function backupKeyed(...keys: string[]): string {
  const doc = hostileBaseDoc();
  doc.incidents = keys.map((key, i) => ({ ...doc.incidents[0]!, id: uuid(100 + i), key, title: `Imported ${key}` }));
  doc.entries = [];
  doc.updates = [];
  return JSON.stringify(doc);
}

const declare = (db: SitrepDb, title = 'After the import') => declareIncident(db, { title, severity: 'SEV3' }, { author: 'Ana', now: at('10:00') });

describe('the key counter under hostile imports', () => {
  it.each([['INC-999999999'], ['INC-999999998'], ['INC-900000000'], ['INC-123456789']])(
    'an imported %s leaves declaring working, with a valid key',
    async (key) => {
      const db = freshDb();
      await importBackupText(db, backupKeyed(key), at('09:30'));
      const incident = await declare(db);
      expect(IncidentKey.safeParse(incident.key).success).toBe(true);
      // Many more can still be declared: one file must not use up the key space.
      for (let i = 0; i < 3; i++) expect(IncidentKey.safeParse((await declare(db, `More ${i}`)).key).success).toBe(true);
      expect(await counterOf(db)).toBeLessThanOrEqual(LARGEST);
      // The imported key itself is kept and never handed out again.
      const keys = (await db.incidents.toArray()).map((i) => i.key);
      expect(keys).toContain(key);
      expect(new Set(keys).size).toBe(keys.length);
    },
  );

  it('Start a new incident from this clip still works after such an import', async () => {
    const db = freshDb();
    await importBackupText(db, backupKeyed('INC-999999999'), at('09:30'));
    const held = await holdClip(
      db,
      { author: 'Ana', draft: { text: 'p99 up', clip: { tool: 'generic', pageUrl: 'https://example.com/', pageTitle: 'x', componentIds: [] } } },
      at('09:40'),
    );
    const incident = await declareFromHeldClip(db, held.id, { title: 'From the clip', severity: 'SEV2' }, 'Ana', at('09:45'));
    expect(IncidentKey.safeParse(incident.key).success).toBe(true);
  });

  it('a log the old import left with its counter past INC-999999999 declares again', async () => {
    const db = freshDb();
    await importBackupText(db, backupKeyed('INC-4', 'INC-999999999'), at('09:30'));
    // What the previous import wrote after reserving INC-999999999.
    await db.meta.put({ name: NEXT_INCIDENT_NUMBER, value: LARGEST + 1 });
    const incident = await declare(db);
    expect(incident.key).toBe('INC-5');
    expect(await counterOf(db)).toBeLessThanOrEqual(LARGEST);
  });

  it.each([[Number.NaN], [-3], [0], [1.5], [2 ** 60]])('a broken counter (%s) is rebuilt from the keys in the log', async (value) => {
    const db = freshDb();
    await importBackupText(db, backupKeyed('INC-7'), at('09:30'));
    await db.meta.put({ name: NEXT_INCIDENT_NUMBER, value });
    expect((await declare(db)).key).toBe('INC-8');
  });

  it('when every key up to INC-999999999 is used, declaring says so in one sentence', async () => {
    const db = freshDb();
    await importBackupText(db, backupKeyed('INC-999999999'), at('09:30'));
    await db.meta.put({ name: NEXT_INCIDENT_NUMBER, value: LARGEST });
    const error = await errorOf(declare(db));
    expectOneSentence(error.message);
    expect(error.message).toMatch(/INC-999999999/);
    expect(await counterOf(db)).toBeLessThanOrEqual(LARGEST);
    expect(await db.incidents.count()).toBe(1);
  });

  it('erasing the log starts the keys again at INC-1', async () => {
    const db = freshDb();
    await declare(db, 'One');
    await declare(db, 'Two');
    await importBackupText(db, backupKeyed('INC-40'), at('09:30'));
    await eraseLog(db);
    expect((await declare(db, 'Fresh start')).key).toBe('INC-1');
  });

  it('re-keys a colliding incident to a valid key even when the file also holds INC-999999999', async () => {
    const db = freshDb();
    await declare(db, 'Mine');
    await importBackupText(db, backupKeyed('INC-1', 'INC-999999999'), at('09:30'));
    for (const incident of await db.incidents.toArray()) expect(IncidentKey.safeParse(incident.key).success).toBe(true);
    // And the log still exports.
    const { backup } = await exportBackup(db, at('11:00'));
    expect(backup.incidents).toHaveLength(3);
  });
});
