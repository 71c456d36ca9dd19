import { afterEach, describe } from 'vitest';
import { startRecordingServer } from '../publish/notifiers/recording-server';
import { startS3Server } from '../publish/s3-server';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { ComposerPanel, PopupPage } from './pages/popup-page';
import { startSwitchableProxy } from './switchable-proxy';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('publishing beyond one machine, and telling the channel', () => {
  test('an update reaches an S3 bucket and one Slack message; with the bucket cut off it waits, then arrives', async ({ context, extensionId }) => {
    const s3 = await startS3Server({ buckets: ['status'], cors: true });
    cleanups.push(() => s3.close());
    // The extension reaches the bucket through a relay the test can cut, as a network outage would.
    const network = await startSwitchableProxy(Number(new URL(s3.endpoint).port));
    cleanups.push(() => network.close());
    const slack = await startRecordingServer({ cors: true });
    cleanups.push(() => slack.close());
    const object = async (path: string) => {
      const response = await fetch(`${s3.endpoint}/status/site/${path}`);
      return response.ok ? response.text() : undefined;
    };

    const options = await OptionsPage.open(context, extensionId);
    await options.addS3({
      endpoint: network.url,
      region: 'us-east-1',
      bucket: 'status',
      prefix: 'site/',
      accessKeyId: s3.accessKeyId,
      secret: s3.secretAccessKey,
      publicUrl: 'https://status.example.com/',
    });
    expect(await options.testConnection('s3://status/site/')).toMatch(/^Connection works/);
    await options.addSlack('#incidents', `${slack.url}/services/T000/B000/XXXX`);
    await options.close();

    const popup = await PopupPage.open(context, extensionId);
    await popup.declare('db-7 replication lag after failover', 'SEV2');
    const composer = new ComposerPanel(popup.page);
    await composer.open();
    await expect.poll(() => popup.page.getByRole('checkbox', { name: /#incidents/ }).isChecked()).toBe(true);
    await composer.post({ title: 'Slow dashboard loading', status: 'investigating', message: 'Dashboards load slowly for some customers.' });

    await expect.poll(() => object('api/v2/summary.json'), { timeout: 15_000 }).toContain('Slow dashboard loading');
    expect(await object('index.html')).toContain('Slow dashboard loading');
    await expect.poll(() => slack.requests.length, { timeout: 15_000 }).toBe(1);
    const message = JSON.parse(slack.requests[0]!.body);
    expect(message.text).toContain('Slow dashboard loading');
    expect(slack.requests[0]!.path).toBe('/services/T000/B000/XXXX');

    // The network to the bucket goes; the next update waits in the outbox and says so.
    await network.off();
    await composer.post({ status: 'identified', message: 'A failover left a replica behind; resyncing.' });
    await expect.poll(() => popup.page.getByTestId('publish-result').first().textContent(), { timeout: 15_000 }).toMatch(/unreachable|reach/i);
    await network.on();
    await popup.page.getByRole('button', { name: 'Retry now' }).click();
    await expect
      .poll(
        async () =>
          JSON.parse((await object('api/v2/incidents.json')) ?? '{"incidents":[]}').incidents[0]?.incident_updates.map((u: { status: string }) => u.status),
        { timeout: 15_000 },
      )
      .toEqual(['identified', 'investigating']);
    // Slack heard about each update exactly once.
    await expect.poll(() => slack.requests.length, { timeout: 15_000 }).toBe(2);
    await popup.page.waitForTimeout(500);
    expect(slack.requests).toHaveLength(2);
  });
});
