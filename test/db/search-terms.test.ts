import { describe, expect, it } from 'vitest';
import { addEntry, declareIncident, deleteEntry, editEntry, searchEntries, termsOf } from '../../src/db';
import { freshDb } from './fresh-db';

describe('termsOf', () => {
  it.each([
    ['HTTP 502s on /checkout', ['http', '502s', 'on', 'checkout']],
    ['p99 > 3s — eu-west-1', ['p99', '3s', 'eu', 'west', '1']],
    ['Ｒｅｄｉｓ ÉCHEC échec', ['redis', 'échec']],
    ['->  ::', []],
    ['a'.repeat(60), ['a'.repeat(40)]],
  ])('%j → %j', (text, terms) => {
    expect(termsOf(text)).toEqual(terms);
  });

  it('keeps at most 256 words of a huge paste', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    expect(termsOf(text)).toHaveLength(256);
  });
});

describe('searchEntries through the terms index', () => {
  async function seed() {
    const db = freshDb();
    const inc = await declareIncident(db, { title: 'Payments down', severity: 'SEV2' }, { author: 'Ana', now: new Date('2026-11-30T10:00:00Z') });
    const add = (text: string, min: number) =>
      addEntry(db, { incidentId: inc.id, kind: 'note', text, author: 'Ana', at: new Date(Date.UTC(2026, 10, 30, 10, min)) });
    return { db, inc, add };
  }

  it('finds entries by the start of each word, newest first', async () => {
    const { db, add } = await seed();
    const a = await add('HTTP 502 on /checkout', 1);
    const b = await add('Checkout p99 over 3 s', 2);
    await add('Search is fine', 3);
    expect((await searchEntries(db, 'checkout')).map((e) => e.id)).toEqual([b.id, a.id]);
    expect((await searchEntries(db, 'CHEC 50')).map((e) => e.id)).toEqual([a.id]);
    expect(await searchEntries(db, 'eckout')).toEqual([]);
  });

  it('follows an edit: the new words find it, the old ones no longer do', async () => {
    const { db, add } = await seed();
    const entry = await add('Redis failover', 1);
    await editEntry(db, entry.id, { text: 'Postgres failover' });
    expect((await searchEntries(db, 'postgres')).map((e) => e.id)).toEqual([entry.id]);
    expect(await searchEntries(db, 'redis')).toEqual([]);
  });

  it('leaves deleted entries out, and reads rows without their terms', async () => {
    const { db, add } = await seed();
    const gone = await add('Rollback started', 1);
    const kept = await add('Rollback done', 2);
    await deleteEntry(db, gone.id);
    const hits = await searchEntries(db, 'rollback');
    expect(hits.map((e) => e.id)).toEqual([kept.id]);
    expect(Object.keys(hits[0]!)).not.toContain('terms');
    expect(Object.keys((await db.entries.get(kept.id))!)).not.toContain('terms');
  });

  it('scans for a query with no letters or digits', async () => {
    const { db, add } = await seed();
    const arrow = await add('db-1 -> db-2', 1);
    expect((await searchEntries(db, '->')).map((e) => e.id)).toEqual([arrow.id]);
  });
});
