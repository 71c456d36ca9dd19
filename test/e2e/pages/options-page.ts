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

  /** Adds an S3 bucket under Publishing, field by field, and waits for it to be saved. */
  async addS3(t: { endpoint: string; region: string; bucket: string; prefix: string; accessKeyId: string; secret: string; publicUrl: string }) {
    const add = this.page.locator('#target-add');
    if (await add.isVisible()) await add.click();
    await this.page.locator('#publish-kind-s3').check();
    await this.page.locator('#publish-s3-endpoint').fill(t.endpoint);
    await this.page.locator('#publish-s3-region').fill(t.region);
    await this.page.locator('#publish-s3-bucket').fill(t.bucket);
    await this.page.locator('#publish-s3-prefix').fill(t.prefix);
    await this.page.locator('#publish-s3-accessKeyId').fill(t.accessKeyId);
    await this.page.locator('#publish-s3-secretAccessKey').fill(t.secret);
    await this.page.locator('#publish-s3-publicUrl').fill(t.publicUrl);
    await this.page.getByRole('button', { name: 'Save bucket' }).click();
    await this.page.getByText(/^Saved\. Publishing to s3:\/\//).waitFor();
  }

  /** Presses Test connection on a target and returns what the page says. */
  async testConnection(label: string) {
    await this.page.getByRole('button', { name: `Test connection to ${label}` }).click();
    const said = this.page.getByText(/^(Connection works|Test failed)/);
    await said.waitFor();
    return said.textContent();
  }

  /** Adds a Slack channel under Notifications with its incoming-webhook URL. */
  async addSlack(name: string, webhookUrl: string) {
    await this.page.locator('#notifier-add').click();
    await this.page.locator('#notifier-kind-slack').check();
    await this.page.locator('#notifier-slack-name').fill(name);
    await this.page.locator('#notifier-slack-secret').fill(webhookUrl);
    await this.page.getByRole('button', { name: 'Save notifier' }).click();
    await this.page.getByText(`Saved: ${name} is offered`, { exact: false }).waitFor();
  }

  // ── Settings and components (issue 9) ──

  /** Types the name shown as the author of your notes and clips (saved as you type). */
  async setAuthor(name: string) {
    await this.page.getByLabel('Your name').fill(name);
  }

  /** Ticks or clears "Attach a screenshot of the visible tab to every clip". */
  async setScreenshotOnEveryClip(on: boolean) {
    await this.page.getByLabel('Attach a screenshot of the visible tab to every clip').setChecked(on);
  }

  /** Adds a component under Components with the dashboards that show it, and waits for it to be listed. */
  async addComponent(name: string, dashboards: string[]) {
    await this.page.locator('#component-add').click();
    const form = this.page.getByRole('form', { name: 'New component' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Dashboard URLs, one per line').fill(dashboards.join('\n'));
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await this.page.getByRole('list', { name: 'Components' }).getByText(name, { exact: true }).first().waitFor();
  }

  close() {
    return this.page.close();
  }
}
