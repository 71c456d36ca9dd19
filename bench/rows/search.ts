import type { Page } from 'playwright-core';
import { rawCursorScan } from '../harness/raw-idb';
import { profileTopSelfTime } from '../harness/profile';
import { check, ratioRow, type BenchRow } from '../harness/row';
import { interleave, summarize } from '../harness/stats';
import type { ExtensionRowContext } from './context';

const RUNS = 7;
/** The search box's typing debounce (src/ui/state/search-state.ts): not part of the search. */
const DEBOUNCE_MS = 150;
/** The results list shows at most this many hits. */
const SHOWN = 200;

/**
 * One word across every incident, typed into the side panel's search box: from the moment the
 * search starts (the typing debounce over) to the first 50 hits painted, beside a raw cursor scan
 * of the same rows in the same page.
 */
export async function searchRows({ ext, log, profile }: ExtensionRowContext): Promise<BenchRow[]> {
  const page = await ext.open('sidepanel.html');
  await page.locator('#search-input').waitFor();
  await page.bringToFront();
  let shown = 0;
  const times = await interleave(
    { runs: RUNS, warmups: 2 },
    async () => {
      const run = await searchOnce(page, log.searchWord);
      shown = run.hits;
      return run.ms;
    },
    async () => {
      const raw = await rawCursorScan(page, log.searchWord);
      check(raw.scanned >= log.entries && raw.hits >= log.searchHits, `search: the raw scan read ${raw.scanned} rows with ${raw.hits} hits`);
      return raw.ms;
    },
  );
  check(shown === Math.min(log.searchHits, SHOWN), `search: ${shown} hits shown, expected ${Math.min(log.searchHits, SHOWN)}`);
  const row = ratioRow({
    name: `search: one word across ${log.entries.toLocaleString('en')} entries in ${log.incidentsWithEntries} incidents, first 50 hits painted`,
    unit: 'ms',
    measured: summarize(times.measured),
    reference: { name: 'a raw IndexedDB cursor scan of the same rows', median: summarize(times.reference).median },
    maxRatio: 1,
    maxMedian: 50,
    note: `${log.searchHits} matching entries; from the end of the ${DEBOUNCE_MS} ms typing debounce`,
  });
  if (profile && !row.ok) row.profile = await profileTopSelfTime(page, () => searchOnce(page, log.searchWord));
  await page.close();
  return [row];
}

/** Types `word` into the search box and times the debounced search to 50 hits on screen; clears it again. */
async function searchOnce(page: Page, word: string): Promise<{ ms: number; hits: number }> {
  return page.evaluate(
    async ({ word, debounce }) => {
      const input = document.querySelector<HTMLInputElement>('#search-input')!;
      const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
      const hits = () => document.querySelectorAll('.search-hit').length;
      // The moment the debounce timer fires is when the search starts.
      const original = window.setTimeout;
      let started = Number.NaN;
      window.setTimeout = ((fn: () => void, ms?: number, ...rest: unknown[]) =>
        original(ms === debounce ? () => ((started = performance.now()), fn()) : fn, ms, ...rest)) as typeof setTimeout;
      try {
        input.value = word;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        let painted = await frame();
        while (hits() < 50) {
          if (performance.now() - (Number.isNaN(started) ? painted : started) > 30_000) throw new Error('search: no 50 hits within 30 s');
          painted = await frame();
        }
        const shown = hits();
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (hits() > 0) await frame();
        return { ms: painted - started, hits: shown };
      } finally {
        window.setTimeout = original;
      }
    },
    { word, debounce: DEBOUNCE_MS },
  );
}
