import { BLANK_PAGE } from '../harness/browser';
import { loadAndMark, watchMarks } from '../harness/marks';
import { profileTopSelfTime } from '../harness/profile';
import { ratioRow, type BenchRow } from '../harness/row';
import { interleave, summarize } from '../harness/stats';
import type { ExtensionRowContext } from './context';

const RUNS = 21;

/**
 * The popup opened with 100,000 entries stored: navigation → note box focused, beside a blank
 * extension page. Each popup load waits for its app too: extension pages share one renderer, and
 * an app still opening the log would slow the blank page measured next. The ratio sits within a
 * frame or two of 1×, so it takes 21 pairs to keep one stray frame from moving the median.
 */
export async function popupRows({ ext, log, profile }: ExtensionRowContext): Promise<BenchRow[]> {
  const popup = await ext.context.newPage();
  const blank = await ext.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await watchMarks(popup, [
    { name: 'ready', selector: '.note-box textarea', focused: true },
    { name: 'app', selector: 'main.popup:not([data-first-paint])' },
  ]);
  await watchMarks(blank, [{ name: 'ready', selector: 'main' }]);
  const times = await interleave(
    { runs: RUNS, warmups: 2 },
    async () => (await loadAndMark(popup, ext.url('popup.html'), ['ready', 'app'])).ready!,
    async () => (await loadAndMark(blank, ext.url(BLANK_PAGE), ['ready'])).ready!,
  );
  const row = ratioRow({
    name: `popup: open → note box focused, ${log.entries.toLocaleString('en')} entries stored`,
    unit: 'ms',
    measured: summarize(times.measured),
    reference: { name: 'a blank extension page', median: summarize(times.reference).median },
    maxRatio: 1.3,
  });
  if (profile && !row.ok) row.profile = await profileTopSelfTime(popup, () => loadAndMark(popup, ext.url('popup.html'), ['ready']));
  await Promise.all([popup.close(), blank.close()]);
  return [row];
}
