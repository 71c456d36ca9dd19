import type { BrowserContext, Page } from 'playwright-core';
import type { Severity } from '../../../src/model';

/** The popup, opened as a tab (what a click on the toolbar icon shows). */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    // The app, not its shell (src/ui/popup-shell.ts), which only takes a note.
    await page.locator('main.popup:not([data-first-paint])').waitFor();
    await page.getByText('Loading…').waitFor({ state: 'detached' });
    return new PopupPage(page);
  }

  async declare(title: string, severity: Severity = 'SEV2') {
    const form = this.page.getByRole('form', { name: 'Declare an incident' });
    if (!(await form.isVisible())) await this.page.getByText('Declare a new incident').click();
    await this.page.getByLabel('What is wrong?').fill(title);
    await this.page.locator('#declare-severity').selectOption(severity);
    await this.page.getByRole('button', { name: 'Declare incident' }).click();
    await this.page.getByTestId('incident-title').getByText(title).waitFor();
  }

  get noteInput() {
    return this.page.locator('#note-input');
  }

  /** Types a note and presses Enter, the way a responder saves it. */
  async addNote(text: string) {
    await this.noteInput.fill(text);
    await this.noteInput.press('Enter');
    await this.page.getByText(/^Saved at/).waitFor();
    await this.page.waitForFunction(() => (document.querySelector('#note-input') as HTMLTextAreaElement).value === '');
  }

  activeKey() {
    return this.page.getByTestId('incident-key').textContent();
  }

  async switchTo(label: RegExp) {
    const option = this.page.locator('#incident-switcher option').filter({ hasText: label });
    await this.page.locator('#incident-switcher').selectOption((await option.getAttribute('value'))!);
  }

  close() {
    return this.page.close();
  }

  // ── Resolved incidents (issue 10) ──

  /** What stands in place of the note box while the active incident is resolved. */
  resolvedNotice() {
    return this.page.getByTestId('resolved-notice');
  }

  /** The note box's label: which incident a note goes to. */
  noteLabel() {
    return this.page.locator('label[for="note-input"]').textContent();
  }
}

/** The popup's public status composer: what an incident manager posts for customers. */
export class ComposerPanel {
  constructor(readonly page: Page) {}

  async open() {
    const toggle = this.page.getByRole('button', { name: 'Public status update' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await this.page.locator('#composer-message').waitFor();
  }

  /** Fills what customers will read and presses Ctrl+Enter in the message, as the hint says. */
  async post({ title, status, message }: { title?: string; status: string; message: string }) {
    await this.open();
    if (title !== undefined) await this.page.locator('#composer-public-title').fill(title);
    await this.page.locator('#composer-status').selectOption(status);
    await this.page.locator('#composer-message').fill(message);
    await this.page.locator('#composer-message').press('Control+Enter');
    await this.page.waitForFunction(() => (document.querySelector('#composer-message') as HTMLTextAreaElement).value === '');
  }

  result() {
    return this.page.getByTestId('publish-result');
  }
}
