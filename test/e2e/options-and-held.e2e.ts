import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { expect, fileTest } from './fixtures';
import { serveFakeDashboards } from './fake-dashboards';
import { BackgroundWorker, MENU_ITEM } from './pages/background-worker';
import { OptionsPage } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';
import { ToolbarPopup } from './pages/toolbar-popup';

const test = fileTest();

let dashboards: Awaited<ReturnType<typeof serveFakeDashboards>>;
beforeAll(async () => {
  dashboards = await serveFakeDashboards();
});
afterAll(async () => {
  await dashboards.close();
});

/** Declares a fresh incident in the popup (it becomes the active one) and returns its key. */
async function declare(context: BrowserContext, extensionId: string, title: string): Promise<string> {
  const popup = await PopupPage.open(context, extensionId);
  await popup.declare(title);
  const key = (await popup.activeKey())!;
  await popup.close();
  return key;
}

/** Opens the Grafana fixture in front, with Sitrep's toolbar button clicked over it (activeTab). */
async function openGrafana(context: BrowserContext, extensionId: string): Promise<Page> {
  const grafana = await context.newPage();
  await grafana.goto(`${dashboards.origin}/ops/grafana/d/pay-01/payments-overview?orgId=1&from=now-1h&to=now`);
  await (await ToolbarPopup.open(context, extensionId, grafana)).close();
  return grafana;
}

describe('settings that change what a clip carries', () => {
  test('the author name, a screenshot on every clip, and a component that tags the clip', async ({ extension: { context, extensionId } }) => {
    await declare(context, extensionId, 'Payments errors');
    const options = await OptionsPage.open(context, extensionId);
    await options.setAuthor('Ada Lovelace');
    await options.setScreenshotOnEveryClip(true);
    await options.addComponent('Payments API', [`${dashboards.origin}/ops/grafana/d/pay-01`]);
    await options.addComponent('Search', [`${dashboards.origin}/ops/grafana/d/search-02`]);
    await options.close();

    const panel = await SidePanelPage.open(context, extensionId);
    await panel.addNote('Checked the payments dashboard');
    await panel.entry('Checked the payments dashboard').waitFor();
    expect(await panel.entry('Checked the payments dashboard').locator('.entry__author').textContent()).toBe('Ada Lovelace');

    // The plain shortcut asks for no screenshot: the setting adds one.
    const worker = await BackgroundWorker.of(context);
    const grafana = await openGrafana(context, extensionId);
    await worker.pressShortcut('clip-selection', grafana);
    await expect.poll(() => worker.badgeText()).toBe('✓');
    const clip = panel.entry('Payments overview');
    await clip.getByTestId('screenshot-thumb').waitFor();
    expect(await clip.getByTestId('clip-components').locator('.badge.component').allTextContents()).toEqual(['Payments API']);
    expect(await clip.locator('.entry__author').textContent()).toBe('Ada Lovelace');

    // Untick it: the next clip has none.
    const again = await OptionsPage.open(context, extensionId);
    await again.setScreenshotOnEveryClip(false);
    await again.close();
    await grafana.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('td')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const selected = (await grafana.evaluate(() => getSelection()!.toString())).trim();
    await worker.pressShortcut('clip-selection', grafana);
    await panel.entry(selected).waitFor();
    expect(await panel.entry(selected).getByTestId('screenshot-thumb').count()).toBe(0);
    await panel.page.close();
    await grafana.close();
  });
});

describe('clips held for an incident', () => {
  test('a held clip is placed on the chosen incident; another is discarded', async ({ extension: { context, extensionId } }) => {
    const first = await declare(context, extensionId, 'Checkout slow');
    const second = await declare(context, extensionId, 'Login loop');
    const panel = await SidePanelPage.open(context, extensionId);
    const worker = await BackgroundWorker.of(context);
    const grafana = await openGrafana(context, extensionId);

    await worker.pickMenuItem(MENU_ITEM.newIncident, grafana, { selectionText: 'p99 at 4 s' });
    await worker.pickMenuItem(MENU_ITEM.newIncident, grafana, { selectionText: 'just noise' });
    await expect.poll(() => worker.badgeText()).toBe('2');
    const held = panel.page.getByTestId('held-clips');
    await held.getByText('2 clips waiting — which incident?').waitFor();

    // Put it on the first incident, not the active one.
    const target = await held
      .locator('#held-target option')
      .filter({ hasText: new RegExp(`^${first} `) })
      .getAttribute('value');
    await held.locator('#held-target').selectOption(target!);
    const keep = held.locator('li.held-clip').filter({ hasText: 'p99 at 4 s' });
    await keep.getByRole('button', { name: `Add to ${first}` }).click();
    await held.getByText('1 clip waiting — which incident?').waitFor();
    await expect.poll(() => worker.badgeText()).toBe('1');

    await held.locator('li.held-clip').filter({ hasText: 'just noise' }).getByRole('button', { name: 'Discard' }).click();
    await held.waitFor({ state: 'detached' });
    await expect.poll(() => worker.badgeText()).toBe('');

    // The active incident is untouched; the first one has the clip.
    await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Login loop']);
    expect(await panel.shownIncident()).toMatch(new RegExp(`^${second} `));
    await panel.switchTo(new RegExp(`^${first} `));
    await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Checkout slow', 'p99 at 4 s']);
    await panel.page.reload();
    expect(await panel.page.getByTestId('held-clips').count()).toBe(0);
    await panel.page.close();
    await grafana.close();
  });
});
