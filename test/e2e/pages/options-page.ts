import type { BrowserContext, Page } from 'playwright-core';

/** The options page, opened as a tab (what Chrome shows in its options dialog). */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.locator('main.options').waitFor();
    return new OptionsPage(page);
  }

  /** Types the host's URL and token and presses Save host, as a person setting up publishing does. */
  async setHost(url: string, token: string) {
    await this.page.locator('#publish-host-url').fill(url);
    await this.page.locator('#publish-host-token').fill(token);
    await this.page.getByRole('button', { name: 'Save host' }).click();
    await this.page.getByText(/^Saved\. Publishing to/).waitFor();
  }

  close() {
    return this.page.close();
  }
}
