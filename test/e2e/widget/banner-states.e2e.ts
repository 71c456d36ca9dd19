import { describe, expect, it } from 'vitest';
import { SCRIPTS, useWidgetBrowser } from './browser';
import { sampleFeed } from './widget-server';

const t = useWidgetBrowser();

async function bannerPage(feed: string, attributes = '', lang = 'en') {
  t.server.feed(`/feeds/${feed}.json`, { body: await sampleFeed(feed) });
  const page = await t.newPage();
  await page.goto(
    t.server.page(
      `/${feed}.html`,
      `${SCRIPTS}<p id="before">Product page</p><sitrep-banner src="/feeds/${feed}.json" ${attributes}></sitrep-banner><p id="after">More product</p>`,
      lang,
    ),
  );
  await page.evaluate(() => customElements.whenDefined('sitrep-banner'));
  return page;
}

const banner = (page: import('playwright-core').Page) => page.locator('sitrep-banner [part=base]');
const background = (page: import('playwright-core').Page) => banner(page).evaluate((base) => getComputedStyle(base).backgroundColor);

describe('<sitrep-banner> states', () => {
  it('renders nothing but its empty live region — no box, no space — when all is operational', async () => {
    const page = await bannerPage('operational', 'position="inline"');
    await expect.poll(() => t.server.hitsOf('/feeds/operational.json').length).toBe(1);
    await page.waitForTimeout(200);
    const layout = await page.evaluate(() => {
      const host = document.querySelector('sitrep-banner')!;
      const before = document.getElementById('before')!.getBoundingClientRect();
      const after = document.getElementById('after')!.getBoundingClientRect();
      return {
        shadow: [...host.shadowRoot!.children].map((child) => ({
          live: child.getAttribute('aria-live'),
          text: child.textContent,
          height: child.getBoundingClientRect().height,
        })),
        rects: host.getClientRects().length,
        gap: after.top - before.bottom,
        pMargin: parseFloat(getComputedStyle(document.getElementById('after')!).marginTop),
      };
    });
    expect(layout.shadow).toEqual([{ live: 'polite', text: '', height: 0 }]);
    expect(layout.rects).toBe(0);
    expect(layout.gap).toBe(layout.pMargin); // the paragraphs' own margin, nothing between
    expect(t.errors).toEqual([]);
  });

  it('says "All systems operational" quietly with show-operational, in a text the page can replace', async () => {
    const page = await bannerPage('operational', 'show-operational position="inline"');
    await expect(banner(page).textContent()).resolves.toContain('All systems operational');
    await page.evaluate(() => document.querySelector('sitrep-banner')!.setAttribute('operational-text', 'Alles in Ordnung'));
    await expect.poll(() => banner(page).textContent()).toContain('Alles in Ordnung');
    await page.evaluate(() => {
      const span = document.createElement('span');
      span.slot = 'operational';
      span.textContent = 'Everything is fine ✓';
      document.querySelector('sitrep-banner')!.append(span);
    });
    await expect
      .poll(() =>
        page.locator('sitrep-banner').evaluate((el) =>
          el
            .shadowRoot!.querySelector<HTMLSlotElement>('slot[name=operational]')!
            .assignedNodes()
            .map((n) => n.textContent)
            .join(''),
        ),
      )
      .toBe('Everything is fine ✓');
    expect(await banner(page).getAttribute('role')).toBe('status');
  });

  it('shows a minor incident: name, status, latest update, relative time with the exact one on hover, and its link', async () => {
    const page = await bannerPage('minor');
    const base = banner(page);
    await expect.poll(() => base.count()).toBe(1);
    expect(await base.getAttribute('role')).toBe('status');
    expect(await page.locator('sitrep-banner [part=name]').textContent()).toBe('Slow dashboard loading');
    expect(await page.locator('sitrep-banner [part=status]').textContent()).toBe('Identified');
    expect(await page.locator('sitrep-banner [part=message]').textContent()).toContain('slow database query');
    const time = page.locator('sitrep-banner [part=time]');
    expect(await time.textContent()).toBe('12 minutes ago');
    expect(await time.getAttribute('title')).toMatch(/\d{4}.*\d:\d\d:\d\d/);
    expect(await page.locator('sitrep-banner [part=link]').getAttribute('href')).toBe('https://status.example.com/incidents/inc-slow-dash');
    expect(await background(page)).toBe('rgb(255, 243, 196)');
    expect(t.errors).toEqual([]);
  });

  it('shows a major incident in its own colour', async () => {
    const page = await bannerPage('major');
    await expect.poll(() => page.locator('sitrep-banner [part=name]').textContent()).toBe('Elevated API error rates');
    expect(await background(page)).toBe('rgb(255, 225, 199)');
  });

  it('puts the critical incident first, as an alert', async () => {
    const page = await bannerPage('critical');
    await expect.poll(() => page.locator('sitrep-banner [part=name]').textContent()).toBe('API and dashboard unavailable');
    expect(await banner(page).getAttribute('role')).toBe('alert');
    expect(await background(page)).toBe('rgb(180, 35, 24)');
  });

  it('shows maintenance in progress, not the one only scheduled', async () => {
    const page = await bannerPage('maintenance');
    await expect.poll(() => page.locator('sitrep-banner [part=name]').textContent()).toBe('Database upgrade');
    expect(await page.locator('sitrep-banner [part=status]').textContent()).toBe('In progress');
    // The sample ends 40 minutes from now: after midnight the end is on another day, and says so.
    expect(await page.locator('sitrep-banner [part=window]').textContent()).toMatch(/^until (?:[A-Z][a-z]{2} \d{1,2}, )?\d{1,2}:\d{2}/);
    expect(await background(page)).toBe('rgb(221, 233, 253)');
  });

  it('says until when a maintenance in progress runs, in the visitor’s zone and the page’s language and words', async () => {
    // The demo feed as written: "Database upgrade" runs 11:40–12:40 UTC on Jan 1, "Network
    // maintenance" is scheduled 12:00–14:00 UTC on Jan 2; the visitor is in New York (UTC−5).
    const written = Date.parse('2026-01-01T12:00:00.000Z');
    t.server.feed('/feeds/maintenance-window.json', { body: await sampleFeed('maintenance', written) });
    const context = await t.browser.newContext({ timezoneId: 'America/New_York' });
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => t.errors.push(`uncaught: ${error.message}`));
      await page.clock.setFixedTime(written);
      await page.goto(
        t.server.page(
          '/maintenance-window.html',
          `${SCRIPTS}<sitrep-banner src="/feeds/maintenance-window.json"></sitrep-banner><sitrep-status src="/feeds/maintenance-window.json"></sitrep-status>`,
          'en-GB',
        ),
      );
      const window = page.locator('sitrep-banner [part=window]');
      await expect.poll(() => window.textContent()).toBe('until 07:40');
      expect((await banner(page).textContent())?.replace(/\s+/g, ' ')).toMatch(/^ ?Database upgrade In progress until 07:40 /);
      expect(await page.locator('sitrep-status [part=maintenance] [part=window]').allTextContents()).toEqual(['until 07:40', 'from 2 Jan, 07:00 to 09:00']);
      await page.evaluate(() => document.querySelector('sitrep-banner')!.setAttribute('until-text', 'bis {end}'));
      await expect.poll(() => window.textContent()).toBe('bis 07:40');
      expect(t.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('uses the dark palette with theme="dark", and --sitrep-* custom properties over both', async () => {
    const page = await bannerPage('minor', 'theme="dark"');
    await expect.poll(() => background(page)).toBe('rgb(58, 48, 0)');
    await page.addStyleTag({ content: 'sitrep-banner { --sitrep-minor-bg: rgb(1, 2, 3); }' });
    await expect.poll(() => background(page)).toBe('rgb(1, 2, 3)');
    await page.addStyleTag({ content: 'sitrep-banner::part(name) { text-decoration: underline; }' });
    expect(await page.locator('sitrep-banner [part=name]').evaluate((n) => getComputedStyle(n).textDecorationLine)).toBe('underline');
  });

  it('follows the visitor’s colour scheme with theme="auto"', async () => {
    const page = await bannerPage('minor', 'theme="auto"');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(page)).toBe('rgb(58, 48, 0)');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(page)).toBe('rgb(255, 243, 196)');
  });

  it('styles itself with <style> elements where constructable style sheets are missing (Safari before 16.4)', async () => {
    t.server.feed('/feeds/minor.json', { body: await sampleFeed('minor') });
    const page = await t.newPage();
    await page.addInitScript(() => {
      delete (CSSStyleSheet.prototype as Partial<CSSStyleSheet>).replace;
    });
    await page.goto(t.server.page('/old-safari.html', `${SCRIPTS}<sitrep-banner src="/feeds/minor.json" theme="dark"></sitrep-banner>`));
    await expect.poll(() => background(page)).toBe('rgb(58, 48, 0)');
    const root = () =>
      page.evaluate(() => {
        const shadow = document.querySelector('sitrep-banner')!.shadowRoot!;
        return { adopted: shadow.adoptedStyleSheets.length, children: [...shadow.children].map((c) => c.localName) };
      });
    expect(await root()).toEqual({ adopted: 0, children: ['div', 'style'] });
    // Re-renders replace the content before the styles, and leave the styles alone.
    await page.evaluate(() => document.querySelector('sitrep-banner')!.setAttribute('theme', 'light'));
    await expect.poll(() => background(page)).toBe('rgb(255, 243, 196)');
    expect(await root()).toEqual({ adopted: 0, children: ['div', 'style'] });
    expect(t.errors).toEqual([]);
  });

  it('overlays the top or bottom of the page without moving its content', async () => {
    const page = await bannerPage('minor', 'position="top"');
    await expect.poll(() => banner(page).count()).toBe(1);
    const top = await page.evaluate(() => ({
      base: document.querySelector('sitrep-banner')!.shadowRoot!.querySelector('[part=base]')!.getBoundingClientRect().toJSON(),
      position: getComputedStyle(document.querySelector('sitrep-banner')!.shadowRoot!.querySelector('[part=base]')!).position,
      after: document.getElementById('after')!.getBoundingClientRect().top - document.getElementById('before')!.getBoundingClientRect().bottom,
      width: innerWidth,
    }));
    expect(top.position).toBe('fixed');
    expect(top.base.top).toBe(0);
    expect(top.base.width).toBe(top.width);
    expect(top.after).toBe(16); // the paragraphs' own margin: the banner adds nothing to the flow
    await page.evaluate(() => document.querySelector('sitrep-banner')!.setAttribute('position', 'bottom'));
    await expect
      .poll(() =>
        page.evaluate(() => innerHeight - document.querySelector('sitrep-banner')!.shadowRoot!.querySelector('[part=base]')!.getBoundingClientRect().bottom),
      )
      .toBe(0);
  });

  it('formats times in the page’s language', async () => {
    const page = await bannerPage('minor', '', 'de');
    await expect.poll(() => page.locator('sitrep-banner [part=time]').textContent()).toBe('vor 12 Minuten');
    expect(await page.locator('sitrep-banner [part=time]').getAttribute('title')).toMatch(/^\d{2}\.\d{2}\.\d{4}/);
  });

  it('is dismissed per incident update, by keyboard, and comes back with the next update', async () => {
    const page = await bannerPage('minor', 'poll="15"');
    await expect.poll(() => banner(page).count()).toBe(1);
    await page.keyboard.press('Tab'); // the incident link
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part'));
    expect(focused).toBe('dismiss');
    expect(await page.locator('sitrep-banner [part=dismiss]').getAttribute('aria-label')).toBe('Dismiss');
    expect(await page.locator('sitrep-banner [part=dismiss]').evaluate((b) => getComputedStyle(b).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await expect.poll(() => banner(page).count()).toBe(0);

    await page.reload();
    await expect.poll(() => t.server.hitsOf('/feeds/minor.json').length).toBe(2);
    await page.waitForTimeout(200);
    expect(await banner(page).count()).toBe(0);

    // A new update on the same incident brings the banner back.
    const next = JSON.parse(await sampleFeed('minor'));
    next.incidents[0].incident_updates.unshift({
      ...next.incidents[0].incident_updates[0],
      id: 'u3',
      status: 'monitoring',
      body: 'The fix is out; we are watching dashboard load times.',
      display_at: new Date().toISOString(),
      created_at: new Date().toISOString(),
    });
    t.server.feed('/feeds/minor.json', { body: JSON.stringify(next) });
    await page.reload();
    await expect.poll(() => page.locator('sitrep-banner [part=message]').textContent()).toContain('The fix is out');
    expect(t.errors).toEqual([]);
  });

  it('fires sitrep-change, bubbling out of shadow roots, when the indicator or the open incidents change', async () => {
    t.server.feed('/feeds/minor.json', { body: await sampleFeed('minor') });
    const page = await t.newPage();
    await page.goto(
      t.server.page(
        '/events.html',
        `<div id="wrap"></div><script>
          window.changes = [];
          document.addEventListener('sitrep-change', (e) => changes.push([e.target.localName, e.detail.indicator, e.detail.incidents.length]));
          const wrap = document.getElementById('wrap').attachShadow({ mode: 'open' });
          wrap.innerHTML = '<sitrep-banner src="/feeds/minor.json"></sitrep-banner>';
        </script>${SCRIPTS}`,
      ),
    );
    await expect.poll(() => page.evaluate(() => (window as any).changes)).toEqual([['div', 'minor', 1]]);
  });
});

describe('src', () => {
  it('follows a changed src, and says when it is not a URL', async () => {
    t.server.feed('/feeds/minor.json', { body: await sampleFeed('minor') });
    t.server.feed('/feeds/critical.json', { body: await sampleFeed('critical') });
    const page = await t.newPage();
    await page.goto(
      t.server.page('/switch.html', `${SCRIPTS}<sitrep-banner src="/feeds/minor.json"></sitrep-banner><sitrep-status src="http://["></sitrep-status>`),
    );
    await expect.poll(() => page.locator('sitrep-banner [part=name]').textContent()).toBe('Slow dashboard loading');
    await page.evaluate(() => (document.querySelector('sitrep-banner')!.src = '/feeds/critical.json'));
    await expect.poll(() => page.locator('sitrep-banner [part=name]').textContent()).toBe('API and dashboard unavailable');
    expect(await page.locator('sitrep-status [part=message]').textContent()).toMatch(/src is not a URL: http:\/\/\[/);
    expect(t.errors).toEqual([]);
  });
});

describe('<sitrep-status>', () => {
  it('renders the whole page: overall status, components by group, open incidents, maintenance, history link', async () => {
    t.server.feed('/feeds/critical.json', { body: await sampleFeed('critical') });
    t.server.feed('/feeds/maintenance.json', { body: await sampleFeed('maintenance') });
    const page = await t.newPage();
    await page.goto(
      t.server.page(
        '/status.html',
        `${SCRIPTS}<sitrep-status id="a" src="/feeds/critical.json" history="https://status.example.com/history.atom"></sitrep-status>
         <sitrep-status id="b" src="/feeds/maintenance.json"></sitrep-status>`,
      ),
    );
    const a = page.locator('#a');
    await expect.poll(() => a.locator('[part=overall]').textContent()).toBe('Major Service Outage');
    expect(await a.locator('h2').textContent()).toBe('Acme Cloud');
    expect(await a.locator('h4').allTextContents()).toEqual(['API and dashboard unavailable', 'Slow dashboard loading', 'Core platform', 'Data']);
    const rows = await a.locator('[part=component]').allTextContents();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'Website Operational',
      'API Major outage',
      'Dashboard Major outage',
      'Sign-in Major outage',
      'Database Operational',
      'Backups Operational',
    ]);
    expect(await a.locator('[part=update]').first().textContent()).toContain('failed network change');
    expect(await a.locator('[part=history]').getAttribute('href')).toBe('https://status.example.com/history.atom');

    const b = page.locator('#b');
    await expect.poll(() => b.locator('[part=maintenance] h4').allTextContents()).toEqual(['Database upgrade', 'Network maintenance']);
    expect(await b.locator('[part=maintenance]').textContent()).toMatch(/Starts\s+in 23 hours/);
    expect(await b.locator('[part=history]').count()).toBe(0);
    expect(await b.locator('[part=incidents]').count()).toBe(0);
    expect(t.errors).toEqual([]);
  });

  it('says the status is unavailable, and why, for a feed it cannot use', async () => {
    t.server.feed('/feeds/broken.json', { body: await sampleFeed('broken') });
    const page = await t.newPage();
    await page.goto(t.server.page('/status-broken.html', `${SCRIPTS}<sitrep-status src="/feeds/broken.json"></sitrep-status>`));
    await expect.poll(() => page.locator('sitrep-status [part=message]').textContent()).toMatch(/unavailable.*not JSON/s);
    expect(t.errors).toEqual([]);
  });
});
