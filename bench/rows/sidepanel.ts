import { watchMarks, loadAndMark } from '../harness/marks';
import { BLANK_PAGE } from '../harness/browser';
import { firstFrame, rawTimelineGetAll } from '../harness/raw-idb';
import { profileTopSelfTime } from '../harness/profile';
import { check, limitRow, ratioRow, type BenchRow } from '../harness/row';
import { interleave, summarize } from '../harness/stats';
import type { ExtensionRowContext } from './context';

const RUNS = 7;
const SCROLL_STEP_PX = 900;

/**
 * The side panel over a 10,000-entry incident: navigation → first entries painted (beside the
 * same page over an empty incident), the whole timeline loaded (beside a blank page reading the
 * same rows raw), and frames over budget while scrolling through all of it.
 */
export async function sidePanelRows({ ext, log, profile }: ExtensionRowContext): Promise<BenchRow[]> {
  const big = await ext.context.newPage();
  const empty = await ext.context.newPage();
  const blank = await ext.context.newPage();
  await watchMarks(big, [
    { name: 'first', selector: '[data-testid=entry]' },
    { name: 'whole', selector: '[data-testid=filter-count]', text: `of ${log.bigEntries.toLocaleString('en')} entries` },
  ]);
  await watchMarks(empty, [{ name: 'first', selector: 'p.hint.empty', text: 'No entries yet' }]);
  const bigUrl = ext.url(`sidepanel.html#incident=${log.bigIncidentId}`);
  const emptyUrl = ext.url(`sidepanel.html#incident=${log.emptyIncidentId}`);

  const whole: number[] = [];
  const paint = await interleave(
    { runs: RUNS, warmups: 2 },
    async () => {
      const marks = await loadAndMark(big, bigUrl, ['first', 'whole']);
      whole.push(marks.whole!);
      return marks.first!;
    },
    async () => (await loadAndMark(empty, emptyUrl, ['first'])).first!,
  );
  whole.splice(0, 2); // the warm-ups
  const rendered = await big.getByTestId('entry').count();
  check(rendered > 5 && rendered < 100, `side panel: expected a virtual list (a few dozen rows in the DOM), found ${rendered}`);

  const raw: number[] = [];
  for (let i = -1; i < RUNS; i++) {
    await blank.bringToFront();
    await blank.goto(ext.url(BLANK_PAGE));
    const opened = await firstFrame(blank);
    const read = await rawTimelineGetAll(blank, log.bigIncidentId);
    check(read.rows === log.bigEntries, `side panel: the raw read found ${read.rows} rows, expected ${log.bigEntries}`);
    if (i >= 0) raw.push(opened + read.ms);
  }

  const frames = await scrollThrough(big);
  const rows = [
    ratioRow({
      name: `side panel: navigation → first entries painted, ${log.bigEntries.toLocaleString('en')} entries`,
      unit: 'ms',
      measured: summarize(paint.measured),
      reference: { name: 'the same page over an empty incident', median: summarize(paint.reference).median },
      maxRatio: 1.2,
    }),
    ratioRow({
      name: `side panel: navigation → whole timeline loaded, ${log.bigEntries.toLocaleString('en')} entries`,
      unit: 'ms',
      measured: summarize(whole),
      reference: { name: 'blank extension page + raw IndexedDB getAll of the same rows', median: summarize(raw).median },
      maxRatio: 3,
    }),
    limitRow({
      name: `side panel: scrolling through ${log.bigEntries.toLocaleString('en')} entries, frames over 16.7 ms`,
      unit: '%',
      measured: { median: frames.overBudgetPercent, p95: frames.overBudgetPercent, runs: 1 },
      max: 1,
      note: `${frames.frames} frames, ${SCROLL_STEP_PX} px a frame; worst ${frames.worstMs.toFixed(1)} ms`,
    }),
  ];
  if (profile) {
    if (!rows[0]!.ok || !rows[1]!.ok) rows[0]!.profile = rows[1]!.profile = await profileTopSelfTime(big, () => loadAndMark(big, bigUrl, ['first', 'whole']));
    if (!rows[2]!.ok) rows[2]!.profile = await profileTopSelfTime(big, () => scrollThrough(big));
  }
  await Promise.all([big.close(), empty.close(), blank.close()]);
  return rows;
}

/**
 * Scrolls the timeline from top to bottom, SCROLL_STEP_PX at every frame (a brisk fling), and
 * times the frames. A frame is over budget when it comes more than one 60 Hz frame (16.7 ms,
 * with 2 ms for the timer's jitter) after the one before: the page missed a frame.
 */
async function scrollThrough(page: import('playwright-core').Page) {
  await page.bringToFront();
  return page.evaluate(async (step) => {
    const scroller = document.querySelector<HTMLElement>('[data-testid=timeline]')!;
    scroller.scrollTop = 0;
    await new Promise((r) => setTimeout(r, 300));
    const deltas: number[] = [];
    let last = await new Promise<number>((r) => requestAnimationFrame(r));
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      scroller.scrollTop += step;
      const now = await new Promise<number>((r) => requestAnimationFrame(r));
      deltas.push(now - last);
      last = now;
    }
    const over = deltas.filter((d) => d > 16.7 + 2).length;
    return { frames: deltas.length, overBudgetPercent: (100 * over) / deltas.length, worstMs: Math.max(...deltas) };
  }, SCROLL_STEP_PX);
}
