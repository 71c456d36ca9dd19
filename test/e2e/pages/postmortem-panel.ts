import type { Page } from 'playwright-core';

/** The Post-mortem view of the side panel (src/ui/components/postmortem), driven as an incident manager does. */
export class PostmortemPanel {
  constructor(readonly page: Page) {}

  /** Opens the view with the Post-mortem button, if it is shut. */
  async open() {
    const tab = this.page.locator('#pm-tab');
    if ((await tab.getAttribute('aria-expanded')) !== 'true') await tab.click();
    await this.page.locator('#pm-view').waitFor();
  }

  /** Presses "Draft post-mortem" and waits for the editor. */
  async draft() {
    await this.page.locator('#pm-draft').click();
    await this.page.locator('.pm-editor').waitFor();
  }

  /** Types a section's text (`rootCause`, `public-opening`, …) and leaves it, as a person does (leaving saves it). */
  async write(section: string, text: string) {
    const field = this.page.locator(`#pm-${section}`);
    await field.fill(text);
    await field.blur();
  }

  section(section: string) {
    return this.page.locator(`#pm-${section}`);
  }

  saveState() {
    return this.page.getByTestId('pm-save-state').textContent();
  }

  /** Presses Copy Markdown and waits until the panel says it is copied. */
  async copyMarkdown() {
    await this.page.getByRole('button', { name: 'Copy Markdown' }).click();
    await this.page.getByTestId('pm-notice').filter({ hasText: 'Markdown copied' }).waitFor();
  }

  /** Adds an action item with the form under the internal post-mortem. */
  async addActionItem(item: { text: string; kind: string; owner: string; due: string }) {
    await this.page.locator('#action-item-add').click();
    const form = this.page.locator('form.action-item-form');
    await this.page.locator('#action-item-new-text').fill(item.text);
    await this.page.locator('#action-item-new-kind').selectOption(item.kind);
    await this.page.locator('#action-item-new-owner').fill(item.owner);
    await this.page.locator('#action-item-new-due').fill(item.due);
    await form.getByRole('button', { name: 'Add action item' }).click();
    await form.waitFor({ state: 'detached' });
    await this.actionItem(item.text).waitFor();
  }

  actionItems() {
    return this.page.getByRole('list', { name: 'Action items of this incident' }).locator('li.action-item');
  }

  actionItem(text: string) {
    return this.actionItems().filter({ hasText: text });
  }

  /** Presses "Publish public post-mortem to the status site" and waits for the panel to say it was published. */
  async publishPublic() {
    await this.page.locator('#pm-publish-public').click();
    await this.page
      .getByTestId('pm-public-published')
      .filter({ hasText: /^Last published/ })
      .waitFor();
  }
}
