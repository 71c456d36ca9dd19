import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { expect, fileTest } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';

const test = fileTest();

/** Declares an incident in the popup with these notes and opens the side panel on it. */
async function incidentWithNotes(context: BrowserContext, extensionId: string, title: string, notes: string[]) {
  const popup = await PopupPage.open(context, extensionId);
  await popup.declare(title);
  for (const note of notes) await popup.addNote(note);
  const key = (await popup.activeKey())!;
  await popup.close();
  const panel = await SidePanelPage.open(context, extensionId);
  await expect.poll(() => panel.entryTexts()).toEqual([`Declared SEV2: ${title}`, ...notes]);
  return { panel, key };
}

let files: string;
beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'sitrep-e2e-backups-'));
});
afterAll(async () => {
  await rm(files, { recursive: true, force: true });
});

describe('changing the log from the side panel', () => {
  test('edit an entry’s text and kind; star it; both survive a reload', async ({ extension: { context, extensionId } }) => {
    const { panel } = await incidentWithNotes(context, extensionId, 'Edits', ['rolback the deploy', 'Paged Bo']);
    await panel.editTextAndKind('rolback the deploy', 'Roll back deploy 4812', 'Decision');
    // In any order: saving drops the time's milliseconds (see the test below).
    await expect.poll(async () => (await panel.entryTexts()).sort()).toEqual(['Declared SEV2: Edits', 'Paged Bo', 'Roll back deploy 4812']);
    expect(await panel.kindBadge('Roll back deploy 4812')).toBe('Decision');
    expect(await panel.kindBadge('Paged Bo')).toBe('');

    await panel.star('Paged Bo');
    const star = panel.entry('Paged Bo').locator('button.star');
    await expect.poll(() => star.getAttribute('aria-label')).toBe('Unstar (s)');
    expect(await star.textContent()).toBe('★');

    await panel.page.reload();
    await panel.entry('Roll back deploy 4812').waitFor();
    expect(await panel.kindBadge('Roll back deploy 4812')).toBe('Decision');
    expect(await panel.entry('Paged Bo').locator('button.star').getAttribute('aria-pressed')).toBe('true');
    await panel.star('Paged Bo');
    await expect.poll(() => panel.entry('Paged Bo').locator('button.star').getAttribute('aria-pressed')).toBe('false');
    await panel.page.close();
  });

  // Known bug: the editor's time field holds whole seconds and Save always sends it, so an edit of
  // the text alone moves the entry to the start of its second, before entries of the same second.
  // Marked `fails` so it turns red, as a reminder to drop the marker, once the editor is fixed.
  test('editing only the text keeps the entry’s time to the millisecond', async ({ extension: { context, extensionId } }) => {
    const { panel } = await incidentWithNotes(context, extensionId, 'Same second', ['typo hre']);
    const at = await panel.entry('typo hre').locator('time.entry__time').getAttribute('datetime');
    await panel.entry('typo hre').getByRole('button', { name: /Edit/ }).click();
    const editor = panel.page.getByRole('form', { name: 'Edit entry' });
    await editor.locator('textarea').fill('typo here');
    await editor.getByRole('button', { name: 'Save' }).click();
    await panel.entry('typo here').waitFor();
    const after = await panel.entry('typo here').locator('time.entry__time').getAttribute('datetime');
    await panel.page.close();
    expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(after).toBe(at);
  });

  test('a bad backup is refused with a message, and the log is untouched', async ({ extension: { context, extensionId } }) => {
    const { panel } = await incidentWithNotes(context, extensionId, 'Keep me', ['Paged Bo']);
    const notJson = join(files, 'not-json.json');
    await writeFile(notJson, '{"incidents": [');
    const wrongShape = join(files, 'wrong-shape.json');
    await writeFile(wrongShape, JSON.stringify({ format: 'sitrep-backup', version: 1, incidents: [{ id: 7, key: 'INC-1' }], entries: 'none' }));

    for (const [file, message] of [
      [notJson, /^This backup is cut off: the file ends in the middle of the data, as if it was only partly saved or downloaded\. Export it again\.$/],
      [wrongShape, /^This backup cannot be imported:\n- exportedAt: missing\n- incidents\[0\]\.id: expected text, got the number 7\n/],
    ] as const) {
      expect(await panel.importBackup(file)).toMatch(message);
      expect(await panel.page.locator('details.data-menu').getByRole('alert').textContent()).toMatch(message);
      expect(await panel.page.getByTestId('import-preview').count()).toBe(0);
      await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Keep me', 'Paged Bo']);
    }
    await panel.page.reload();
    await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Keep me', 'Paged Bo']);
    await panel.page.close();
  });

  test('switch incidents in the side panel: the timeline and the active incident follow', async ({ extension: { context, extensionId } }) => {
    const first = await incidentWithNotes(context, extensionId, 'Queue backlog', ['Consumers scaled to 12']);
    await first.panel.page.close();
    const { panel, key } = await incidentWithNotes(context, extensionId, 'DNS flapping', ['TTL lowered']);

    await panel.switchTo(new RegExp(`^${first.key} `));
    await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Queue backlog', 'Consumers scaled to 12']);
    // The popup writes notes to the incident the side panel switched to.
    const popup = await PopupPage.open(context, extensionId);
    expect(await popup.activeKey()).toBe(first.key);
    await popup.close();

    await panel.switchTo(new RegExp(`^${key} `));
    await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: DNS flapping', 'TTL lowered']);
    await panel.page.close();
  });

  test('incident details: severity and status changed in the side panel are kept and logged', async ({ extension: { context, extensionId } }) => {
    const { panel, key } = await incidentWithNotes(context, extensionId, 'Search is slow', []);
    await panel.openIncidentDetails();
    await panel.page.locator('#incident-severity').selectOption('SEV1');
    await panel.page.locator('#incident-status').selectOption('identified');
    await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Search is slow', 'Severity SEV2 → SEV1 (Critical)', 'Status: Identified']);
    await expect.poll(() => panel.shownIncident()).toBe(`${key} · SEV1 · Identified — \u2068Search is slow\u2069`);
    await panel.page.reload();
    await panel.openIncidentDetails();
    expect(await panel.page.locator('#incident-severity').inputValue()).toBe('SEV1');
    expect(await panel.page.locator('#incident-status').inputValue()).toBe('identified');
    await panel.page.close();
  });
});
