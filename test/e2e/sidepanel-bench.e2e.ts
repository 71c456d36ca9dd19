import { test, expect } from './fixtures';
import { SidePanelPage } from './pages/sidepanel-page';

const ENTRIES = 10_000;
const RUNS = 5;

/**
 * Benchmark, not a timed assertion: seeds one incident with 10,000 entries, then measures from
 * navigation start to the timeline painted, over several reloads, and prints the figures.
 * It asserts only that the list is virtual (a few dozen rows in the DOM, not 10,000).
 */
test('side panel renders a 10,000-entry incident (benchmark)', async ({ context, extensionId }) => {
  const panel = await SidePanelPage.open(context, extensionId);
  await panel.page.setViewportSize({ width: 420, height: 900 });
  const incidentId = await panel.page.evaluate(async (count) => {
    const id = crypto.randomUUID();
    const t0 = Date.parse('2026-11-27T20:00:00.000Z');
    const iso = (ms: number) => new Date(ms).toISOString();
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('sitrep');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(['incidents', 'entries'], 'readwrite');
    tx.objectStore('incidents').put({
      id, key: 'INC-1', title: 'Ten thousand notes', severity: 'SEV2', status: 'investigating', impact: '', manager: 'bench',
      startedAt: iso(t0), createdAt: iso(t0), updatedAt: iso(t0),
    });
    const kinds = ['note', 'clip', 'status', 'decision', 'alert', 'action'];
    for (let i = 0; i < count; i++) {
      const at = iso(t0 + i * 15_000);
      tx.objectStore('entries').put({
        id: crypto.randomUUID(), incidentId: id, at, recordedAt: at, author: 'bench', kind: kinds[i % kinds.length],
        text: `Entry ${i}: ${'checkout-api p99 latency above SLO; '.repeat(1 + (i % 4))}`, starred: i % 50 === 0, updatedAt: at,
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    // The page is an extension page, so the extension storage API is there.
    await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ activeIncidentId: id });
    return id;
  }, ENTRIES);
  expect(incidentId).toBeTruthy();

  const times: number[] = [];
  const whole: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await panel.page.reload();
    await panel.page.getByText('Entry 0:', { exact: false }).first().waitFor();
    times.push(await panel.page.evaluate(() => performance.now()));
    await panel.page.getByText(`of ${ENTRIES.toLocaleString('en')} entries`).waitFor();
    whole.push(await panel.page.evaluate(() => performance.now()));
  }
  const rendered = await panel.entries().count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);
  await expect.poll(() => panel.page.getByTestId('entry-text').count()).toBeLessThan(100);

  // Jump to the end: the last entry is reachable and still only a window of rows exists.
  await panel.focusFirstEntry();
  const t = await panel.page.evaluate(() => performance.now());
  await panel.page.keyboard.press('End');
  await panel.page.getByText(`Entry ${ENTRIES - 1}:`, { exact: false }).waitFor();
  const jump = (await panel.page.evaluate(() => performance.now())) - t;

  const spread = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `median ${sorted[Math.floor(RUNS / 2)]!.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`;
  };
  console.log(
    `[bench] side panel, ${ENTRIES.toLocaleString('en')} entries (navigation start, ${RUNS} reloads):\n` +
      `[bench]   first entries visible: ${spread(times)}\n` +
      `[bench]   whole timeline loaded: ${spread(whole)}\n` +
      `[bench]   End key to last entry ${jump.toFixed(0)} ms; ${rendered} rows in DOM`,
  );
});
