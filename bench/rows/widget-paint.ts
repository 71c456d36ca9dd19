import type { Browser } from 'playwright-core';
import { loadAndMark, watchMarks, type Mark } from '../harness/marks';
import { ratioRow, type BenchRow } from '../harness/row';
import { interleave, summarize } from '../harness/stats';
import { sampleFeed, type BenchWidgetServer } from '../harness/widget-server';

const RUNS = 9;
const FEED = '/api/v2/summary.json';

/**
 * A product page with one script tag and the element, its feed on the same loopback host:
 * navigation → the banner painted (the incident's name on screen), beside Atlassian's
 * @statuspage/status-widget on the same page and feed. Each load in a fresh context: a first
 * visit, nothing cached.
 */
export async function widgetPaintRows(browser: Browser, server: BenchWidgetServer): Promise<BenchRow[]> {
  server.feed(FEED, { body: await sampleFeed('minor', Date.now()), etag: true });
  const sitrep = server.page('/sitrep.html', `<script type="module" src="/sitrep-banner.js"></script><sitrep-banner src="${FEED}"></sitrep-banner>`);
  const statuspage = server.page(
    '/statuspage.html',
    `<script src="/statuspage-widget.js"></script><statuspage-widget src="${server.origin}"></statuspage-widget>`,
  );
  const once = async (url: string, mark: Mark) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await watchMarks(page, [mark]);
      return (await loadAndMark(page, url, [mark.name]))[mark.name]!;
    } finally {
      await context.close();
    }
  };
  const times = await interleave(
    { runs: RUNS, warmups: 2 },
    () => once(sitrep, { name: 'painted', host: 'sitrep-banner', selector: '[part=name]', text: 'Slow dashboard loading' }),
    () => once(statuspage, { name: 'painted', host: 'statuspage-widget', selector: '.status-text', text: 'Minor' }),
  );
  return [
    ratioRow({
      name: 'widget: script tag → banner painted, local feed',
      unit: 'ms',
      measured: summarize(times.measured),
      reference: { name: '@statuspage/status-widget on the same page and feed', median: summarize(times.reference).median },
      maxRatio: 0.5,
      note: 'navigation start to the first frame showing it; fresh context each load',
    }),
  ];
}
