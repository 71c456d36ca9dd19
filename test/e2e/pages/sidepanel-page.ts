import type { BrowserContext, Page } from 'playwright-core';

/** The side panel, opened as a tab at sidepanel.html (the same page Chrome docks beside a tab). */
export class SidePanelPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, hash = ''): Promise<SidePanelPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html${hash}`);
    await page.locator('main.sidepanel').waitFor();
    return new SidePanelPage(page);
  }

  /**
   * Sends the background the popup's clip message for the active tab and returns its ClipResult,
   * timings included. For `npm run screenshots` only: tests clip as a person does, through the
   * toolbar popup, the shortcut or the context menu (see ./toolbar-popup, ./background-worker).
   */
  clipActiveTab(options: { screenshot?: boolean } = {}) {
    return this.page.evaluate(
      (message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage(message),
      { type: 'clip', ...options },
    );
  }

  /** A side panel already open in `page`, e.g. one a copied entry link opened. */
  static async attach(page: Page): Promise<SidePanelPage> {
    await page.locator('main.sidepanel').waitFor();
    return new SidePanelPage(page);
  }

  entries() {
    return this.page.getByTestId('entry');
  }

  entry(text: string | RegExp) {
    return this.entries().filter({ has: this.page.getByTestId('entry-text').getByText(text, { exact: typeof text === 'string' }) });
  }

  /** Puts keyboard focus on the first entry row, as Tab would. */
  async focusFirstEntry() {
    await this.page.locator('.timeline__row[tabindex="0"]').first().focus();
  }

  async entryTexts(): Promise<string[]> {
    await this.page.getByTestId('timeline').waitFor();
    return this.page.getByTestId('entry-text').allTextContents();
  }

  async editTime(text: string, dateTimeLocal: string) {
    await this.entry(text).getByRole('button', { name: /Edit/ }).click();
    const editor = this.page.getByRole('form', { name: 'Edit entry' });
    await editor.locator('input[type="datetime-local"]').fill(dateTimeLocal);
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
  }

  async delete(text: string) {
    await this.entry(text)
      .getByRole('button', { name: /Delete/ })
      .click();
    await this.page.getByRole('status').filter({ hasText: 'Deleted' }).waitFor();
  }

  async undo() {
    await this.page.getByRole('button', { name: 'Undo' }).click();
  }

  async openDataMenu() {
    const menu = this.page.locator('details.data-menu');
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  }

  /** Exports the backup and returns the downloaded file's path. */
  async exportBackup(): Promise<string> {
    await this.openDataMenu();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Export backup (JSON)' }).click()]);
    return (await download.path())!;
  }

  /** Chooses a backup file, reads the preview, and presses Import; returns what the menu says. */
  async importBackup(path: string): Promise<string> {
    await this.openDataMenu();
    await this.page.getByTestId('import-file').setInputFiles(path);
    const menu = this.page.locator('details.data-menu');
    const preview = menu.getByTestId('import-preview');
    await preview.or(menu.getByRole('alert')).first().waitFor();
    if (!(await preview.isVisible())) return (await menu.getByRole('alert').textContent()) ?? '';
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await preview.waitFor({ state: 'detached' });
    return (await this.page.getByTestId('data-status').textContent()) ?? '';
  }

  async erase() {
    await this.openDataMenu();
    await this.page.getByRole('button', { name: 'Erase local log…' }).click();
    await this.page.getByRole('button', { name: 'Erase everything' }).click();
    await this.page.getByText('The local log is erased.').waitFor();
  }

  // ── Side panel layout and clip confirmation (issue 10) ──

  /** Types a note in the note box and presses Enter, as a person does. */
  async addNote(text: string) {
    await this.page.getByLabel(/^Add a note to/).fill(text);
    await this.page.getByLabel(/^Add a note to/).press('Enter');
  }

  /** Whether the entry's row lies wholly inside the timeline's visible area. */
  async isEntryInView(text: string): Promise<boolean> {
    const entry = this.entry(text);
    if (!(await entry.count())) return false;
    const [box, list] = await Promise.all([entry.boundingBox(), this.page.getByTestId('timeline').boundingBox()]);
    return !!box && !!list && box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1;
  }

  /** Scrolls the timeline up with the mouse wheel, as a reader does. */
  async scrollTimelineUp(pixels = 2000) {
    const list = (await this.page.getByTestId('timeline').boundingBox())!;
    await this.page.mouse.move(list.x + list.width / 2, list.y + list.height / 2);
    await this.page.mouse.wheel(0, -pixels);
  }

  newEntriesPill() {
    return this.page.getByTestId('new-entries-pill');
  }

  /** The ids of the system notifications Sitrep shows now. */
  notificationIds(): Promise<string[]> {
    return this.page.evaluate(async () =>
      Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<object> } } }).chrome.notifications.getAll()),
    );
  }

  // ── Incident details (issue 10) ──

  /** Opens "Incident details" under the incident card, as a click on it does. */
  async openIncidentDetails() {
    const details = this.page.locator('.incident-header details').first();
    if ((await details.getAttribute('open')) === null) await this.page.getByText('Incident details', { exact: true }).click();
    await this.page.locator('#incident-started').waitFor();
  }

  /**
   * Clicks a field of the details, types its new value and leaves it with Tab; a time field
   * (where Tab moves between its parts) is saved with Enter.
   */
  async setDetail(id: string, value: string) {
    const field = this.page.locator(`#${id}`);
    await field.click();
    await field.fill(value);
    await field.press((await field.getAttribute('type')) === 'datetime-local' ? 'Enter' : 'Tab');
  }

  // ── Filters, time display, editing and links (issue 9) ──

  /** The row of filter chips above the timeline. */
  filterChip(name: string) {
    return this.page.getByRole('group', { name: 'Show entries of kind' }).getByRole('button', { name, exact: true });
  }

  filterCount() {
    return this.page.getByTestId('filter-count').textContent();
  }

  /** The header chip that switches between local time and UTC. */
  timeDisplayChip() {
    return this.page.locator('header.app-header button.chip');
  }

  /** The clock time each shown entry reads, in list order. */
  entryClocks(): Promise<string[]> {
    return this.page.locator('[data-testid="entry"] time.entry__time').allTextContents();
  }

  dayHeadings(): Promise<string[]> {
    return this.page.getByTestId('day-heading').allTextContents();
  }

  /** Presses an entry's star, as a click on ☆ does. */
  async star(text: string) {
    await this.entry(text)
      .getByRole('button', { name: /^(Star|Unstar) \(s\)$/ })
      .click();
  }

  /** Opens the editor on an entry, changes its text and kind, and saves with the Save button. */
  async editTextAndKind(text: string, newText: string, kindLabel: string) {
    await this.entry(text).getByRole('button', { name: /Edit/ }).click();
    const editor = this.page.getByRole('form', { name: 'Edit entry' });
    await editor.locator('textarea').fill(newText);
    await editor.getByLabel('Kind').selectOption({ label: kindLabel });
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
  }

  /** The kind badge an entry shows ('' for a note, which has none). */
  async kindBadge(text: string): Promise<string> {
    const badge = this.entry(text).locator('.badge.kind');
    return (await badge.count()) ? ((await badge.textContent()) ?? '') : '';
  }

  /** Presses an entry's "Copy link" and returns what the panel says about it. */
  async copyLink(text: string): Promise<string> {
    await this.entry(text).getByRole('button', { name: 'Copy link (c)' }).click();
    const status = this.page.getByTestId('copy-link-status');
    await status.filter({ hasText: /./ }).waitFor();
    return (await status.textContent()) ?? '';
  }

  /** Data → Copy timeline as Markdown; returns what the menu says. */
  async copyMarkdown(): Promise<string> {
    await this.openDataMenu();
    await this.page.getByRole('button', { name: 'Copy timeline as Markdown' }).click();
    const status = this.page.getByTestId('data-status');
    await status.waitFor();
    return (await status.textContent()) ?? '';
  }

  /** What the system clipboard holds, read as the page may once clipboard access is granted. */
  clipboardText(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Chooses another incident in the switcher above the timeline. */
  async switchTo(label: RegExp) {
    const option = this.page.locator('#incident-switcher option').filter({ hasText: label });
    await this.page.locator('#incident-switcher').selectOption((await option.getAttribute('value'))!);
  }

  /** The switcher's chosen incident, as it reads. */
  shownIncident() {
    return this.page.locator('#incident-switcher option:checked').textContent();
  }
}
