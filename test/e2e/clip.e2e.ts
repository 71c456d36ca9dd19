import { test, expect } from './fixtures';
import { serveFakeDashboards } from './fake-dashboards';
import { BackgroundWorker } from './pages/background-worker';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';
import { clickToolbarButton } from './toolbar';

test('clip a selection on a self-hosted Grafana: frozen link, panel title and screenshot land in the side panel', async ({ context, extensionId }) => {
  const dashboards = await serveFakeDashboards();
  try {
    const popup = await PopupPage.open(context, extensionId);
    await popup.declare('Checkout errors', 'SEV2');
    const panel = await SidePanelPage.open(context, extensionId);

    const grafana = await context.newPage();
    await grafana.goto(`${dashboards.origin}/ops/grafana/d/pay-01/payments-overview?orgId=1&from=now-1h&to=now&timezone=utc`);
    await grafana.evaluate(() => {
      const cell = [...document.querySelectorAll('td')].find((td) => td.textContent === 'POST /v1/charges')!;
      const range = document.createRange();
      range.selectNodeContents(cell);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await grafana.bringToFront();
    await clickToolbarButton(context, extensionId, grafana);

    // The "clip with screenshot" shortcut, through the listener the background registered.
    const worker = await BackgroundWorker.of(context);
    const before = Date.now();
    await worker.pressShortcut('clip-with-screenshot', grafana);
    await expect.poll(() => worker.badgeText()).toBe('✓');
    // No notices: the tooltip names the incident and nothing else.
    expect(await worker.badgeTitle()).toBe('Sitrep: clipped to INC-1');

    const entry = panel.entry('POST /v1/charges');
    await entry.waitFor();
    await expect.poll(() => entry.getByTestId('clip-where').textContent()).toBe('5xx errors by route · Payments overview');
    const href = (await entry.locator('a.entry__source').getAttribute('href'))!;
    const frozen = new URL(href);
    expect(frozen.pathname).toBe('/ops/grafana/d/pay-01/payments-overview');
    const from = Number(frozen.searchParams.get('from'));
    const to = Number(frozen.searchParams.get('to'));
    expect(to - from).toBe(3_600_000);
    expect(to).toBeGreaterThanOrEqual(before - 1000);
    expect(to).toBeLessThanOrEqual(Date.now());
    expect(frozen.searchParams.get('orgId')).toBe('1');

    const thumb = entry.getByTestId('screenshot-thumb');
    await thumb.waitFor();
    expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(50);
    await thumb.click();
    await panel.page.getByTestId('screenshot-full').waitFor();
  } finally {
    await dashboards.close();
  }
});

test('with no active incident the clip is held until someone says where it belongs', async ({ context, extensionId }) => {
  const dashboards = await serveFakeDashboards();
  try {
    const panel = await SidePanelPage.open(context, extensionId);
    const grafana = await context.newPage();
    await grafana.goto(`${dashboards.origin}/grafana/d/pay-01/payments-overview?from=now-6h&to=now`);
    await grafana.bringToFront();
    await clickToolbarButton(context, extensionId, grafana);
    const worker = await BackgroundWorker.of(context);
    await worker.pressShortcut('clip-selection', grafana);
    await expect.poll(() => worker.badgeText()).toBe('1');

    const held = panel.page.getByTestId('held-clips');
    await held.getByText('1 clip waiting').waitFor();
    await held.getByRole('button', { name: 'New incident from this' }).click();
    await held.getByLabel('What is wrong?').fill('Payments dashboard looks wrong');
    await held.getByRole('button', { name: 'Declare incident' }).click();
    await held.waitFor({ state: 'detached' });
    await expect
      .poll(() => panel.entryTexts())
      .toEqual([
        'Payments overview', // the clip: page clipped with nothing selected, taken before the declaration
        'Declared SEV3: Payments dashboard looks wrong',
      ]);
  } finally {
    await dashboards.close();
  }
});

test('a page that refuses scripts still yields a link clip with a clear notice', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  await popup.declare('Browser page clip');
  const panel = await SidePanelPage.open(context, extensionId);
  const restricted = await context.newPage();
  await restricted.goto('chrome://version');
  await restricted.bringToFront();
  const worker = await BackgroundWorker.of(context);
  await worker.pressShortcut('clip-selection', restricted);
  await expect.poll(() => worker.badgeTitle()).toMatch(/^Sitrep: clipped to INC-1 \(.*does not let extensions read it/);
  await panel.page
    .getByTestId('clip-notice')
    .getByText(/clipped as a link only/)
    .waitFor();
});
