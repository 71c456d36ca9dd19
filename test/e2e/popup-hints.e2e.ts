import { describe } from 'vitest';
import { expect, test } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';

/** The top edge of what a locator shows, to compare where things stand. */
const top = async (locator: import('playwright-core').Locator) => (await locator.boundingBox())!.y;

describe('hints in the right place', () => {
  test('first run offers declaring first; "Notes go to" stands above the note box; "unsigned" only once there is a note', async ({ context, extensionId }) => {
    const popup = await PopupPage.open(context, extensionId);
    const page = popup.page;
    await page.setViewportSize({ width: 400, height: 900 });
    // First run: the declare form comes before "Clip this page".
    expect(await top(page.getByRole('form', { name: 'Declare an incident' }))).toBeLessThan(await top(page.getByRole('button', { name: /Clip this page/ })));
    await expect.poll(() => page.getByText('Notes are unsigned').count()).toBe(0);

    await popup.declare('checkout-api 502s', 'SEV2');
    expect(await top(page.getByLabel('Notes go to'))).toBeLessThan(await top(popup.noteInput));
    await expect.poll(() => page.getByText('Notes are unsigned').count()).toBe(0);
    await popup.noteInput.fill('Rolled back 4.12');
    await expect.poll(() => page.getByText('Notes are unsigned').count()).toBe(1);

    // The shortcuts, the one that opens this popup first.
    const footer = page.getByTestId('shortcuts-footer');
    await expect.poll(() => footer.textContent()).toMatch(/^Alt\+Shift\+O/);
  });

  test('copying an entry link says it was copied and where it opens', async ({ context, extensionId }) => {
    const popup = await PopupPage.open(context, extensionId);
    await popup.declare('checkout-api 502s', 'SEV2');
    await popup.addNote('Rolled back 4.12');
    const panel = await SidePanelPage.open(context, extensionId);
    await panel.entry('Rolled back 4.12').getByRole('button', { name: 'Copy link (c)' }).click();
    await expect
      .poll(() => panel.page.getByTestId('copy-link-status').textContent())
      .toBe('Link copied. It opens this entry in your own Sitrep only: a colleague needs your backup first.');
  });
});
