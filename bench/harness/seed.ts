import type { Page } from 'playwright-core';

/** What the extension rows run against: one log, written once, read by every row. */
export interface SeededLog {
  /** 10,000 entries: the side panel's incident. */
  bigIncidentId: string;
  /** No entries: the side panel's reference. */
  emptyIncidentId: string;
  /** The active incident (the popup's note box, where clips go): an ordinary one. */
  activeIncidentId: string;
  bigEntries: number;
  /** Every entry stored. */
  entries: number;
  /** Incidents that hold entries. */
  incidentsWithEntries: number;
  /** A word in `searchHits` entries, spread over every incident. */
  searchWord: string;
  searchHits: number;
}

export const SEED = { entries: 100_000, incidents: 200, bigIncident: 10_000, searchWord: 'kafka', searchEvery: 250 } as const;

/**
 * Writes the log straight into the extension's IndexedDB from one of its pages (the blank one, so
 * no app holds the database open): 200 incidents holding 100,000 entries, one of them 10,000,
 * plus one empty incident. The rows are the shapes the app stores (they pass its zod schemas, so a
 * backup exports them all), with texts from a small vocabulary and `searchWord` in every
 * `searchEvery`-th entry.
 */
export async function seedLog(page: Page): Promise<SeededLog> {
  return page.evaluate(async (seed) => {
    let state = 7;
    const rnd = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const uuid = (n: number, kind: number) => `00000000-0000-4${String(kind).padStart(3, '0')}-8000-${String(n).padStart(12, '0')}`;
    const iso = (ms: number) => new Date(ms).toISOString();
    const WORDS = [
      'checkout-api',
      'p99',
      'latency',
      'above',
      'SLO',
      'rolled',
      'back',
      'deploy',
      'error',
      'rate',
      'EU',
      'region',
      'postgres',
      'replica',
      'lag',
      'paged',
      'on-call',
      'customers',
      'report',
      'timeouts',
      'cache',
      'hit',
      'ratio',
      'dropped',
      'after',
      'config',
      'change',
      'load',
      'balancer',
      'health',
      'checks',
      'failing',
    ];
    const KINDS = ['note', 'decision', 'alert', 'action', 'comms', 'report'];
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('sitrep');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const tx = db.transaction(['incidents', 'entries', 'meta'], 'readwrite');
    const incidents = tx.objectStore('incidents');
    const entries = tx.objectStore('entries');
    // All in the past, so an import clamps nothing.
    const t0 = Date.parse('2025-01-01T00:00:00.000Z');
    const ids: string[] = [];
    for (let n = 0; n <= seed.incidents; n++) {
      const id = uuid(n + 1, 1);
      ids.push(id);
      const startedAt = iso(t0 + n * 86_400_000);
      incidents.put({
        id,
        key: `INC-${n + 1}`,
        title: n === seed.incidents ? 'Empty incident' : `Incident ${n + 1}: ${pick(WORDS)} ${pick(WORDS)}`,
        severity: pick(['SEV1', 'SEV2', 'SEV3']),
        status: n > 0 && n < 190 ? 'resolved' : 'identified',
        impact: '',
        publicTitle: '',
        publicImpact: '',
        manager: 'bench',
        startedAt,
        ...(n > 0 && n < 190 && { resolvedAt: iso(t0 + n * 86_400_000 + 3_600_000) }),
        createdAt: startedAt,
        updatedAt: startedAt,
      });
    }
    tx.objectStore('meta').put({ name: 'nextIncidentNumber', value: seed.incidents + 2 });
    // Entry i belongs to incident 0 (the big one) for the first 10,000, then round-robin.
    const others = seed.incidents - 1;
    let hits = 0;
    for (let i = 0; i < seed.entries; i++) {
      const incident = i < seed.bigIncident ? 0 : 1 + ((i - seed.bigIncident) % others);
      const at = iso(t0 + incident * 86_400_000 + (i < seed.bigIncident ? i : Math.floor((i - seed.bigIncident) / others)) * 5_000);
      const words = Array.from({ length: 6 + Math.floor(rnd() * 14) }, () => pick(WORDS));
      if (i % seed.searchEvery === 7) {
        words.splice(3, 0, seed.searchWord);
        hits++;
      }
      const text = `Entry ${i}: ${words.join(' ')}`;
      entries.put({
        id: uuid(i + 1, 2),
        incidentId: ids[incident],
        at,
        recordedAt: at,
        author: 'bench',
        kind: KINDS[i % KINDS.length],
        text,
        starred: i % 50 === 0,
        updatedAt: at,
        // What the app's search-terms middleware (src/db/search-terms.ts) stores with every entry:
        // its distinct lower-case words. This raw write bypasses Dexie, so it writes them itself.
        terms: [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu))],
      });
    }
    await new Promise((ok, fail) => ((tx.oncomplete = ok), (tx.onerror = () => fail(tx.error))));
    db.close();
    const activeIncidentId = ids[seed.incidents - 1]!;
    const chrome = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
    await chrome.storage.local.set({ activeIncidentId });
    return {
      bigIncidentId: ids[0]!,
      bigEntries: seed.bigIncident,
      emptyIncidentId: ids[seed.incidents]!,
      activeIncidentId,
      entries: seed.entries,
      incidentsWithEntries: seed.incidents,
      searchWord: seed.searchWord,
      searchHits: hits,
    };
  }, SEED);
}

/** How many entries the database holds now (a sanity check: counts match). */
export function countEntries(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('sitrep');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const count: number = await new Promise((ok, fail) => {
      const req = db.transaction('entries').objectStore('entries').count();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    db.close();
    return count;
  });
}
