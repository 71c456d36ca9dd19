import { describe, expect, it } from 'vitest';
import { SCRIPTS, useWidgetBrowser } from './browser';
import { sampleFeed } from './widget-server';

const t = useWidgetBrowser();

async function hostileFeeds() {
  const minor = await sampleFeed('minor');
  const withIncident = (change: (incident: any, doc: any) => void) => {
    const doc = JSON.parse(minor);
    change(doc.incidents[0], doc);
    return JSON.stringify(doc);
  };
  return {
    'an HTML error page': await sampleFeed('broken'),
    'truncated JSON': minor.slice(0, 300),
    'wrong types': JSON.stringify({ page: { name: 5 }, status: { indicator: 7 }, incidents: 'none', components: {} }),
    'an empty object': '{}',
    'an empty list': '[]',
    null: 'null',
    'an empty body': '',
    'a body over the size limit': withIncident((i) => (i.incident_updates[0].body = 'x'.repeat(600 * 1024))),
    'huge strings': withIncident((i) => {
      i.name = 'N'.repeat(100_000);
      i.incident_updates[0].body = 'word '.repeat(80_000);
    }),
    'javascript: links': withIncident((i, doc) => {
      i.shortlink = 'javascript:alert(document.domain)';
      doc.page.url = 'javascript:alert(1)';
    }),
    'markup in text': withIncident((i) => {
      i.name = '<img src=x onerror="window.pwned=1">Outage';
      i.incident_updates[0].body = '<script>window.pwned=1</script><b>bold?</b>';
    }),
  };
}

describe('a feed the widget cannot trust', () => {
  it('never breaks the page: no console error, no uncaught exception, markup shown as text, no javascript: link', async () => {
    const feeds = Object.entries(await hostileFeeds());
    const elements = feeds
      .map(([,], i) => `<sitrep-banner src="/bad/${i}.json" position="inline"></sitrep-banner><sitrep-status src="/bad/${i}.json"></sitrep-status>`)
      .join('');
    feeds.forEach(([, body], i) => t.server.feed(`/bad/${i}.json`, { body }));
    const page = await t.newPage();
    await page.goto(t.server.page('/hostile.html', `${SCRIPTS}${elements}`));
    await expect.poll(() => t.server.hits.length).toBe(feeds.length);
    await page.waitForTimeout(500);

    expect(t.errors).toEqual([]);
    const seen = await page.evaluate(() => {
      const roots = [...document.querySelectorAll('sitrep-banner, sitrep-status')].map((e) => e.shadowRoot!);
      return {
        pwned: (window as any).pwned,
        injected: roots.flatMap((r) => [...r.querySelectorAll('img, script, b')]).length,
        hrefs: roots.flatMap((r) => [...r.querySelectorAll('a')].map((a) => a.getAttribute('href'))),
        banners: [...document.querySelectorAll('sitrep-banner')].map((e) => e.shadowRoot!.textContent!.slice(0, 60)),
        statuses: [...document.querySelectorAll('sitrep-status')].map((e) => e.shadowRoot!.textContent!.replace(/\s+/g, ' ').slice(0, 90)),
      };
    });
    expect(seen.pwned).toBeUndefined();
    expect(seen.injected).toBe(0);
    expect(seen.hrefs.every((href) => /^https?:/.test(href!))).toBe(true);
    const index = (what: string) => feeds.findIndex(([name]) => name === what);
    expect(seen.banners[index('markup in text')]).toContain('<img src=x');
    expect(seen.banners[index('huge strings')]!.startsWith('NNNN')).toBe(true);
    for (const name of ['an HTML error page', 'truncated JSON', 'wrong types', 'an empty body', 'a body over the size limit']) {
      expect(seen.banners[index(name)], name).toBe('');
      expect(seen.statuses[index(name)], name).toMatch(/unavailable/);
    }
    expect(seen.statuses[index('a body over the size limit')]).toContain('over 512 KB');
    // Site owners get one warning per unusable feed to debug with.
    expect(t.warnings.filter((w) => w.startsWith('sitrep:'))).toHaveLength(8);
    expect(t.server.hits).toHaveLength(feeds.length);
  });

  it('keeps a huge update to a few lines on the page', async () => {
    const feeds = await hostileFeeds();
    t.server.feed('/huge.json', { body: feeds['huge strings'] });
    const page = await t.newPage();
    await page.goto(t.server.page('/huge.html', `${SCRIPTS}<sitrep-banner src="/huge.json"></sitrep-banner>`));
    await expect.poll(() => page.locator('sitrep-banner [part=message]').count()).toBe(1);
    const height = await page.locator('sitrep-banner [part=base]').evaluate((b) => b.getBoundingClientRect().height);
    expect(height).toBeLessThan(200);
  });
});

describe('on the host page', () => {
  it('adds no global but its custom elements, and no styles outside its shadow roots', async () => {
    t.server.feed('/feeds/minor.json', { body: await sampleFeed('minor') });
    const page = await t.newPage();
    await page.goto(
      t.server.page('/globals.html', '<sitrep-banner src="/feeds/minor.json"></sitrep-banner><sitrep-status src="/feeds/minor.json"></sitrep-status>'),
    );
    const before = await page.evaluate(() => ({
      window: Object.getOwnPropertyNames(window),
      symbol: Object.getOwnPropertyNames(Symbol),
    }));
    await page.addScriptTag({ type: 'module', url: '/sitrep-banner.js' });
    await page.addScriptTag({ type: 'module', url: '/sitrep-status.js' });
    await expect.poll(() => page.locator('sitrep-status [part=overall]').count()).toBe(1);
    const after = await page.evaluate(() => ({
      window: Object.getOwnPropertyNames(window),
      symbol: Object.getOwnPropertyNames(Symbol),
      defined: ['sitrep-banner', 'sitrep-status'].map((tag) => !!customElements.get(tag)),
      documentStyles: document.styleSheets.length + document.adoptedStyleSheets.length + document.querySelectorAll('style').length,
    }));
    expect(after.window.filter((name) => !before.window.includes(name))).toEqual([]);
    expect(after.symbol.filter((name) => !before.symbol.includes(name))).toEqual([]);
    expect(after.defined).toEqual([true, true]);
    expect(after.documentStyles).toBe(0);
    expect(t.errors).toEqual([]);
  });

  it('is safe to load twice', async () => {
    t.server.feed('/feeds/major.json', { body: await sampleFeed('major') });
    const page = await t.newPage();
    await page.goto(
      t.server.page(
        '/twice.html',
        `<script type="module" src="/sitrep-banner.js?copy=1"></script><script type="module" src="/sitrep-banner.js?copy=2"></script>
         <script type="module" src="/sitrep-status.js?copy=1"></script><script type="module" src="/sitrep-status.js?copy=2"></script>
         <sitrep-banner src="/feeds/major.json"></sitrep-banner><sitrep-status src="/feeds/major.json"></sitrep-status>`,
      ),
    );
    await expect.poll(() => page.locator('sitrep-banner [part=name]').textContent()).toBe('Elevated API error rates');
    await expect.poll(() => page.locator('sitrep-status [part=overall]').textContent()).toBe('Partial System Outage');
    expect(t.errors).toEqual([]);
  });
});
