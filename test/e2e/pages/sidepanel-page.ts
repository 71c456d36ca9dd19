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
   * Asks the background to clip the active tab, exactly as the shortcut and the popup's
   * "Clip this page" do, and returns its ClipResult.
   */
  clipActiveTab(options: { screenshot?: boolean } = {}) {
    return this.page.evaluate(
      (message) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage(message),
      { type: 'clip', ...options },
    );
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
    await this.entry(text).getByRole('button', { name: /Delete/ }).click();
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
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Export backup (JSON)' }).click(),
    ]);
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
}
