import type { BrowserContext } from 'playwright-core';
import { describe } from 'vitest';
import { expect, fileTest } from './fixtures';
import { tabOrder } from './pages/keyboard';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';

// New York: the clocks went forward at 02:00 on 8 March 2026, so local and UTC differ by 5 h
// before and 4 h after, on one day.
const test = fileTest({ timezoneId: 'America/New_York' });

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

describe('reading the timeline', () => {
  test('filters: a kind, starred only, both, and back to all', async ({ extension: { context, extensionId } }) => {
    const { panel } = await incidentWithNotes(context, extensionId, 'Filter me', ['Paged Bo', 'Rolled back 4.12']);
    await panel.star('Rolled back 4.12');
    await expect.poll(() => panel.entry('Rolled back 4.12').getByRole('button', { name: 'Unstar (s)' }).getAttribute('aria-pressed')).toBe('true');
    expect(await panel.filterCount()).toBe('3 of 3 entries shown');

    await panel.filterChip('Note').click();
    await expect.poll(() => panel.entryTexts()).toEqual(['Paged Bo', 'Rolled back 4.12']);
    expect(await panel.filterCount()).toBe('2 of 3 entries shown');

    await panel.filterChip('Change').click();
    await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Filter me', 'Paged Bo', 'Rolled back 4.12']);
    await panel.filterChip('Note').click();
    await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Filter me']);

    await panel.filterChip('All').click();
    await panel.filterChip('★ Starred only').click();
    await expect.poll(() => panel.entryTexts()).toEqual(['Rolled back 4.12']);
    expect(await panel.filterCount()).toBe('1 of 3 entries shown');
    // Starred and a kind: both must hold.
    await panel.filterChip('Change').click();
    await expect.poll(() => panel.filterCount()).toBe('0 of 3 entries shown');
    expect(await panel.entries().count()).toBe(0);
    await panel.filterChip('All').click();
    await panel.filterChip('★ Starred only').click();
    await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Filter me', 'Paged Bo', 'Rolled back 4.12']);
    await panel.page.close();
  });

  test('local time and UTC: one click switches every time and day heading, and is remembered', async ({ extension: { context, extensionId } }) => {
    const { panel } = await incidentWithNotes(context, extensionId, 'Clocks', ['late on Saturday', 'after the change']);
    // 22:30 EST on the 7th is 03:30 UTC on the 8th; 03:30 EDT on the 8th is 07:30 UTC.
    await panel.editTime('late on Saturday', '2026-03-07T22:30:00');
    await panel.editTime('after the change', '2026-03-08T03:30:00');
    await expect.poll(async () => (await panel.entryClocks()).slice(0, 2)).toEqual(['10:30 PM', '03:30 AM']);
    expect((await panel.dayHeadings()).slice(0, 2)).toEqual(['Sat, Mar 7, 2026', 'Sun, Mar 8, 2026']);
    expect(await panel.timeDisplayChip().getAttribute('aria-pressed')).toBe('false');

    await panel.timeDisplayChip().click();
    await expect.poll(async () => (await panel.entryClocks()).slice(0, 2)).toEqual(['03:30 AM', '07:30 AM']);
    // Both now fall on the 8th: one heading over them, then today's.
    expect(await panel.dayHeadings()).toHaveLength(2);
    expect((await panel.dayHeadings())[0]).toBe('Sun, Mar 8, 2026');
    expect(await panel.timeDisplayChip().textContent()).toBe('UTC');
    expect(await panel.timeDisplayChip().getAttribute('aria-pressed')).toBe('true');

    await panel.page.reload();
    await expect.poll(async () => (await panel.entryClocks()).slice(0, 2)).toEqual(['03:30 AM', '07:30 AM']);
    await panel.timeDisplayChip().click();
    await expect.poll(async () => (await panel.entryClocks()).slice(0, 2)).toEqual(['10:30 PM', '03:30 AM']);
    await panel.page.close();
  });

  test('copy an entry link and open it; copy the timeline as Markdown', async ({ extension: { context, extensionId } }) => {
    const origin = `chrome-extension://${extensionId}`;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { panel, key } = await incidentWithNotes(context, extensionId, 'Links', ['Paged Bo', 'Rolled back 4.12']);
    await panel.editTime('Paged Bo', '2026-03-08T09:10:00');
    await panel.editTime('Rolled back 4.12', '2026-03-08T09:25:00');

    expect(await panel.copyLink('Paged Bo')).toBe('Link copied. It opens this entry in your own Sitrep only: a colleague needs your backup first.');
    const link = await panel.clipboardText();
    expect(link).toMatch(new RegExp(`^${origin}/sidepanel\\.html#incident=[0-9a-f-]{36}&entry=[0-9a-f-]{36}$`));

    expect(await panel.copyMarkdown()).toBe(`Copied ${key}'s timeline as Markdown (America/New_York).`);
    const markdown = await panel.clipboardText();
    expect(markdown).toContain('- 09:10 EDT — Paged Bo\n- 09:25 EDT — Rolled back 4.12');

    // Another incident becomes active; the link still opens the entry it named, highlighted.
    await incidentWithNotes(context, extensionId, 'Elsewhere', []).then(({ panel: other }) => other.page.close());
    const opened = await context.newPage();
    await opened.goto(link);
    const target = await SidePanelPage.attach(opened);
    await target.entry('Paged Bo').and(opened.locator('.highlighted')).waitFor();
    expect(await target.shownIncident()).toBe(`${key} · SEV2 · Investigating — \u2068Links\u2069`);
    await opened.close();

    await panel.page.close();
  });

  test('everything in the side panel is reachable with Tab, each entry and its buttons', async ({ extension: { context, extensionId } }) => {
    const { panel } = await incidentWithNotes(context, extensionId, 'Keyboard', ['Paged Bo']);
    const order = await tabOrder(panel.page);
    const { key } = { key: (await panel.page.locator('#incident-switcher option:checked').textContent())!.split(' ')[0] };
    for (const control of [
      'EST',
      'Data',
      'Search all incidents',
      'Incident',
      'Incident title',
      'Incident details',
      `Add a note to ${key}`,
      'All',
      'Note',
      '★ Starred only',
      'row: Declared SEV2: Keyboard',
      'row: Paged Bo',
      'Star (s)',
      'Edit (e)',
      'Copy link (c)',
      'Delete (Delete)',
    ]) {
      expect(order, `Tab reaches “${control}”`).toContain(control);
    }
    // An entry's buttons come right after its row.
    const row = order.lastIndexOf('row: Paged Bo');
    expect(order.slice(row + 1, row + 5)).toEqual(['Star (s)', 'Edit (e)', 'Copy link (c)', 'Delete (Delete)']);
    await panel.page.close();
  });
});
