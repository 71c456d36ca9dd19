import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countRenders, SCRIPTS, useWidgetBrowser } from './browser';
import { sampleFeed } from './widget-server';

const t = useWidgetBrowser();
const NOW = Date.parse('2026-11-28T09:10:00.000Z');

/** Loads `body` under a fake clock paused at NOW (+ `later` ms), once the feed has been read. */
async function clockPage(path: string, body: string, feed: string, later = 0) {
  const page = await t.newPage();
  await page.clock.install({ time: NOW + later - 1000 });
  // The test's own record of when (on the page's clock) each feed request starts: the server
  // may see a request a moment later than the page makes it, by which time the clock moved on.
  await page.addInitScript(() => {
    const record: [string, number][] = [];
    const original = globalThis.fetch.bind(globalThis);
    Object.defineProperty(globalThis, '__testFetches', { value: record });
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      record.push([new URL(input instanceof Request ? input.url : String(input), location.href).pathname, Date.now()]);
      return original(input, init);
    };
  });
  await page.goto(t.server.page(path, `${SCRIPTS}${body}`));
  // On a loaded machine the page can take over a second to load, and pausing at a time the clock
  // has already passed throws: pause at NOW, or just after where the page's clock already is.
  const pageNow = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(Math.max(NOW + later, pageNow + 1));
  await expect.poll(() => t.server.hitsOf(feed).length).toBeGreaterThan(0);
  return page;
}

/**
 * Moves the paused clock on a second at a time until the widget asks for `feed` again, lets
 * the answer arrive, and returns the time since the previous request. (One big jump would also
 * fire the fetch timeout of the request it starts, before the real network could answer.)
 */
async function untilNextRequest(page: Page, feed: string, maxMs = 30 * 60_000) {
  const seen = t.server.hitsOf(feed).length;
  const before = (await requestTimes(page, feed)).length;
  for (let ms = 0; ms < maxMs && (await requestTimes(page, feed)).length === before; ms += 1000) {
    await page.clock.runFor(1000);
    await page.waitForTimeout(5);
  }
  const times = await requestTimes(page, feed);
  expect(times.length).toBeGreaterThan(before);
  await expect.poll(() => t.server.hitsOf(feed).length).toBeGreaterThan(seen);
  await page.waitForTimeout(150);
  return times.at(-1)! - times.at(-2)!;
}

/** When, on the page's clock, each request for `feed` started. */
function requestTimes(page: Page, feed: string): Promise<number[]> {
  return page.evaluate(
    (feed) => (globalThis as unknown as { __testFetches: [string, number][] }).__testFetches.filter(([path]) => path === feed).map(([, at]) => at),
    feed,
  );
}

/** An interval as the test can see it: the fake clock moves in 1 s steps. */
const about = (ms: number) => expect.toSatisfy((actual: number) => Math.abs(actual - ms) <= 1000, `${ms} ms ± 1 s`);

const hide = (page: Page, state: 'hidden' | 'visible') =>
  page.evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);

describe('polling', () => {
  it('revalidates every poll interval; 304s cost no re-render, a changed feed does', async () => {
    // Written hours ago, so "3 hours ago" stays put and only the feed can cause a render.
    t.server.feed('/feeds/minor.json', { body: await sampleFeed('minor', NOW - 3 * 3600_000) });
    const page = await clockPage('/p304.html', '<sitrep-banner src="/feeds/minor.json" poll="15"></sitrep-banner>', '/feeds/minor.json');
    await expect.poll(() => page.locator('sitrep-banner [part=name]').count()).toBe(1);
    const renders = await countRenders(page, 'sitrep-banner');
    const times = [];
    for (let i = 0; i < 4; i++) times.push(await untilNextRequest(page, '/feeds/minor.json'));
    expect(times).toEqual([about(15_000), about(15_000), about(15_000), about(15_000)]);
    const hits = t.server.hitsOf('/feeds/minor.json');
    expect(hits.map((h) => h.status)).toEqual([200, 304, 304, 304, 304]);
    expect(hits.slice(1).every((h) => h.ifNoneMatch)).toBe(true);
    expect(await renders()).toBe(0);

    t.server.feed('/feeds/minor.json', { body: await sampleFeed('major', NOW - 3 * 3600_000) });
    await untilNextRequest(page, '/feeds/minor.json');
    await expect.poll(() => page.locator('sitrep-banner [part=name]').textContent()).toBe('Elevated API error rates');
    expect(await renders()).toBe(1);
    expect(t.errors).toEqual([]);
  });

  it('does not poll while the tab is hidden and refreshes when it comes back', async () => {
    t.server.feed('/feeds/minor.json', { body: await sampleFeed('minor', NOW) });
    const page = await clockPage('/hidden.html', '<sitrep-banner src="/feeds/minor.json" poll="15"></sitrep-banner>', '/feeds/minor.json');
    await hide(page, 'hidden');
    await page.clock.runFor(10 * 60_000);
    await page.waitForTimeout(300);
    expect(t.server.hitsOf('/feeds/minor.json')).toHaveLength(1);

    t.server.feed('/feeds/minor.json', { body: await sampleFeed('critical', NOW) });
    await hide(page, 'visible');
    await page.clock.runFor(1); // the refresh is due at once; the paused clock needs a nudge
    await expect.poll(() => t.server.hitsOf('/feeds/minor.json').length).toBe(2);
    await expect.poll(() => page.locator('sitrep-banner [part=name]').textContent()).toBe('API and dashboard unavailable');
  });

  it('makes one request per feed however many elements show it, from either bundle', async () => {
    t.server.feed('/feeds/minor.json', { body: await sampleFeed('minor', NOW) });
    const page = await clockPage(
      '/two.html',
      `<sitrep-banner src="/feeds/minor.json" poll="15"></sitrep-banner>
       <sitrep-banner src="/feeds/minor.json" position="inline" poll="30"></sitrep-banner>
       <sitrep-banner src="${t.server.origin}/feeds/minor.json" position="bottom"></sitrep-banner>
       <sitrep-status src="/feeds/minor.json"></sitrep-status>`,
      '/feeds/minor.json',
    );
    await expect.poll(() => page.locator('sitrep-banner [part=name]').count()).toBe(3);
    await expect.poll(() => page.locator('sitrep-status [part=incident]').count()).toBe(1);
    expect(t.server.hitsOf('/feeds/minor.json')).toHaveLength(1);
    // At the fastest element's interval, one request for all three.
    expect(await untilNextRequest(page, '/feeds/minor.json')).toEqual(about(15_000));
    expect(await untilNextRequest(page, '/feeds/minor.json')).toEqual(about(15_000));
    expect(t.server.hitsOf('/feeds/minor.json')).toHaveLength(3);
  });

  it('shows the cached snapshot with its age when the feed is unreachable', async () => {
    t.server.feed('/feeds/minor.json', { body: await sampleFeed('minor', NOW) });
    const first = await clockPage('/offline.html', '<sitrep-banner src="/feeds/minor.json"></sitrep-banner>', '/feeds/minor.json');
    await expect.poll(() => first.locator('sitrep-banner [part=name]').count()).toBe(1);
    await first.close();

    // Ten and a half minutes later the status host is down. The half minute keeps the age at "10
    // minutes" whether the page's first request goes out before or after its clock is paused
    // (clockPage starts the clock a second early), as it now does at once on load.
    t.server.feed('/feeds/minor.json', 'down');
    const page = await clockPage('/offline.html', '<sitrep-banner src="/feeds/minor.json"></sitrep-banner>', '/feeds/minor.json', 10.5 * 60_000);
    await expect.poll(() => page.locator('sitrep-banner [part=stale]').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('sitrep-banner [part=name]').textContent()).toBe('Slow dashboard loading');
    expect(await page.locator('sitrep-banner [part=stale]').textContent()).toBe('Status as of 10 minutes ago: the status feed cannot be reached right now.');
    expect(t.warnings.some((w) => w.includes('unreachable'))).toBe(true);

    // It recovers by itself, and the note goes.
    t.server.feed('/feeds/minor.json', { body: await sampleFeed('minor', NOW) });
    await untilNextRequest(page, '/feeds/minor.json');
    await expect.poll(() => page.locator('sitrep-banner [part=stale]').count()).toBe(0);
    expect(await page.locator('sitrep-banner [part=name]').textContent()).toBe('Slow dashboard loading');
  });
});
