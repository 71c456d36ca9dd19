import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCRIPTS, useWidgetBrowser } from './browser';
import { sampleFeed } from './widget-server';

const t = useWidgetBrowser();
const AXE = join(resolve(import.meta.dirname, '../../..'), 'node_modules/axe-core/axe.min.js');

/** axe-core's violations on the whole page, shadow roots included, as "rule: target" lines. */
async function axeViolations(page: Page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (): Promise<string[]> => {
    const results = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return results.violations.flatMap((v: any) => v.nodes.map((n: any) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary}`));
  });
}

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (theme) => {
  it.each(['minor', 'major', 'critical', 'maintenance', 'operational'])('finds nothing on a page with the %s banner and status page', async (feed) => {
    t.server.feed(`/feeds/${feed}.json`, { body: await sampleFeed(feed) });
    const page = await t.newPage();
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(
      t.server.page(
        `/axe-${feed}-${theme}.html`,
        `${SCRIPTS}<sitrep-banner src="/feeds/${feed}.json" theme="${theme}" show-operational></sitrep-banner>
         <main><h1>Acme</h1><p>Product page.</p>
         <sitrep-banner src="/feeds/${feed}.json" theme="auto" position="inline" show-operational></sitrep-banner>
         <sitrep-status src="/feeds/${feed}.json" theme="${theme}" history="https://status.example.com/history.atom"></sitrep-status></main>`,
      ),
    );
    await expect.poll(() => page.locator('sitrep-banner [part=base]').count()).toBe(2);
    await expect.poll(() => page.locator('sitrep-status [part=overall]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(t.errors).toEqual([]);
  });

  it('finds nothing on the stale note shown while the feed is unreachable', async () => {
    t.server.feed('/feeds/stale.json', { body: await sampleFeed('major') });
    const page = await t.newPage();
    const url = t.server.page(
      `/axe-stale-${theme}.html`,
      `${SCRIPTS}<main><h1>Acme</h1><sitrep-banner src="/feeds/stale.json" theme="${theme}" position="inline"></sitrep-banner>
       <sitrep-status src="/feeds/stale.json" theme="${theme}"></sitrep-status></main>`,
    );
    await page.goto(url);
    await expect.poll(() => page.locator('sitrep-banner [part=base]').count()).toBe(1);
    t.server.feed('/feeds/stale.json', 'down');
    await page.reload();
    await expect.poll(() => page.locator('sitrep-banner [part=stale]').count(), { timeout: 10_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the axe check itself', () => {
  it('sees into the shadow roots: a page that themes the banner unreadable fails', async () => {
    t.server.feed('/feeds/minor.json', { body: await sampleFeed('minor') });
    const page = await t.newPage();
    await page.goto(
      t.server.page(
        '/axe-bad.html',
        `${SCRIPTS}<style>sitrep-banner { --sitrep-minor-fg: #fff8d0; }</style>
         <main><h1>Acme</h1><sitrep-banner src="/feeds/minor.json" position="inline"></sitrep-banner></main>`,
      ),
    );
    await expect.poll(() => page.locator('sitrep-banner [part=base]').count()).toBe(1);
    const violations = await axeViolations(page);
    expect(violations.some((v) => v.startsWith('color-contrast: [["sitrep-banner"'))).toBe(true);
  });
});
