import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import type { Severity } from '../../../src/model';

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
  async addComponent(name: string, dashboards: string[], escalation?: { who: string; reach: string }) {
    await this.page.locator('#component-add').click();
    const form = this.page.getByRole('form', { name: 'New component' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    if (escalation) {
      await form.getByLabel('Who', { exact: true }).fill(escalation.who);
      await form.getByLabel('How to reach them').fill(escalation.reach);
    }
    await form.getByLabel('Dashboard URLs, one per line').fill(dashboards.join('\n'));
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await this.page.getByRole('list', { name: 'Components' }).getByText(name, { exact: true }).first().waitFor();
  }

  // ── Stakeholders and the action-item backlog (issue 14) ──

  /** Adds a stakeholder to the register with the form, as a person fills it in, and waits for it to be listed. */
  async addStakeholder(s: { name: string; power: 'high' | 'low'; interest: 'high' | 'low'; channels: string[]; fromSeverity: Severity }) {
    await this.page.locator('#stakeholder-add').click();
    const form = this.page.getByRole('form', { name: 'New stakeholder' });
    await form.getByLabel('Name', { exact: true }).fill(s.name);
    await form.getByLabel('Power', { exact: true }).selectOption(s.power);
    await form.getByLabel('Interest', { exact: true }).selectOption(s.interest);
    for (const box of await form.getByRole('checkbox').all())
      await box.setChecked(s.channels.includes((await box.getAttribute('id'))!.replace(/^.*-channel-/, '')));
    await form.getByLabel('Must hear from').selectOption(s.fromSeverity);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await this.stakeholders().filter({ hasText: s.name }).waitFor();
  }

  stakeholders() {
    return this.page.getByTestId('stakeholder');
  }

  /** The names the power/interest grid places in a quadrant (`manage-closely`, `keep-satisfied`, …). */
  quadrant(quadrant: string) {
    return this.page.locator(`.power-grid__cell[data-quadrant="${quadrant}"] li`).allTextContents();
  }

  /** The backlog's row for an action item, found by its text. */
  backlogItem(text: string) {
    return this.page.getByRole('list', { name: 'Backlog' }).locator('li.action-item').filter({ hasText: text });
  }

  /** Presses "Download CSV" under the backlog and returns the file's text. */
  async downloadBacklogCsv(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Download CSV' }).click()]);
    return readFile((await download.path())!, 'utf8');
  }

  /** Chooses a CSV in the backlog's import field; returns the preview's summary line. */
  async previewBacklogImport(path: string): Promise<string> {
    await this.page.locator('#backlog-import').setInputFiles(path);
    const preview = this.page.getByRole('region', { name: 'Import preview' });
    await preview.waitFor();
    return (await preview.locator('p').first().textContent()) ?? '';
  }

  close() {
    return this.page.close();
  }
}
