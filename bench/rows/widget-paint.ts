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
 *
 * Where ours spends the time after its script arrives (one fresh-context load, 2 shared cores):
 * the host page's first frame and our module's evaluation (~10 ms); constructor and
 * connectedCallback up to the feed request (~10 ms, of which the page's first localStorage read
 * 1–5 ms); the page's first Intl formatter (13–20 ms: Intl's set-up in a fresh renderer, paid by
 * whichever Intl object comes first); the empty live region's render; the feed's answer, read and
 * parsed (~5 ms); the banner's render (~2 ms); the next frame. The Intl set-up is made while the
 * request is out (SitrepFeedElement.connectedCallback), so the two overlap instead of adding up:
 * what is left is bound by the main thread, not the network.
 */
export async function widgetPaintRows(browser: Browser, server: BenchWidgetServer): Promise<BenchRow[]> {
  server.feed(FEED, { body: await sampleFeed('minor', Date.now()), etag: true });
  const sitrep = server.page('/sitrep.html', `<script type="module" src="/sitrep-banner.js"></script><sitrep-banner src="${FEED}"></sitrep-banner>`);
  const statuspage = server.page(
    '/statuspage.html',
    `<script src="/statuspage-widget.js"></script><statuspage-widget src="${server.origin}"></statuspage-widget>`,
  );
  /** One first visit: when the mark was painted, and when the widget's script had arrived (ms since navigation start). */
  const once = async (url: string, script: string, mark: Mark) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await watchMarks(page, [mark]);
      const painted = (await loadAndMark(page, url, [mark.name]))[mark.name]!;
      const arrived = await page.evaluate(
        (script) => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => r.name.endsWith(script))?.responseEnd ?? NaN,
        script,
      );
      return { painted, arrived };
    } finally {
      await context.close();
    }
  };
  const arrivals = { sitrep: [] as number[], statuspage: [] as number[] };
  const times = await interleave(
    { runs: RUNS, warmups: 2 },
    async (run) => {
      const load = await once(sitrep, '/sitrep-banner.js', { name: 'painted', host: 'sitrep-banner', selector: '[part=name]', text: 'Slow dashboard loading' });
      if (run >= 0) arrivals.sitrep.push(load.arrived);
      return load.painted;
    },
    async (run) => {
      const load = await once(statuspage, '/statuspage-widget.js', { name: 'painted', host: 'statuspage-widget', selector: '.status-text', text: 'Minor' });
      if (run >= 0) arrivals.statuspage.push(load.arrived);
      return load.painted;
    },
  );
  // The page's own load and the script's download come before any widget code runs: the share of
  // the time no widget can win back, so a reader can tell how far below 1× a ratio can go.
  const arrived = (list: number[]) => `${summarize(list.filter(Number.isFinite)).median.toFixed(0)} ms`;
  return [
    ratioRow({
      name: 'widget: script tag → banner painted, local feed',
      unit: 'ms',
      measured: summarize(times.measured),
      reference: { name: '@statuspage/status-widget on the same page and feed', median: summarize(times.reference).median },
      maxRatio: 0.5,
      note: `navigation start to the first frame showing it; fresh context each load; each script had arrived at ${arrived(arrivals.sitrep)} (ours) and ${arrived(arrivals.statuspage)} (theirs)`,
    }),
  ];
}
