import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { createSitrepDb, SCHEMA_VERSIONS, searchEntries } from '../../src/db';
import {
  ActionItem,
  Component,
  HeldClip,
  Incident,
  IncidentChecklist,
  Maintenance,
  OutboxJob,
  Postmortem,
  PublishResult,
  Screenshot,
  Stakeholder,
  StatusUpdate,
  TimelineEntry,
} from '../../src/model';
import { ImportUndo } from '../../src/report/merge';
import { v1 } from './written-by/v1';
import { v2 } from './written-by/v2';
import { v3 } from './written-by/v3';
import { v4 } from './written-by/v4';
import { v5 } from './written-by/v5';
import { v6 } from './written-by/v6';
import { v7 } from './written-by/v7';

/** Rows per table, as one schema version wrote them. */
type Fixture = Record<string, readonly object[]>;

/** What each shipped schema version wrote; a new version adds its own file here. */
const WRITTEN_BY: Record<number, Fixture> = { 1: v1, 2: v2, 3: v3, 4: v4, 5: v5, 6: v6, 7: v7 };

type Row = Record<string, unknown>;

/**
 * What each upgrade does to a row written before it, per table: a row comes back as written,
 * passed through the upgrades of every later version.
 */
const UPGRADES: Record<number, Record<string, (row: Row, index: number, all: readonly Row[]) => Row>> = {
  3: {
    incidents: (row) => ({ publicTitle: '', publicImpact: '', ...row }),
    components: (row, _i, all) => ({
      description: '',
      public: true,
      status: 'operational',
      ...row,
      order: all
        .map((c) => String(c.name))
        .sort((a, b) => a.localeCompare(b))
        .indexOf(String(row.name)),
    }),
    entries: (row) => (row.kind === 'status' ? { ...row, kind: 'change' } : row),
  },
};

/** What reading does to a stored row, per table: entries come back without their index terms. */
const READ: Record<string, (row: Row) => Row> = {
  entries: ({ terms: _terms, ...row }) => row,
};

function upgraded(table: string, writtenBy: number, rows: readonly object[]): object[] {
  let out = (rows as readonly Row[]).map(READ[table] ?? ((row) => row));
  for (const [version, steps] of Object.entries(UPGRADES)) {
    const step = steps[table];
    if (Number(version) > writtenBy && step) out = out.map((row, i, all) => step(row, i, all));
  }
  return [...out];
}

/**
 * How each table's rows must read today. `meta` has no model: its counters must come back equal.
 * A new table without an entry here fails the test below, so nothing is stored unchecked.
 */
const ROW_SCHEMAS: Record<string, z.ZodType | null> = {
  incidents: Incident,
  entries: TimelineEntry,
  meta: null,
  components: Component,
  screenshots: Screenshot,
  heldClips: HeldClip,
  updates: StatusUpdate,
  maintenances: Maintenance,
  outbox: OutboxJob,
  publishResults: PublishResult,
  importUndo: ImportUndo,
  postmortems: Postmortem,
  checklists: IncidentChecklist,
  stakeholders: Stakeholder,
  actionItems: ActionItem,
};

const CURRENT_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

/** Writes `rows` with the schema exactly as it stood at `version`, as an old extension would. */
async function writeAsVersion(name: string, version: number, rows: Fixture) {
  const old = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) {
    const d = old.version(v.version).stores(v.stores);
    if (v.upgrade) d.upgrade(v.upgrade);
  }
  await old.open();
  // A fixture naming a table its version did not have fails here: Dexie knows no such table.
  await old.transaction('rw', Object.keys(rows), async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd([...list]);
  });
  old.close();
}

/** Rows with every Blob replaced by its type and bytes: toEqual sees any two Blobs as equal. */
async function comparable(value: unknown): Promise<unknown> {
  if (value instanceof Blob) return { blobType: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] };
  if (Array.isArray(value)) return Promise.all(value.map(comparable));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = await comparable(v);
    return out;
  }
  return value;
}

/** A table's rows in primary-key order, whatever order the fixture lists them in. */
function byKey(keyPath: string, rows: readonly object[]): object[] {
  const key = (row: object) => String((row as Record<string, unknown>)[keyPath]);
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe('opening a database written by every earlier schema version', () => {
  it('has a fixture for every shipped version', () => {
    expect(Object.keys(WRITTEN_BY).map(Number)).toEqual(SCHEMA_VERSIONS.map((s) => s.version));
  });

  it('knows how to check every table of the current schema', () => {
    const db = createSitrepDb(`tables-${crypto.randomUUID()}`);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(ROW_SCHEMAS).sort());
  });

  it.each(SCHEMA_VERSIONS.map((s) => s.version))('version %i: every row survives and is valid now', async (version) => {
    const rows = WRITTEN_BY[version]!;
    const name = `migrate-${version}-${crypto.randomUUID()}`;
    await writeAsVersion(name, version, rows);

    const db = createSitrepDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    for (const table of db.tables) {
      const stored = await table.toArray();
      const schema = ROW_SCHEMAS[table.name];
      for (const row of stored) if (schema) schema.parse(row);
      // Tables this version did not write start empty; the rest come back field for field.
      const written = byKey(table.schema.primKey.keyPath as string, upgraded(table.name, version, rows[table.name] ?? []));
      expect({ table: table.name, rows: await comparable(stored) }).toEqual({ table: table.name, rows: await comparable(written) });
    }
    db.close();
    await db.delete();
  });

  it.each(SCHEMA_VERSIONS.map((s) => s.version))('version %i: every entry is found by search afterwards', async (version) => {
    const rows = WRITTEN_BY[version]!;
    const name = `search-${version}-${crypto.randomUUID()}`;
    await writeAsVersion(name, version, rows);
    const db = createSitrepDb(name);
    const entries = (rows.entries ?? []) as { id: string; text: string; deletedAt?: string }[];
    for (const entry of entries.filter((e) => !e.deletedAt)) {
      const word = entry.text.split(/[^\p{L}\p{N}]+/u).find((w) => w.length > 2)!;
      expect((await searchEntries(db, word)).map((e) => e.id)).toContain(entry.id);
    }
    db.close();
    await db.delete();
  });

  it('version 3 turns internal status entries into changes and keeps the components in name order', async () => {
    const name = `migrate-v3-${crypto.randomUUID()}`;
    const entry = (id: string, kind: string) => ({ ...v2.entries[1]!, id, kind, clip: undefined, text: kind, sourceUrl: undefined });
    await writeAsVersion(name, 2, {
      incidents: v2.incidents,
      entries: [entry('a3bb189e-8bf9-4888-9912-ace4e6543010', 'status'), entry('a3bb189e-8bf9-4888-9912-ace4e6543011', 'decision')],
      components: [
        { ...v2.components[0]!, id: '9b2d3c4e-5f60-4a7b-8c9d-0e1f2a3b4c51', name: 'Search' },
        { ...v2.components[0]!, id: '9b2d3c4e-5f60-4a7b-8c9d-0e1f2a3b4c52', name: 'auth' },
      ],
    });
    const db = createSitrepDb(name);
    expect((await db.entries.toArray()).map((e) => e.kind).sort()).toEqual(['change', 'decision']);
    expect((await db.components.toArray()).map((c) => [c.name, c.order, c.status, c.public]).sort()).toEqual([
      ['Search', 1, 'operational', true],
      ['auth', 0, 'operational', true],
    ]);
    expect((await db.incidents.toArray()).map((i) => [i.publicTitle, i.publicImpact])).toEqual([['', '']]);
    db.close();
    await db.delete();
  });

  it('really compares the pictures byte for byte', async () => {
    const png = await comparable(v2.screenshots[0]!.image);
    const gif = await comparable(v2.screenshots[0]!.thumbnail);
    expect(png).not.toEqual(gif);
    expect(png).toMatchObject({ blobType: 'image/png', bytes: expect.arrayContaining([0x89, 0x50, 0x4e, 0x47]) });
  });
});
