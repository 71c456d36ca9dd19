import { beforeEach, describe, expect, it } from 'vitest';
import {
  addEntry,
  createSitrepDb,
  declareIncident,
  deleteEntry,
  editEntry,
  listEntries,
  listIncidents,
  restoreEntry,
  searchEntries,
  updateIncident,
  type SitrepDb,
} from '../../src/db';

const T0 = new Date('2026-11-28T09:00:00.000Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
let db: SitrepDb;

beforeEach(() => {
  db = createSitrepDb(`test-${crypto.randomUUID()}`);
});

describe('declareIncident', () => {
  it('hands out INC keys in order, never reusing one after deletion', async () => {
    const a = await declareIncident(db, { title: 'API down', severity: 'SEV1' }, { author: 'Ana', now: T0 });
    const b = await declareIncident(db, { title: 'Slow search', severity: 'SEV3' }, { author: 'Ana', now: at(1) });
    expect([a.key, b.key]).toEqual(['INC-1', 'INC-2']);
    await db.incidents.delete(b.id);
    const c = await declareIncident(db, { title: 'Again', severity: 'SEV4' }, { author: 'Ana', now: at(2) });
    expect(c.key).toBe('INC-3');
    expect((await listIncidents(db)).map((i) => i.key)).toEqual(['INC-3', 'INC-1']);
  });

  it('starts investigating with a first status entry', async () => {
    const inc = await declareIncident(db, { title: 'API down', severity: 'SEV1' }, { author: 'Ana', now: T0 });
    expect(inc).toMatchObject({ status: 'investigating', manager: 'Ana', startedAt: T0.toISOString() });
    const entries = await listEntries(db, inc.id);
    expect(entries.map((e) => [e.kind, e.text])).toEqual([['change', 'Declared SEV1: API down']]);
  });

  it.each([
    [{ title: '   ', severity: 'SEV1' }, /title/],
    [{ title: 'x', severity: 'SEV9' }, /severity/],
  ])('rejects %j with a clear error and writes nothing', async (input, message) => {
    await expect(declareIncident(db, input as never, { author: 'Ana' })).rejects.toThrow(message);
    expect(await db.incidents.count()).toBe(0);
  });
});

describe('updateIncident', () => {
  it('logs severity and status changes and stamps resolution', async () => {
    const inc = await declareIncident(db, { title: 'API down', severity: 'SEV2' }, { author: 'Ana', now: T0 });
    await updateIncident(db, inc.id, { severity: 'SEV1', status: 'identified' }, { author: 'Ben', now: at(5) });
    const resolved = await updateIncident(db, inc.id, { status: 'resolved' }, { author: 'Ben', now: at(30) });
    expect(resolved.resolvedAt).toBe(at(30).toISOString());
    expect(resolved.acknowledgedAt).toBe(at(5).toISOString());
    const texts = (await listEntries(db, inc.id)).map((e) => e.text);
    expect(texts).toEqual(['Declared SEV2: API down', 'Severity SEV2 → SEV1 (Critical) · Status: Identified', 'Status: Resolved']);
  });
});

describe('timeline entries', () => {
  async function incidentWithNotes() {
    const inc = await declareIncident(db, { title: 'API down', severity: 'SEV2' }, { author: 'Ana', now: T0 });
    const n1 = await addEntry(db, { incidentId: inc.id, kind: 'note', text: 'first', author: 'Ana' }, at(1));
    const n2 = await addEntry(db, { incidentId: inc.id, kind: 'note', text: 'second', author: 'Ana' }, at(2));
    return { inc, n1, n2 };
  }

  it('orders by the time things happened, following an edited time', async () => {
    const { inc, n1 } = await incidentWithNotes();
    await editEntry(db, n1.id, { at: at(3).toISOString() }, at(4));
    expect((await listEntries(db, inc.id)).map((e) => e.text)).toEqual(['Declared SEV2: API down', 'second', 'first']);
  });

  it('reads only the earliest entries when asked for a first screen', async () => {
    const { inc } = await incidentWithNotes();
    await addEntry(db, { incidentId: inc.id, kind: 'alert', text: 'earliest', author: 'Ana', at: at(-10) }, at(5));
    expect((await listEntries(db, inc.id, { limit: 2 })).map((e) => e.text)).toEqual(['earliest', 'Declared SEV2: API down']);
  });

  it('backdates an entry before the declaration', async () => {
    const { inc } = await incidentWithNotes();
    await addEntry(db, { incidentId: inc.id, kind: 'alert', text: 'alert fired', author: 'Ana', at: at(-10) }, at(5));
    expect((await listEntries(db, inc.id))[0]!.text).toBe('alert fired');
  });

  it('soft-deletes and restores', async () => {
    const { inc, n1 } = await incidentWithNotes();
    await deleteEntry(db, n1.id, at(5));
    expect((await listEntries(db, inc.id)).map((e) => e.text)).not.toContain('first');
    expect((await listEntries(db, inc.id, { withDeleted: true })).map((e) => e.text)).toContain('first');
    await restoreEntry(db, n1.id, at(6));
    const back = (await listEntries(db, inc.id)).find((e) => e.id === n1.id)!;
    expect(back.deletedAt).toBeUndefined();
    expect(back.updatedAt).toBe(at(6).toISOString());
  });

  it('rejects an invalid edit and keeps what was saved', async () => {
    const { n1 } = await incidentWithNotes();
    await expect(editEntry(db, n1.id, { at: 'yesterday' })).rejects.toThrow();
    expect((await db.entries.get(n1.id))!.at).toBe(at(1).toISOString());
  });

  it('refuses an entry for an unknown incident and a javascript: source link', async () => {
    const { inc } = await incidentWithNotes();
    await expect(addEntry(db, { incidentId: crypto.randomUUID(), kind: 'note', text: 'x', author: 'A' })).rejects.toThrow(/No incident/);
    await expect(addEntry(db, { incidentId: inc.id, kind: 'note', text: 'x', author: 'A', sourceUrl: 'javascript:alert(1)' })).rejects.toThrow();
  });

  it('searches across incidents, case-insensitively, skipping deleted entries', async () => {
    const { n2 } = await incidentWithNotes();
    const other = await declareIncident(db, { title: 'DB failover', severity: 'SEV3' }, { author: 'Ana', now: at(10) });
    await addEntry(db, { incidentId: other.id, kind: 'note', text: 'Second replica lagging', author: 'Ben' }, at(11));
    await deleteEntry(db, n2.id, at(12));
    expect((await searchEntries(db, 'SECOND')).map((e) => e.text)).toEqual(['Second replica lagging']);
    expect(await searchEntries(db, '  ')).toEqual([]);
  });
});
