import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe } from 'vitest';
import { startHost, type RunningHost } from '../../widget/host';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { ComposerPanel, PopupPage } from './pages/popup-page';
import { startWidgetServer } from './widget/widget-server';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function summary(host: RunningHost) {
  const response = await fetch(new URL('api/v2/summary.json', host.url), { cache: 'no-store' });
  return response.ok
    ? ((await response.json()) as { incidents: { name: string; status: string; incident_updates: { status: string; body: string }[] }[] })
    : undefined;
}

/** The product page a customer has open: the banner fed from the host, as the README's snippet embeds it. */
async function productPage(page: Page, host: RunningHost, server: Awaited<ReturnType<typeof startWidgetServer>>) {
  const base = host.url.replace(/\/$/, '');
  await page.goto(
    server.page(
      '/product.html',
      `<script type="module" src="${base}/sitrep-banner.js"></script><h1>Acme Shop</h1><sitrep-banner src="${base}/api/v2/summary.json" position="inline"></sitrep-banner>`,
    ),
  );
  await page.evaluate(() => customElements.whenDefined('sitrep-banner'));
}

describe('the publish loop, as an incident manager runs it', () => {
  test('an update from the popup reaches the host and every banner, survives the host going down, and resolving clears it', async ({
    context,
    extensionId,
  }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sitrep-e2e-host-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    let host = await startHost({ dataDir, port: 0, quiet: true });
    cleanups.push(() => host.close());
    const port = new URL(host.url).port;
    const server = await startWidgetServer();
    cleanups.push(() => server.close());

    // Settings → Publishing: the host's URL and the token it printed.
    const options = await OptionsPage.open(context, extensionId);
    await options.setHost(host.url, host.token);
    await options.close();

    const popup = await PopupPage.open(context, extensionId);
    await popup.declare('checkout-api pods OOMKilled after 4.12 deploy', 'SEV2');
    await popup.addNote('PRIVATE: heap dump in s3://internal-bucket/dump-7');
    const composer = new ComposerPanel(popup.page);
    await composer.post({ title: 'Card payments failing', status: 'investigating', message: 'We are investigating failed card payments.' });

    // Within seconds the host serves it, and the banner on a product page shows it.
    await expect.poll(async () => (await summary(host))?.incidents.map((i) => i.name), { timeout: 15_000 }).toEqual(['Card payments failing']);
    await expect.poll(() => composer.result().textContent()).toMatch(/Published \d\d?:\d\d:\d\d/);
    const product = await context.newPage();
    await productPage(product, host, server);
    const banner = product.locator('sitrep-banner [part=base]');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain('Card payments failing');
    const published = JSON.stringify(await summary(host));
    expect(published).not.toContain('PRIVATE');
    expect(published).not.toContain('OOMKilled');

    // The host goes down; the next update waits in the outbox and says so.
    await host.close();
    await composer.post({ status: 'identified', message: 'A bad deploy; rolling back.' });
    await expect.poll(() => composer.result().textContent(), { timeout: 15_000 }).toMatch(/Host unreachable.*retrying in \d+ s/);
    // Closing the popup loses nothing: the update is in the outbox, not in the page.
    await popup.close();

    host = await startHost({ dataDir, port: Number(port), quiet: true });
    const again = await PopupPage.open(context, extensionId);
    const retry = new ComposerPanel(again.page);
    await again.page.getByRole('button', { name: 'Retry now' }).click();
    await expect
      .poll(async () => (await summary(host))?.incidents[0]?.incident_updates.map((u) => u.status), { timeout: 15_000 })
      .toEqual(['identified', 'investigating']);
    await expect.poll(() => retry.result().textContent()).toMatch(/Published/);

    // Resolved: the incident leaves summary.json and the banner goes away.
    await retry.post({ status: 'resolved', message: 'Payments work again. We are sorry for the trouble.' });
    await expect.poll(async () => (await summary(host))?.incidents.length, { timeout: 15_000 }).toBe(0);
    await product.reload();
    await product.evaluate(() => customElements.whenDefined('sitrep-banner'));
    await expect
      .poll(() => product.locator('sitrep-banner').evaluate((el) => el.shadowRoot?.querySelector('[part=base]') === null && el.getClientRects().length === 0), {
        timeout: 10_000,
      })
      .toBe(true);

    // The whole story stays on the status page's history, and in the feeds.
    const atom = await (await fetch(new URL('history.atom', host.url))).text();
    expect(atom).toContain('Card payments failing');
    expect(atom).toContain('Payments work again.');
  });
});
