import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { test, expect } from './fixtures';
import { serveFakeDashboards } from './fake-dashboards';
import { PopupPage } from './pages/popup-page';
import { BackgroundWorker } from './pages/background-worker';
import { SidePanelPage } from './pages/sidepanel-page';
import { OptionsPage } from './pages/options-page';
import { clickToolbarButton } from './toolbar';

const AXE = join(resolve(import.meta.dirname, '../..'), 'node_modules/axe-core/axe.min.js');
const PANEL = { width: 400, height: 700 };

async function declared(context: Parameters<typeof PopupPage.open>[0], extensionId: string) {
  const popup = await PopupPage.open(context, extensionId);
  await popup.declare('Checkout errors', 'SEV2');
  await popup.addNote('Paged Bo');
  const panel = await SidePanelPage.open(context, extensionId);
  await panel.page.setViewportSize(PANEL);
  await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Checkout errors', 'Paged Bo']);
  return { popup, panel };
}

test('a clipped Grafana view reads as its panel and window, the tool as a badge, the address only on hover', async ({ context, extensionId }) => {
  const dashboards = await serveFakeDashboards();
  try {
    const { panel } = await declared(context, extensionId);
    const grafana = await context.newPage();
    // A fixed window inside one day (28 Nov 2026, 10:13–11:13 UTC): `now-1h` would span two days
    // in the hour after midnight, and a window across days rightly names both, on more lines.
    await grafana.goto(`${dashboards.origin}/ops/grafana/d/pay-01/payments-overview?orgId=1&from=1795860780000&to=1795864380000&timezone=utc`);
    // A selection inside a panel: the clip knows the panel's title.
    await grafana.evaluate(() => {
      const cell = [...document.querySelectorAll('td')].find((td) => td.textContent === 'POST /v1/charges')!;
      const range = document.createRange();
      range.selectNodeContents(cell);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await grafana.bringToFront();
    await clickToolbarButton(context, extensionId, grafana);
    const worker = await BackgroundWorker.of(context);
    await worker.pressShortcut('clip-selection', grafana);
    await expect.poll(() => worker.badgeText()).toBe('✓');
    const link = panel.page.getByTestId('clip-link');
    await link.waitFor();
    // `5xx errors by route · 10:13–11:13 UTC ↗` (or the browser's 12-hour clock), and its real host.
    expect(await link.locator('.clip-link__text').textContent()).toMatch(/^5xx errors by route · 10:13( AM)?–11:13( AM)? UTC ↗$/);
    expect(await link.locator('.entry__source-host').textContent()).toBe(new URL(dashboards.origin).host);
    // No raw address full of epoch milliseconds in the row, and no bare "(frozen)".
    const row = panel.page.getByTestId('entry').filter({ has: link });
    expect(await row.textContent()).not.toMatch(/from=\d{13}|\(frozen\)/);
    expect(await row.locator('.badge.tool').textContent()).toBe('Grafana');
    expect(await link.getAttribute('title')).toMatch(/Opens .*from=\d{13}/);
    // At most two short lines at 400 px (name and window, then host), not a four-line address.
    expect((await link.boundingBox())!.height).toBeLessThan(60);
  } finally {
    await dashboards.close();
  }
});

test('times read the same in the list and the editor; the zone is said the same way in the chip and settings', async ({ context, extensionId }) => {
  const { panel } = await declared(context, extensionId);
  const listed = (await panel.entry('Paged Bo').locator('time.entry__time').textContent())!;
  const twelveHour = await panel.page.evaluate(() => new Intl.DateTimeFormat(undefined, { hour: 'numeric' }).resolvedOptions().hourCycle?.startsWith('h1'));
  expect(/[AP]M/.test(listed)).toBe(!!twelveHour);
  const options = await OptionsPage.open(context, extensionId);
  const chip = await panel.page
    .getByRole('button', { name: /^(UTC|Times are shown)/ })
    .first()
    .textContent();
  const localOption = await options.page.locator('option[value="local"]').textContent();
  if (chip?.trim() !== 'UTC') expect(localOption).toBe(`Local time (${chip!.trim()})`);
  else expect(localOption).toMatch(/^Local time \(/);
});

test('filter chips: "All" is pressed while no kind is, and pressing it clears the kinds', async ({ context, extensionId }) => {
  const { panel } = await declared(context, extensionId);
  const bar = panel.page.getByRole('group', { name: 'Show entries of kind' });
  const all = bar.getByRole('button', { name: 'All', exact: true });
  expect(await all.getAttribute('aria-pressed')).toBe('true');
  await bar.getByRole('button', { name: 'Note', exact: true }).click();
  expect(await all.getAttribute('aria-pressed')).toBe('false');
  await expect.poll(() => panel.entryTexts()).toEqual(['Paged Bo']);
  expect(await panel.page.getByTestId('filter-count').textContent()).toBe('1 of 2 entries shown');
  await all.click();
  expect(await all.getAttribute('aria-pressed')).toBe('true');
  expect(await bar.getByRole('button', { name: 'Note', exact: true }).getAttribute('aria-pressed')).toBe('false');
  await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Checkout errors', 'Paged Bo']);
});

test('counts say their noun in the right number; the data menu closes after an action and keeps Erase apart', async ({ context, extensionId }) => {
  const { panel } = await declared(context, extensionId);
  await panel.exportBackup();
  await expect.poll(() => panel.page.getByTestId('data-status').textContent()).toMatch(/^Exported 1 incident, 2 entries\.$/);
  expect(await panel.page.locator('details.data-menu').getAttribute('open')).toBeNull();
  // Erase sits below a rule, in its own group, away from the safe actions.
  await panel.openDataMenu();
  const safe = panel.page.getByRole('group', { name: 'Copy, export and import' });
  const danger = panel.page.getByRole('group', { name: 'Erase' });
  expect(await safe.getByRole('button', { name: /Erase/ }).count()).toBe(0);
  expect(await danger.getByRole('button', { name: 'Erase local log…' }).count()).toBe(1);
  const safeBox = (await safe.boundingBox())!;
  const dangerBox = (await danger.boundingBox())!;
  expect(dangerBox.y).toBeGreaterThanOrEqual(safeBox.y + safeBox.height + 8);

  await panel.page.keyboard.press('Escape');
  const search = panel.page
    .getByRole('searchbox')
    .or(panel.page.getByPlaceholder(/Search/))
    .first();
  await search.fill('Paged');
  await expect
    .poll(() =>
      panel.page
        .getByRole('status')
        .filter({ hasText: /in all incidents/ })
        .textContent(),
    )
    .toBe('1 match in all incidents');
});

/** Sizes under 24×24 px of the visible controls a person clicks, as "label: w×h". */
function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, summary, select, input:not([type=hidden]):not(.sr-only), a.entry__source')]
      .filter((el) => el.offsetParent !== null && !el.closest('p, li, td') && getComputedStyle(el).visibility !== 'hidden')
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
      .map(({ el, r }) => `${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20)}: ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
}

test('reach: targets of 24×24 px, a starred state that shows, focus that shows', async ({ context, extensionId }) => {
  const { panel } = await declared(context, extensionId);
  expect(await smallTargets(panel.page)).toEqual([]);
  const star = panel.entry('Paged Bo').getByRole('button', { name: /^Star/ });
  const before = await star.evaluate((el) => getComputedStyle(el).backgroundColor);
  await star.click();
  const starred = panel.entry('Paged Bo').getByRole('button', { name: /^Unstar/ });
  expect(await starred.getAttribute('aria-pressed')).toBe('true');
  // A filled background, not only a different glyph.
  expect(await starred.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(before);
  // Tab onto the first control: its outline is drawn.
  await panel.page.locator('body').click({ position: { x: 1, y: 1 } });
  await panel.page.keyboard.press('Tab');
  const outline = await panel.page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline).toBe('solid 2px');
});

test('the options page fits a 400 px options dialog: nothing runs off the right', async ({ context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  await options.page.setViewportSize(PANEL);
  const overflow = await options.page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>('input, select, textarea, button')]
      .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().right > width + 0.5)
      .map((el) => el.getAttribute('aria-label') ?? el.id ?? el.textContent);
  });
  expect(overflow).toEqual([]);
  expect(await options.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});

test('a default shortcut opens the popup, and it is listed with the others', async ({ context, extensionId }) => {
  const options = await OptionsPage.open(context, extensionId);
  const shortcuts = options.page.getByRole('region', { name: 'Keyboard shortcuts' });
  await shortcuts.getByText('Open the Sitrep popup').waitFor();
  expect(await shortcuts.locator('tr').filter({ hasText: 'Open the Sitrep popup' }).locator('kbd').textContent()).toBe('Alt+Shift+O');
  const keys = await shortcuts.locator('kbd').allTextContents();
  // It clashes with none of Sitrep's own.
  expect(new Set(keys).size).toBe(keys.length);
});

test.for(['light', 'dark'] as const)('axe finds nothing on the popup, side panel and options page (%s)', async (theme, { context, extensionId }) => {
  const { popup, panel } = await declared(context, extensionId);
  const options = await OptionsPage.open(context, extensionId);
  const found: string[] = [];
  for (const [name, page] of [
    ['popup', popup.page],
    ['side panel', panel.page],
    ['options', options.page],
  ] as const) {
    await page.setViewportSize(PANEL);
    await page.emulateMedia({ colorScheme: theme });
    // Through the debugger protocol: extension pages' CSP refuses an injected <script>.
    await page.evaluate(await readFile(AXE, 'utf8'));
    const violations = await page.evaluate(async (): Promise<string[]> => {
      const results = await (window as any).axe.run(document, { resultTypes: ['violations'] });
      return results.violations.flatMap((v: any) => v.nodes.map((n: any) => `${v.id}: ${JSON.stringify(n.target)}`));
    });
    found.push(...violations.map((v) => `${name}: ${v}`));
  }
  expect(found).toEqual([]);
});
