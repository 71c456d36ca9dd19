import { serveFakeDashboards } from './fake-dashboards';
import { test, expect } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { BackgroundWorker } from './pages/background-worker';
import { SidePanelPage } from './pages/sidepanel-page';
import { clickToolbarButton } from './toolbar';

// Chromium takes its zone from the environment: a zone with summer time, so a start typed before
// the clocks went back (25 Oct 2026, 03:00 CEST → 02:00 CET) is stored with the right offset.
process.env.TZ = 'Europe/Berlin';

const PANEL = { width: 400, height: 700 };

async function sidePanel(context: Parameters<typeof SidePanelPage.open>[0], extensionId: string) {
  const panel = await SidePanelPage.open(context, extensionId);
  await panel.page.setViewportSize(PANEL);
  return panel;
}

test('after Resolved, notes and clips wait for a conscious choice: Add anyway, Declare new, Reopen', async ({ context, extensionId }) => {
  const dashboards = await serveFakeDashboards();
  try {
    const popup = await PopupPage.open(context, extensionId);
    await popup.declare('Checkout errors');
    await popup.close();

    // The incident manager resolves it in the side panel's details.
    const panel = await sidePanel(context, extensionId);
    await panel.openIncidentDetails();
    await panel.page.locator('#incident-status').selectOption('resolved');
    // The side panel's note box says so too, in a 400×700 panel.
    await expect.poll(() => panel.page.getByTestId('resolved-notice').isVisible()).toBe(true);
    expect(await panel.page.locator('#note-input').count()).toBe(0);

    // A later popup: no note box to type into by habit; the safe choice has the keyboard.
    const later = await PopupPage.open(context, extensionId);
    await expect.poll(() => later.resolvedNotice().textContent()).toMatch(/^INC-1 is resolved \(at .+\)/);
    expect(await later.noteInput.count()).toBe(0);
    expect(await later.page.evaluate(() => document.activeElement?.textContent)).toBe('Declare new');

    // A clip (what the shortcut, the menu and "Clip this page" send) is held, as with no incident.
    const grafana = await context.newPage();
    await grafana.goto(`${dashboards.origin}/grafana/d/pay-01/payments-overview?from=now-6h&to=now`);
    await grafana.bringToFront();
    await clickToolbarButton(context, extensionId, grafana);
    const worker = await BackgroundWorker.of(context);
    await worker.pressShortcut('clip-selection', grafana);
    await expect.poll(() => worker.badgeText()).toBe('1');
    // The in-page confirmation says it was held, not clipped to the resolved incident.
    await grafana.waitForFunction(() => !!document.getElementById('sitrep-clip-toast-host'));
    await panel.page.bringToFront();
    await panel.page
      .getByTestId('held-clips')
      .getByText(/^1 clip waiting/)
      .waitFor();

    // Add anyway: the note box returns, saying where the note goes.
    await later.page.bringToFront();
    await later.page.getByRole('button', { name: 'Add anyway' }).click();
    expect(await later.noteLabel()).toBe('Add a note to INC-1 (resolved)');
    await later.page.keyboard.type('Late finding: the cache was cold');
    await later.page.keyboard.press('Enter');
    await later.page.getByText(/^Saved at/).waitFor();
    await later.close();
    // Written in the popup, seen by the side panel through Dexie's cross-page notification: allow a loaded machine time.
    await expect.poll(() => panel.entryTexts(), { timeout: 10_000 }).toContain('Late finding: the cache was cold');

    // The choice lasts one opening: the next popup asks again. Declare new, from the keyboard.
    const next = await PopupPage.open(context, extensionId);
    await next.resolvedNotice().waitFor();
    await next.page.keyboard.press('Enter');
    expect(await next.page.evaluate(() => document.activeElement?.id)).toBe('declare-title');
    await next.page.keyboard.type('Checkout errors again');
    await next.page.keyboard.press('Enter');
    await next.page.getByTestId('incident-title').getByText('Checkout errors again').waitFor();
    expect(await next.activeKey()).toBe('INC-2');
    expect(await next.noteLabel()).toBe('Add a note to INC-2');

    // Back on INC-1, Reopen: the note box returns and the change is on its timeline.
    await next.switchTo(/INC-1/);
    await next.resolvedNotice().waitFor();
    await next.page.getByRole('button', { name: 'Reopen' }).click();
    await next.noteInput.waitFor();
    expect(await next.page.getByTestId('incident-status').textContent()).toBe('Investigating');
    expect(await next.noteLabel()).toBe('Add a note to INC-1');
    await expect.poll(() => panel.entryTexts(), { timeout: 10_000 }).toContain('Status: Investigating');
  } finally {
    await dashboards.close();
  }
});

test('incident details: a handover, a corrected start (across a DST change) and the earliest entry, all logged', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  await popup.declare('Search is slow');
  await popup.addNote('p99 latency above 2 s');
  await popup.close();

  const panel = await sidePanel(context, extensionId);
  await panel.openIncidentDetails();

  // A handover: typed in, left with Tab, logged with its time.
  await panel.setDetail('incident-manager', 'Bo');
  await expect.poll(() => panel.entryTexts()).toContain('Incident manager: Bo');
  await panel.setDetail('incident-impact', 'Search results take 5 s for EU users');
  await expect.poll(() => panel.entryTexts()).toContain('Impact: “Search results take 5 s for EU users”');

  // The start, typed in local time before the clocks went back (CEST, UTC+2).
  await panel.setDetail('incident-started', '2026-10-25T01:30');
  await expect.poll(() => panel.entryTexts()).toContain('Start time changed to 2026-10-24 23:30:00 UTC');
  expect(await panel.page.locator('#incident-started').inputValue()).toBe('2026-10-25T01:30');

  // A detection before the start is refused, and says why.
  await panel.setDetail('incident-detected', '2026-10-25T01:00');
  await expect
    .poll(() => panel.page.locator('#incident-detected-error').textContent())
    .toMatch(/^Detected cannot be before started \(.+\); change that first\.$/);

  // An entry from before the start: "Use the earliest entry's time" moves the start to it.
  const earliest = panel.page.getByRole('button', { name: /^Use the earliest entry's time/ });
  expect(await earliest.count()).toBe(0);
  await panel.editTime('p99 latency above 2 s', '2026-10-24T22:00:00');
  await earliest.waitFor();
  await earliest.click();
  await expect.poll(() => panel.entryTexts()).toContain('Start time changed to 2026-10-24 20:00:00 UTC');
  await expect.poll(() => panel.page.locator('#incident-started').inputValue()).toBe('2026-10-24T22:00');
  await earliest.waitFor({ state: 'detached' });
  // The details fit the 400 px panel: nothing is cut off on the right.
  const box = (await panel.page.locator('#incident-started').boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(PANEL.width);
});
