import type { Page } from 'playwright-core';
import { countEntries } from '../harness/seed';
import { rawIdbRoundTrip, rawStringifyParse } from '../harness/raw-idb';
import { profileTopSelfTime } from '../harness/profile';
import { check, ratioRow, type BenchRow } from '../harness/row';
import { summarize } from '../harness/stats';
import type { ExtensionRowContext } from './context';

const RUNS = Number(process.env.BENCH_BACKUP_RUNS ?? 3);

/**
 * The whole log exported and imported again through the side panel's Data menu, as a person
 * does: Export backup → the file downloaded; Erase; Import backup… → preview → Import → done.
 * Runs last: it erases.
 *
 * The reference is IndexedDB alone doing the same work in the same page: one getAll of every
 * entry, then a put of each into a store with the same key and indexes. The issue named
 * JSON.stringify + JSON.parse of the rows; that stays in the row's note, but it cannot be the
 * bound: IndexedDB alone takes about 80 times as long to write 100,000 rows into the search
 * index, so no backup could come within 3× of it. What Sitrep adds over the database (the file,
 * the preview's checks, the import) is what this row bounds.
 */
export async function backupRows({ ext, log, profile }: ExtensionRowContext): Promise<BenchRow[]> {
  const page = await ext.open('sidepanel.html');
  await page.locator('main.sidepanel').waitFor();
  await page.bringToFront();
  const stored = await countEntries(page);
  check(stored >= log.entries, `backup: ${stored} entries stored, expected at least ${log.entries}`);

  const measured: number[] = [];
  const reference: number[] = [];
  const json: number[] = [];
  const parts: string[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { exportMs, file } = await exportOnce(page);
    await erase(page);
    check((await countEntries(page)) === 0, 'backup: the log was not erased');
    const { previewMs, importMs } = await importOnce(page, file);
    const back = await countEntries(page);
    check(back === stored, `backup: ${back} entries after the import, ${stored} before the export`);
    const raw = await rawStringifyParse(page);
    check(raw.rows === stored, `backup: the reference read ${raw.rows} rows, expected ${stored}`);
    const idb = await rawIdbRoundTrip(page);
    check(idb.rows === stored, `backup: the raw IndexedDB round trip read ${idb.rows} rows, expected ${stored}`);
    measured.push(exportMs + previewMs + importMs);
    reference.push(idb.readMs + idb.writeMs);
    json.push(raw.ms);
    parts.push(
      `export ${(exportMs / 1000).toFixed(1)} s + preview ${(previewMs / 1000).toFixed(1)} s + import ${(importMs / 1000).toFixed(1)} s; IndexedDB alone: getAll ${(idb.readMs / 1000).toFixed(1)} s + put into the same indexes ${(idb.writeMs / 1000).toFixed(1)} s`,
    );
  }
  const jsonMs = summarize(json).median;
  const row = ratioRow({
    name: `backup: export and import of ${stored.toLocaleString('en')} entries through the Data menu`,
    unit: 'ms',
    measured: summarize(measured),
    reference: { name: 'IndexedDB alone: getAll + put of the same rows into the same indexes', median: summarize(reference).median },
    maxRatio: 1.3,
    note: [
      `JSON.stringify + JSON.parse of the same rows: ${jsonMs.toFixed(0)} ms, ${(summarize(measured).median / jsonMs).toFixed(1)}× (for information)`,
      ...parts,
    ].join('; '),
  });
  if (profile && !row.ok) {
    let file = '';
    const exported = await profileTopSelfTime(page, async () => ({ file } = await exportOnce(page)));
    await erase(page);
    const imported = await profileTopSelfTime(page, () => importOnce(page, file));
    row.profile = ['export:', ...exported, 'preview and import:', ...imported];
  }
  await page.close();
  return [row];
}

async function openDataMenu(page: Page) {
  const menu = page.locator('details.data-menu');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

/** Export backup (JSON) → the file downloaded and the menu's word on it; returns ms and the file. */
async function exportOnce(page: Page): Promise<{ exportMs: number; file: string }> {
  await openDataMenu(page);
  const status = page.getByTestId('data-status').filter({ hasText: 'Exported' });
  const t = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup (JSON)' }).click()]);
  const file = await download.path();
  await status.waitFor({ timeout: 240_000 });
  const exportMs = performance.now() - t;
  check(file, 'backup: the export downloaded no file');
  return { exportMs, file };
}

async function erase(page: Page) {
  await openDataMenu(page);
  await page.getByRole('button', { name: 'Erase local log…' }).click();
  await page.getByRole('button', { name: 'Erase everything' }).click();
  await page.getByText('The local log is erased.').waitFor({ timeout: 240_000 });
}

/** Import backup… → the preview shown (previewMs) → Import → the menu says it is done (importMs). */
async function importOnce(page: Page, file: string): Promise<{ previewMs: number; importMs: number }> {
  await openDataMenu(page);
  const menu = page.locator('details.data-menu');
  const preview = menu.getByTestId('import-preview');
  let t = performance.now();
  await page.getByTestId('import-file').setInputFiles(file);
  const shown = await preview.waitFor({ timeout: 240_000 }).then(
    () => true,
    () => false,
  );
  check(shown, `backup: no import preview: ${(await menu.innerText()).replace(/\s+/g, ' ').slice(0, 300)}`);
  const previewMs = performance.now() - t;
  t = performance.now();
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await preview.waitFor({ state: 'detached', timeout: 240_000 });
  await page.getByTestId('data-status').waitFor();
  return { previewMs, importMs: performance.now() - t };
}
