import { createServer, type Server } from 'node:http';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { test, expect } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';
import { clipThroughToolbar } from './pages/toolbar-popup';

const RLO = '\u202E';
const FIVE_MB = 5 * 1024 * 1024; // 5,242,880 characters
const SELECTION_START = 'Error line ';
const PANEL_WIDTH = 400;

/**
 * A page that tries to make itself unclippable and to spoof what the responder reads: a Grafana
 * dashboard whose range is ten thousand years back, whose title and panel name carry
 * RIGHT-TO-LEFT OVERRIDE, and which holds a 5 MB line for the responder to select.
 */
const HOSTILE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>${RLO}gnp.exe — Payments - Grafana</title></head>
<body>
  <section data-testid="data-testid Panel header ${RLO}sesnopser xx5">
    <h2>Responses</h2>
    <pre id="huge"></pre>
  </section>
  <script>
    document.getElementById('huge').textContent = ${JSON.stringify(SELECTION_START)} + 'x'.repeat(${FIVE_MB - SELECTION_START.length});
  </script>
</body></html>`;

async function serveHostilePage(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (!new URL(req.url ?? '/', 'http://x').pathname.startsWith('/ops/grafana/d/')) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(HOSTILE_HTML);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** Opens the hostile page with its 5 MB line selected, in front, as the responder leaves it. */
async function openHostilePage(context: BrowserContext, url: string): Promise<Page> {
  const hostile = await context.newPage();
  await hostile.goto(url);
  await hostile.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('huge')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await hostile.bringToFront();
  return hostile;
}

/** Every control's box lies inside the viewport (and is not squeezed to nothing). */
async function expectInViewport(page: Page, controls: Locator) {
  const viewport = page.viewportSize()!;
  expect(await controls.count()).toBeGreaterThan(0);
  for (const control of await controls.all()) {
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.width).toBeGreaterThan(10);
  }
}

test('a hostile page is clipped through the toolbar popup, and the side panel shows it isolated with its controls in view', async ({
  context,
  extensionId,
}) => {
  const site = await serveHostilePage();
  try {
    const longAuthor = `${RLO}${'Bartholomew'.repeat(18)}`; // 199 characters, no break
    const options = await OptionsPage.open(context, extensionId);
    await options.page.locator('#settings-author').fill(longAuthor);
    await options.close();

    const popup = await PopupPage.open(context, extensionId);
    const longTitle = `${RLO}gnp.exe ${'Checkout'.repeat(23)}`; // one 184-character word after the spoof
    // Not PopupPage.declare: it waits for the title as typed, and shown, the override is gone.
    await popup.page.getByLabel('What is wrong?').fill(longTitle);
    await popup.page.getByRole('button', { name: 'Declare incident' }).click();
    await popup.page.getByTestId('incident-key').getByText('INC-1').waitFor();
    await popup.close();

    const panel = await SidePanelPage.open(context, extensionId);
    await panel.page.setViewportSize({ width: PANEL_WIDTH, height: 900 });

    const url = `${site.origin}/ops/grafana/d/pay-01/payments?orgId=1&from=now-9999y&to=now`;
    const hostile = await openHostilePage(context, url);

    const said = await clipThroughToolbar(context, extensionId, hostile);

    // The clip is saved, not lost; the popup says what was left out, in sentences.
    expect(said).toMatch(/^Clipped to INC-1\. /);
    expect(said).toContain('Selection shortened from 5,242,880 characters to 100,000.');
    expect(said).toContain("The page's time range is outside the dates Sitrep can store, so the clip was saved without it.");
    expect(said).not.toMatch(/[{}[\]\\^$]/);

    const entry = panel.entries().filter({ has: panel.page.getByTestId('entry-text').getByText(/^Error line x+$/) });
    await entry.waitFor();
    expect((await entry.getByTestId('entry-text').textContent())!.length).toBe(100_000);
    const notice = (await entry.getByTestId('clip-notice').textContent())!;
    expect(notice).toContain('Selection shortened from 5,242,880 characters to 100,000.');
    expect(notice).toContain('time range is outside the dates Sitrep can store');
    expect(await entry.getByTestId('clip-range').count()).toBe(0);
    // The link is the page as it was (the frozen one was written from the unreadable range), named by its real host.
    expect(await entry.locator('a.entry__source').getAttribute('href')).toBe(url);
    expect(await entry.locator('.entry__source-host').textContent()).toBe(new URL(site.origin).host);

    // Isolated: every piece of page and colleague text in its own isolate, no override left to reverse it.
    await expect.poll(() => entry.getByTestId('clip-where').textContent()).toBe('sesnopser xx5 · gnp.exe — Payments');
    const isolation = await panel.page.evaluate(() => {
      const pieces = [
        ...document.querySelectorAll(
          '[data-testid="entry"] .entry__author, [data-testid="entry"] [data-testid="clip-where"] bdi, [data-testid="incident-title"] bdi',
        ),
      ];
      return pieces.map((e) => ({
        tag: e.tagName,
        bidi: getComputedStyle(e).unicodeBidi,
        text: e.textContent ?? '',
        left: e.getBoundingClientRect().left,
        top: e.getBoundingClientRect().top,
      }));
    });
    expect(isolation.length).toBeGreaterThanOrEqual(4);
    for (const piece of isolation) {
      expect(piece).toMatchObject({ tag: 'BDI', bidi: 'isolate' });
      expect(piece.text).not.toMatch(/[\u202A-\u202E]/);
    }
    // The panel name reads before the dashboard title, as in the page's own order (document order:
    // what a screen reader and the text flow follow).
    const panelAt = isolation.findIndex((p) => p.text === 'sesnopser xx5');
    const dashboardAt = isolation.findIndex((p) => p.text.startsWith('gnp.exe — Payments'));
    expect(panelAt).toBeGreaterThanOrEqual(0);
    expect(dashboardAt).toBeGreaterThan(panelAt);

    // Long unbroken title and author: cut short or wrapped, whole on hover; the row's controls in view.
    const author = entry.locator('.entry__author');
    expect(await author.getAttribute('title')).toBe(`\u2068${'Bartholomew'.repeat(18)}\u2069`);
    expect(await author.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    const title = panel.page.getByTestId('incident-title');
    expect(await title.getAttribute('title')).toBe(`\u2068gnp.exe ${'Checkout'.repeat(23)}\u2069`);
    const viewport = panel.page.viewportSize()!;
    expect(await entry.locator('.entry__actions button').count()).toBe(4);
    await expectInViewport(panel.page, entry.locator('.entry__actions button'));
    for (const box of [await title.boundingBox(), await entry.boundingBox()]) {
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    }
    expect(await panel.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  } finally {
    await site.close();
  }
});

test('with no incident, the hostile clip is held with its notices, isolated, its buttons in view, and becomes a new incident', async ({
  context,
  extensionId,
}) => {
  const site = await serveHostilePage();
  try {
    const panel = await SidePanelPage.open(context, extensionId);
    await panel.page.setViewportSize({ width: PANEL_WIDTH, height: 900 });
    const hostile = await openHostilePage(context, `${site.origin}/ops/grafana/d/pay-01/payments?from=8640000000000000&to=now`);

    const said = await clipThroughToolbar(context, extensionId, hostile);

    expect(said).toMatch(/^Clip kept: choose its incident below\. /);
    expect(said).toContain('Selection shortened from 5,242,880 characters to 100,000.');
    expect(said).toContain("The page's time range is outside the dates Sitrep can store");
    const held = panel.page.getByTestId('held-clips');
    await held.getByText('1 clip waiting').waitFor();
    const clip = held.locator('.held-clip');
    expect(await clip.locator('.held-clip__text bdi').evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate');
    expect(await clip.locator('.hint bdi').textContent()).toContain('Selection shortened from 5,242,880 characters to 100,000.');
    await expectInViewport(panel.page, clip.locator('.held-clip__actions button'));

    await held.getByRole('button', { name: 'New incident from this' }).click();
    await held.getByLabel('What is wrong?').fill(`${RLO}gnp.exe ${'Payments'.repeat(20)}`);
    await held.getByRole('button', { name: 'Declare incident' }).click();
    await held.waitFor({ state: 'detached' });
    const entry = panel.entries().filter({ has: panel.page.getByTestId('entry-text').getByText(/^Error line x+$/) });
    await entry.waitFor();
    expect(await entry.getByTestId('clip-notice').textContent()).toContain('time range is outside the dates Sitrep can store');
    await expectInViewport(panel.page, entry.locator('.entry__actions button'));
    expect(await panel.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANEL_WIDTH);
  } finally {
    await site.close();
  }
});
