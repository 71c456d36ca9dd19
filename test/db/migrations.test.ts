import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createSitrepDb, SCHEMA_VERSIONS } from '../../src/db';
import { Incident, TimelineEntry } from '../../src/model';
import { v1 } from './written-by/v1';

/** What each shipped schema version wrote; a new version adds its own file here. */
const WRITTEN_BY: Record<number, { incidents: object[]; entries: object[]; meta: object[] }> = { 1: v1 };

/** Writes `rows` with the schema exactly as it stood at `version`, as an old extension would. */
async function writeAsVersion(name: string, version: number, rows: (typeof WRITTEN_BY)[number]) {
  const old = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) {
    const d = old.version(v.version).stores(v.stores);
    if (v.upgrade) d.upgrade(v.upgrade);
  }
  await old.open();
  await old.table('incidents').bulkAdd(rows.incidents);
  await old.table('entries').bulkAdd(rows.entries);
  await old.table('meta').bulkAdd(rows.meta);
  old.close();
}

describe('opening a database written by every earlier schema version', () => {
  it('has a fixture for every shipped version', () => {
    expect(Object.keys(WRITTEN_BY).map(Number)).toEqual(SCHEMA_VERSIONS.map((s) => s.version));
  });

  it.each(SCHEMA_VERSIONS.map((s) => s.version))('version %i: every row survives and is valid now', async (version) => {
    const rows = WRITTEN_BY[version]!;
    const name = `migrate-${version}-${crypto.randomUUID()}`;
    await writeAsVersion(name, version, rows);

    const db = createSitrepDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const incidents = await db.incidents.toArray();
    const entries = await db.entries.toArray();
    expect(incidents.map((i) => Incident.parse(i).id).sort()).toEqual(rows.incidents.map((i: any) => i.id).sort());
    expect(entries.map((e) => TimelineEntry.parse(e).id).sort()).toEqual(rows.entries.map((e: any) => e.id).sort());
    for (const original of rows.entries as TimelineEntry[]) {
      const now = entries.find((e) => e.id === original.id)!;
      expect(now.text).toBe(original.text);
      expect(now.at).toBe(original.at);
      expect(now.deletedAt).toBe(original.deletedAt);
    }
    expect(await db.meta.get('nextIncidentNumber')).toEqual({ name: 'nextIncidentNumber', value: 2 });
    db.close();
  });
});
