import { createServer, type Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { expect, fileTest } from './fixtures';
import { serveFakeDashboards } from './fake-dashboards';
import { BackgroundWorker, MENU_ITEM } from './pages/background-worker';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';
import { ToolbarPopup } from './pages/toolbar-popup';

// Berlin: the Kibana fixture's dates are read in the page's zone, and Berlin has DST.
const test = fileTest({ timezoneId: 'Europe/Berlin' });

const RUNBOOK = `<!doctype html><html><head><meta charset="utf-8"><title>Checkout runbook</title></head><body>
  <p id="step">Roll back the payments deploy first</p>
  <a id="link" href="/wiki/rollback">How to roll back</a>
  <img id="graph" alt="error graph" width="40" height="20" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
</body></html>`;

/** A plain page on loopback: a runbook with a paragraph, a link and an image to right-click. */
async function serveRunbook(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(RUNBOOK);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => (server.close(() => done()), server.closeAllConnections())),
  };
}

/** Drags over an element's text, as a reader selecting it does. */
async function selectText(page: Page, selector: string) {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
}

/**
 * The toolbar click a real shortcut or menu pick stands in for: Chrome grants activeTab on those
 * gestures, which a dispatched event cannot, so the button is clicked over the page first.
 */
async function grantActiveTab(context: BrowserContext, extensionId: string, page: Page) {
  const popup = await ToolbarPopup.open(context, extensionId, page);
  await popup.close();
}

let runbook: Awaited<ReturnType<typeof serveRunbook>>;
let dashboards: Awaited<ReturnType<typeof serveFakeDashboards>>;
beforeAll(async () => {
  [runbook, dashboards] = await Promise.all([serveRunbook(), serveFakeDashboards()]);
});
afterAll(async () => {
  await Promise.all([runbook.close(), dashboards.close()]);
});

/** Declares a fresh incident in the popup (it becomes the active one) and returns its key. */
async function declare(context: BrowserContext, extensionId: string, title: string): Promise<string> {
  const popup = await PopupPage.open(context, extensionId);
  await popup.declare(title);
  const key = (await popup.activeKey())!;
  await popup.close();
  return key;
}

describe('every way into a clip, as a person takes it', () => {
  test('the toolbar button, then "Clip this page" in its popup', async ({ extension: { context, extensionId } }) => {
    const key = await declare(context, extensionId, 'Popup clip');
    const panel = await SidePanelPage.open(context, extensionId);
    const worker = await BackgroundWorker.of(context);
    const page = await context.newPage();
    await page.goto(`${runbook.origin}/runbook`);
    await selectText(page, '#step');

    const popup = await ToolbarPopup.open(context, extensionId, page);
    try {
      await popup.clickButton('Clip this page');
      expect(await popup.clipResult()).toBe(`Clipped to ${key}.`);
    } finally {
      await popup.close();
    }
    await expect.poll(() => worker.badgeText()).toBe('✓');
    expect(await worker.badgeTitle()).toBe(`Sitrep: clipped to ${key}`);
    await panel.entry('Roll back the payments deploy first').waitFor();
    await panel.page.close();
    await page.close();
  });

  test('the shortcuts: clip the selection, and clip with a screenshot', async ({ extension: { context, extensionId } }) => {
    const key = await declare(context, extensionId, 'Shortcut clip');
    const panel = await SidePanelPage.open(context, extensionId);
    const worker = await BackgroundWorker.of(context);
    const page = await context.newPage();
    await page.goto(`${runbook.origin}/runbook`);
    await grantActiveTab(context, extensionId, page);
    await selectText(page, '#step');

    await worker.pressShortcut('clip-selection', page);
    await expect.poll(() => worker.badgeText()).toBe('✓');
    expect(await worker.badgeTitle()).toBe(`Sitrep: clipped to ${key}`);
    const selected = panel.entry('Roll back the payments deploy first');
    await selected.waitFor();
    expect(await selected.getByTestId('screenshot-thumb').count()).toBe(0);

    await page.evaluate(() => getSelection()!.removeAllRanges());
    await worker.pressShortcut('clip-with-screenshot', page);
    await expect.poll(() => worker.badgeText()).toBe('✓');
    // Nothing selected: the clip is the page, named by its title, with what the tab showed.
    const shot = panel.entry('Checkout runbook');
    await shot.getByTestId('screenshot-thumb').waitFor();
    expect(await shot.locator('a').first().getAttribute('href')).toBe(`${runbook.origin}/runbook`);
    await expect.poll(() => panel.entryTexts()).toEqual([`Declared SEV2: Shortcut clip`, 'Roll back the payments deploy first', 'Checkout runbook']);
    await panel.page.close();
    await page.close();
  });

  test('the context menu on a selection, a link and an image, and "with screenshot"', async ({ extension: { context, extensionId } }) => {
    await declare(context, extensionId, 'Menu clip');
    const panel = await SidePanelPage.open(context, extensionId);
    const worker = await BackgroundWorker.of(context);
    const page = await context.newPage();
    await page.goto(`${runbook.origin}/runbook`);
    await grantActiveTab(context, extensionId, page);
    const link = `${runbook.origin}/wiki/rollback`;
    const image = (await page.locator('#graph').evaluate((img: HTMLImageElement) => img.src))!;

    await worker.pickMenuItem(MENU_ITEM.clip, page, { selectionText: 'Roll back the payments deploy first' });
    await expect.poll(() => worker.badgeText()).toBe('✓');
    await panel.entry('Roll back the payments deploy first').waitFor();

    await worker.pickMenuItem(MENU_ITEM.clip, page, { linkUrl: link });
    await expect.poll(() => worker.badgeText()).toBe('✓');
    const linked = panel.entry(`Link from Checkout runbook: ${link}`);
    await linked.waitFor();
    expect(await linked.locator(`a[href="${link}"]`).count()).toBe(1);

    await worker.pickMenuItem(MENU_ITEM.clip, page, { srcUrl: image, mediaType: 'image' });
    await expect.poll(() => worker.badgeText()).toBe('✓');
    await panel.entry(`Image on Checkout runbook: ${image}`).waitFor();

    await worker.pickMenuItem(MENU_ITEM.clipWithScreenshot, page, { linkUrl: link });
    await expect.poll(() => worker.badgeText()).toBe('✓');
    await expect.poll(() => panel.entry(`Link from Checkout runbook: ${link}`).getByTestId('screenshot-thumb').count()).toBe(1);
    expect(await panel.entry(`Link from Checkout runbook: ${link}`).count()).toBe(2);
    await panel.page.close();
    await page.close();
  });

  test('"Start a new incident from this clip" holds the clip, even with an incident active, until it is declared', async ({
    extension: { context, extensionId },
  }) => {
    const active = await declare(context, extensionId, 'Already running');
    const panel = await SidePanelPage.open(context, extensionId);
    const worker = await BackgroundWorker.of(context);
    const page = await context.newPage();
    await page.goto(`${runbook.origin}/runbook`);
    await grantActiveTab(context, extensionId, page);

    await worker.pickMenuItem(MENU_ITEM.newIncident, page, { selectionText: 'Card declines spiking in NL' });
    await expect.poll(() => worker.badgeText()).toBe('1');
    expect(await worker.badgeTitle()).toBe('Sitrep: 1 clip(s) waiting — which incident?');
    const held = panel.page.getByTestId('held-clips');
    await held.getByText('1 clip waiting').waitFor();
    expect(await held.locator('.held-clip__text').textContent()).toMatch(/Card declines spiking in NL$/);
    // Not added to the active incident behind the person's back.
    expect(await panel.entry('Card declines spiking in NL').count()).toBe(0);

    await held.getByRole('button', { name: 'New incident from this' }).click();
    await held.getByLabel('What is wrong?').fill('Card declines in NL');
    await held.getByRole('button', { name: 'Declare incident' }).click();
    await held.waitFor({ state: 'detached' });
    await expect.poll(() => panel.entryTexts()).toEqual(['Card declines spiking in NL', 'Declared SEV3: Card declines in NL']);
    // The new incident is the active one now; the one that was running is left as it was.
    await expect.poll(() => panel.page.locator('#incident-switcher option:checked').textContent()).toMatch(/Card declines in NL/);
    expect(await panel.page.locator('#incident-switcher option:checked').textContent()).not.toContain(active);
    await expect.poll(() => worker.badgeText()).toBe('');
    await panel.page.close();
    await page.close();
  });

  test('a Kibana Discover view clipped by shortcut keeps the window its date picker shows', async ({ extension: { context, extensionId } }) => {
    await declare(context, extensionId, 'Kibana clip');
    const panel = await SidePanelPage.open(context, extensionId);
    const worker = await BackgroundWorker.of(context);
    const kibana = await context.newPage();
    // Discover with state in session storage: the URL names no time, only the page does.
    await kibana.goto(`${dashboards.origin}/kibana/app/discover#/?_g=h@2b1f8a1&_a=h@44c8a2b`);
    await grantActiveTab(context, extensionId, kibana);
    await worker.pressShortcut('clip-selection', kibana);
    await expect.poll(() => worker.badgeText()).toBe('✓');

    const entry = panel.entry('Discover - Elastic');
    await entry.waitFor();
    // The picker reads Sep 19, 2015 @ 06:31:44.000 to Sep 23, 2015 @ 18:31:44.000 in Berlin (UTC+2 then).
    const href = new URL((await entry.locator('a').first().getAttribute('href'))!);
    expect(href.origin + href.pathname).toBe(`${dashboards.origin}/kibana/app/discover`);
    expect(decodeURIComponent(href.hash)).toContain("time:(from:'2015-09-19T04:31:44.000Z',to:'2015-09-23T16:31:44.000Z')");
    expect(await entry.getByTestId('clip-details').locator('.badge.tool').textContent()).toBe('Kibana');
    await panel.page.close();
    await kibana.close();
  });
});
