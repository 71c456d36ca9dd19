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
