import type { Page } from 'playwright-core';

/**
 * The references the extension rows are measured against: what IndexedDB itself costs, called
 * directly from a page of the extension, with no Dexie, zod or UI in between.
 */

/** Navigation start of a blank extension page, to its first frame (ms). */
export function firstFrame(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now()))));
}

/** Opens the database and reads one incident's whole timeline by its index; returns ms and rows. */
export function rawTimelineGetAll(page: Page, incidentId: string): Promise<{ ms: number; rows: number }> {
  return page.evaluate(async (incidentId) => {
    const t = performance.now();
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('sitrep');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const rows: unknown[] = await new Promise((ok, fail) => {
      const index = db.transaction('entries').objectStore('entries').index('[incidentId+at]');
      const req = index.getAll(IDBKeyRange.bound([incidentId], [incidentId, []]));
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const ms = performance.now() - t;
    db.close();
    return { ms, rows: rows.length };
  }, incidentId);
}

/**
 * Scans every entry with a cursor, case-insensitively matching `word`, as a search without an
 * index must; returns ms, how many rows it read and how many matched.
 */
export function rawCursorScan(page: Page, word: string): Promise<{ ms: number; scanned: number; hits: number }> {
  return page.evaluate(async (word) => {
    const needle = word.toLowerCase();
    const t = performance.now();
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('sitrep');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    let scanned = 0;
    const hits: unknown[] = [];
    await new Promise<void>((ok, fail) => {
      const req = db.transaction('entries').objectStore('entries').openCursor();
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return ok();
        scanned++;
        const entry = cursor.value as { text: string };
        if (entry.text.toLowerCase().includes(needle)) hits.push(entry);
        cursor.continue();
      };
      req.onerror = () => fail(req.error);
    });
    const ms = performance.now() - t;
    db.close();
    return { ms, scanned, hits: hits.length };
  }, word);
}

/** Reads every entry, then JSON.stringify and JSON.parse of them: the floor under a backup. */
export function rawStringifyParse(page: Page): Promise<{ ms: number; rows: number; bytes: number }> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const req = indexedDB.open('sitrep');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const rows: unknown[] = await new Promise((ok, fail) => {
      const req = db.transaction('entries').objectStore('entries').getAll();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    db.close();
    const t = performance.now();
    const text = JSON.stringify({ entries: rows });
    const back = JSON.parse(text) as { entries: unknown[] };
    return { ms: performance.now() - t, rows: back.entries.length, bytes: text.length };
  });
}

/**
 * What IndexedDB alone costs a backup: every entry read with one getAll, then put, in one
 * transaction, into a scratch database whose entry store has the same key and indexes (the
 * multi-entry search index included); returns ms for both and the rows. No JSON, no checks.
 */
export function rawIdbRoundTrip(page: Page): Promise<{ readMs: number; writeMs: number; rows: number }> {
  return page.evaluate(async () => {
    const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((ok, fail) => {
        const req = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
        if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
    const done = (tx: IDBTransaction) => new Promise((ok, fail) => ((tx.oncomplete = ok), (tx.onerror = () => fail(tx.error))));
    const db = await open('sitrep');
    let t = performance.now();
    const tx = db.transaction('entries');
    const store = tx.objectStore('entries');
    const indexes = [...store.indexNames].map((name) => store.index(name)).map((i) => ({ name: i.name, keyPath: i.keyPath, multiEntry: i.multiEntry }));
    const rows: unknown[] = await new Promise((ok, fail) => {
      const req = store.getAll();
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const readMs = performance.now() - t;
    const keyPath = store.keyPath;
    db.close();
    const name = `sitrep-bench-raw-${Date.now()}`;
    const scratch = await open(name, (s) => {
      const target = s.createObjectStore('entries', { keyPath });
      for (const i of indexes) target.createIndex(i.name, i.keyPath, { multiEntry: i.multiEntry });
    });
    t = performance.now();
    const write = scratch.transaction('entries', 'readwrite');
    const into = write.objectStore('entries');
    for (const row of rows) into.put(row);
    await done(write);
    const writeMs = performance.now() - t;
    scratch.close();
    await new Promise((ok) => (indexedDB.deleteDatabase(name).onsuccess = ok));
    return { readMs, writeMs, rows: rows.length };
  });
}
