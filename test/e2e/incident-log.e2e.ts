import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';

test('declare an incident, add notes, close and reopen: notes are there in order', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  await popup.declare('Checkout returns 502', 'SEV1');
  expect(await popup.activeKey()).toBe('INC-1');
  await popup.addNote('Paged the payments on-call');
  await popup.addNote('Rolled back deploy 4812');
  await popup.noteInput.fill('Half-typed thought');
  await popup.close();

  const again = await PopupPage.open(context, extensionId);
  expect(await again.activeKey()).toBe('INC-1');
  await expect.poll(() => again.noteInput.inputValue()).toBe('Half-typed thought');

  const panel = await SidePanelPage.open(context, extensionId);
  await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV1: Checkout returns 502', 'Paged the payments on-call', 'Rolled back deploy 4812']);
});

test('edit a time and the order follows; delete and undo', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  await popup.declare('Search is slow');
  await popup.addNote('first');
  await popup.addNote('second');
  const panel = await SidePanelPage.open(context, extensionId);
  await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Search is slow', 'first', 'second']);

  // Backdate "second" to long before the declaration: it moves to the top.
  await panel.editTime('second', '2020-01-01T00:00:00');
  await expect.poll(() => panel.entryTexts()).toEqual(['second', 'Declared SEV2: Search is slow', 'first']);
  // Two days now: 2020-01-01 and today each get a heading, over their own entries.
  const today = await panel.page.evaluate(() =>
    new Date().toLocaleDateString(navigator.language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
  );
  await expect.poll(() => panel.page.getByTestId('day-heading').allTextContents()).toEqual(['Wed, Jan 1, 2020', today]);

  await panel.delete('first');
  await expect.poll(() => panel.entryTexts()).toEqual(['second', 'Declared SEV2: Search is slow']);
  await panel.undo();
  await expect.poll(() => panel.entryTexts()).toEqual(['second', 'Declared SEV2: Search is slow', 'first']);
});

test('export, wipe, import, import again: identical log, no duplicates', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  await popup.declare('Queue backlog');
  await popup.addNote('Consumers scaled to 12');
  await popup.declare('DNS flapping', 'SEV3');
  await popup.addNote('TTL lowered');
  const panel = await SidePanelPage.open(context, extensionId);
  await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV3: DNS flapping', 'TTL lowered']);

  const backupPath = await panel.exportBackup();
  const exported = JSON.parse(await readFile(backupPath, 'utf8'));
  expect(exported.incidents).toHaveLength(2);
  expect(exported.entries).toHaveLength(4);

  await panel.erase();
  await expect.poll(() => panel.page.locator('#incident-switcher').count()).toBe(0);

  expect(await panel.importBackup(backupPath)).toMatch(/Imported/);
  await panel.page.reload();
  await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV3: DNS flapping', 'TTL lowered']);
  expect(await panel.importBackup(backupPath)).toMatch(/Imported/);

  const secondExport = JSON.parse(await readFile(await panel.exportBackup(), 'utf8'));
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  expect(ids(secondExport.incidents)).toEqual(ids(exported.incidents));
  expect(ids(secondExport.entries)).toEqual(ids(exported.entries));
  expect(secondExport.entries).toEqual(expect.arrayContaining(exported.entries));
});

test('keyboard only: declare, note, then star, delete and undo from the timeline', async ({ context, extensionId }) => {
  const popup = await PopupPage.open(context, extensionId);
  const keys = popup.page.keyboard;
  // A fresh popup focuses the declare form's title: type it, Tab to severity, Tab to the button.
  await popup.page.locator('#declare-title').waitFor();
  expect(await popup.page.evaluate(() => document.activeElement?.id)).toBe('declare-title');
  await keys.type('Login loop');
  await keys.press('Enter');
  await popup.page.getByTestId('incident-title').getByText('Login loop').waitFor();
  await popup.noteInput.focus();
  await keys.type('Cleared the session cache');
  await keys.press('Enter');
  await popup.page.getByText(/^Saved at/).waitFor();

  const panel = await SidePanelPage.open(context, extensionId);
  await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV3: Login loop', 'Cleared the session cache']);
  await panel.focusFirstEntry();
  await panel.page.keyboard.press('ArrowDown');
  await panel.page.keyboard.press('s');

  await expect
    .poll(() =>
      panel
        .entry('Cleared the session cache')
        .getByRole('button', { name: /Unstar/ })
        .count(),
    )
    .toBe(1);
  await panel.page.keyboard.press('Delete');
  await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV3: Login loop']);
  await panel.page.locator('body').press('Control+z');
  await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV3: Login loop', 'Cleared the session cache']);
  await panel.page.keyboard.press('/');
  expect(await panel.page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  await panel.page.keyboard.type('session');
  await panel.page.getByRole('status').filter({ hasText: '1 match in all incidents' }).waitFor();
});
