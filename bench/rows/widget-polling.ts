import type { Browser, CDPSession, Page } from 'playwright-core';
import { check, ratioRow, type BenchRow } from '../harness/row';
import { sampleFeed, type BenchWidgetServer } from '../harness/widget-server';

const NOW = Date.parse('2026-11-28T09:10:00.000Z');
const HOUR_POLLS = 60;
const HEAP_POLLS = 1000;
/**
 * Polls before the reference is taken. V8 compiles the hot paths (parse, render) with its
 * optimizing tiers only after hundreds of calls, and that code lives on the JS heap: measured
 * from the very first poll, 1,000 polls grew the heap 18% and levelled off after ~750, but with
 * --no-opt --no-maglev --no-sparkplug only 2.6%, flat from poll 250 on (the resource-timing
 * buffer's 250 entries). Neither is a leak; a leak keeps growing after the warm-up.
 */
const HEAP_WARMUP_POLLS = 750;

/**
 * The banner polling its feed under a fake clock: the bytes one hour of polls every 60 s costs
 * when the feed does not change (revalidated: 304s) beside plain re-fetches of the same feed, and
 * the page's heap after 1,000 polls of a feed that changes every time beside after the first.
 */
export async function widgetPollingRows(browser: Browser, server: BenchWidgetServer): Promise<BenchRow[]> {
  const body = await sampleFeed('minor', NOW - 3 * 3_600_000);
  server.feed('/etag/summary.json', { body, etag: true });
  server.feed('/plain/summary.json', { body, etag: false });
  const revalidated = await pollForAnHour(browser, server, '/etag/summary.json');
  const plain = await pollForAnHour(browser, server, '/plain/summary.json');
  const statuses = server.hitsOf('/etag/summary.json').map((h) => h.status);
  check(statuses.length === HOUR_POLLS + 1, `widget polling: ${statuses.length} requests in an hour, expected ${HOUR_POLLS + 1}`);
  check(server.hitsOf('/plain/summary.json').length === HOUR_POLLS + 1, 'widget polling: the plain re-fetch made a different number of requests');
  const only304 = statuses[0] === 200 && statuses.slice(1).every((s) => s === 304);
  const bytes = ratioRow({
    name: `widget: bytes over the wire, one hour of polling an unchanged feed every 60 s`,
    unit: 'bytes',
    measured: { median: revalidated, p95: revalidated, runs: 1 },
    reference: { name: 'plain re-fetch of the same feed', median: plain },
    maxRatio: 1,
    note: `${statuses.length} requests: ${statuses.filter((s) => s === 304).length} × 304; fake clock`,
  });
  bytes.bound = '304s only';
  bytes.ok &&= only304;

  const heap = await heapAfterPolls(browser, server);
  return [
    bytes,
    ratioRow({
      name: `widget: heap after ${HEAP_POLLS.toLocaleString('en')} polls with alternating feeds`,
      unit: 'bytes',
      measured: { median: heap.after, p95: heap.after, runs: 1 },
      reference: { name: `after the first poll, once ${HEAP_WARMUP_POLLS} warm-up polls let V8 optimize`, median: heap.first },
      maxRatio: 1.1,
      note: 'used JS heap after a forced GC; fake clock',
    }),
  ];
}

async function clockPage(browser: Browser, server: BenchWidgetServer, feed: string, poll: number) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.install({ time: NOW });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytes = countBytes(cdp, feed);
  const url = server.page(
    `/poll${feed.replaceAll('/', '-')}.html`,
    `<script type="module" src="/sitrep-banner.js"></script><sitrep-banner src="${feed}" poll="${poll}"></sitrep-banner>`,
  );
  await page.goto(url);
  await page.clock.pauseAt(Math.max(NOW + 1000, (await page.evaluate(() => Date.now())) + 1));
  await page.locator('sitrep-banner [part=name]').waitFor();
  return { context, page, cdp, bytes };
}

/** Runs the paused clock on until the widget has asked for `feed` once more and had its answer. */
async function nextPoll(page: Page, server: BenchWidgetServer, feed: string, intervalMs: number) {
  const seen = server.hitsOf(feed).length;
  await page.clock.runFor(intervalMs);
  for (let waited = 0; server.hitsOf(feed).length === seen; waited++) {
    // Not yet armed (the previous answer was still being handled): a second more.
    if (waited % 20 === 19) await page.clock.runFor(1000);
    await page.waitForTimeout(5);
  }
  // Let the answer be read and the next poll armed before the clock moves again.
  await page.waitForTimeout(15);
}

/** Bytes received for `feed` (headers and body, as the network saw them) over one hour of polls every 60 s. */
async function pollForAnHour(browser: Browser, server: BenchWidgetServer, feed: string): Promise<number> {
  const { context, page, bytes } = await clockPage(browser, server, feed, 60);
  check(server.hitsOf(feed).length === 1, `widget polling: ${server.hitsOf(feed).length} requests for ${feed} on load, expected 1`);
  for (let i = 0; i < HOUR_POLLS; i++) await nextPoll(page, server, feed, 60_000);
  await page.waitForTimeout(100);
  await context.close();
  return bytes.total;
}

function countBytes(cdp: CDPSession, feed: string) {
  const ids = new Set<string>();
  const counter = { total: 0 };
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => {
    if (new URL(e.request.url).pathname === feed) ids.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    if (ids.has(e.requestId)) counter.total += e.encodedDataLength;
  });
  return counter;
}

/**
 * Used JS heap after the first poll that follows HEAP_WARMUP_POLLS, and after HEAP_POLLS more,
 * the feed alternating between two bodies, each after a forced GC.
 */
async function heapAfterPolls(browser: Browser, server: BenchWidgetServer): Promise<{ first: number; after: number }> {
  const feed = '/alternating/summary.json';
  const bodies = [await sampleFeed('minor', NOW - 3 * 3_600_000), await sampleFeed('major', NOW - 3 * 3_600_000)];
  server.feed(feed, { body: bodies[0]!, etag: true });
  const { context, page, cdp } = await clockPage(browser, server, feed, 15);
  const usedHeap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  for (let i = 1; i <= HEAP_WARMUP_POLLS; i++) {
    server.feed(feed, { body: bodies[i % 2]!, etag: true });
    await nextPoll(page, server, feed, 15_000);
  }
  const first = await usedHeap();
  for (let i = HEAP_WARMUP_POLLS + 1; i <= HEAP_WARMUP_POLLS + HEAP_POLLS; i++) {
    server.feed(feed, { body: bodies[i % 2]!, etag: true });
    await nextPoll(page, server, feed, 15_000);
  }
  const names = await page.locator('sitrep-banner [part=name]').textContent();
  check(names, 'widget heap: the banner shows nothing after the polls');
  const after = await usedHeap();
  const polls = HEAP_WARMUP_POLLS + HEAP_POLLS;
  check(server.hitsOf(feed).length >= polls, `widget heap: ${server.hitsOf(feed).length} polls, expected ${polls + 1}`);
  await context.close();
  return { first, after };
}
