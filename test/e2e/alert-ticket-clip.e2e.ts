import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { test as base, expect } from 'vitest';
import { launchWithExtension } from './chromium';
import { BackgroundWorker } from './pages/background-worker';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';
import { clickToolbarButton } from './toolbar';

const PAGES = resolve(import.meta.dirname, '../fixtures/pages');

// PagerDuty and Zendesk are SaaS: their recognizers know them by their hosts. Chromium resolves
// those hosts to loopback, so the real URL shapes load the saved pages served below. Over HTTPS:
// pagerduty.com is on Chromium's HSTS preload list, so plain HTTP to it is never even tried. The
// certificate is made for the test and thrown away; Chromium is told to take it.
const PAGERDUTY_HOST = 'acme.pagerduty.com';
const ZENDESK_HOST = 'acme.zendesk.com';

/** Saved pages, by the path each tool gives them. */
const ROUTES: Record<string, string> = {
  '/incidents/PT4KHLK': 'pagerduty-incident.html',
  '/agent/tickets/8812': 'zendesk-ticket.html',
};

/** A one-day self-signed certificate for the two hosts (Debian's openssl). */
async function makeCertificate(): Promise<{ key: Buffer; cert: Buffer }> {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-e2e-tls-'));
  try {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=sitrep-e2e',
      '-addext',
      `subjectAltName=DNS:${PAGERDUTY_HOST},DNS:${ZENDESK_HOST}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
    return { key: await readFile(join(dir, 'key.pem')), cert: await readFile(join(dir, 'cert.pem')) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function servePages(): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer(await makeCertificate(), (req, res) => void respond(req, res).catch(() => res.writeHead(500).end()));
  async function respond(req: IncomingMessage, res: ServerResponse) {
    const file = ROUTES[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(await readFile(resolve(PAGES, file)));
  }
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

const test = base.extend<{ pages: { port: number }; context: BrowserContext; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
  pages: async ({}, use) => {
    const served = await servePages();
    await use(served);
    await served.close();
  },
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
  context: async ({}, use) => {
    const launched = await launchWithExtension({
      args: [`--host-resolver-rules=MAP ${PAGERDUTY_HOST} 127.0.0.1, MAP ${ZENDESK_HOST} 127.0.0.1`, '--ignore-certificate-errors'],
    });
    launched.context.setDefaultTimeout(10_000);
    await use(launched.context);
    await launched.close();
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
});

/**
 * Clips the page as a person does: the toolbar click grants activeTab, then the clip shortcut;
 * returns the toolbar's badge and tooltip once the badge has said what happened.
 */
async function clip(context: BrowserContext, extensionId: string, page: Page) {
  await page.bringToFront();
  await clickToolbarButton(context, extensionId, page);
  const worker = await BackgroundWorker.of(context);
  await worker.pressShortcut('clip-selection', page);
  await expect.poll(() => worker.badgeText()).not.toBe('');
  return { badge: await worker.badgeText(), title: await worker.badgeTitle() };
}

test('clips a PagerDuty incident and a Zendesk ticket: the alert, seen twice, and the customer report are on the timeline', async ({
  pages,
  context,
  extensionId,
}) => {
  const popup = await PopupPage.open(context, extensionId);
  await popup.declare('Checkout errors', 'SEV2');
  const panel = await SidePanelPage.open(context, extensionId);

  const pagerduty = await context.newPage();
  await pagerduty.goto(`https://${PAGERDUTY_HOST}:${pages.port}/incidents/PT4KHLK?utm_source=slack`);
  await pagerduty.getByText('Checkout API error rate above 5%').waitFor();
  expect(await clip(context, extensionId, pagerduty)).toEqual({ badge: '✓', title: 'Sitrep: clipped to INC-1' });

  const alert = panel.entries().filter({ has: panel.page.getByTestId('clip-ref').getByText('PagerDuty PT4KHLK', { exact: true }) });
  await alert.waitFor();
  expect(await alert.locator('.badge.kind').textContent()).toBe('Alert');
  // The alert's title, as the page showed it, follows its name.
  expect(await alert.getByTestId('entry-text').textContent()).toBe('PagerDuty PT4KHLK: Checkout API error rate above 5%');
  // Linked without the chat's tracking, at the real host.
  expect(await alert.locator('a.entry__source').getAttribute('href')).toBe(`https://${PAGERDUTY_HOST}:${pages.port}/incidents/PT4KHLK`);

  // Clipped again a little later: still one alert, seen twice.
  expect(await clip(context, extensionId, pagerduty)).toEqual({ badge: '✓', title: 'Sitrep: clipped to INC-1' });
  await alert.getByTestId('clip-seen').getByText('seen 2×').waitFor();
  expect(await alert.getByTestId('clip-sightings').locator('time').count()).toBe(2);

  const zendesk = await context.newPage();
  await zendesk.goto(`https://${ZENDESK_HOST}:${pages.port}/agent/tickets/8812`);
  await zendesk.locator('[data-ticket-id="8812"]').waitFor();
  expect(await clip(context, extensionId, zendesk)).toEqual({ badge: '✓', title: 'Sitrep: clipped to INC-1' });

  const report = panel.entries().filter({ has: panel.page.getByTestId('clip-ref').getByText('Zendesk #8812', { exact: true }) });
  await report.waitFor();
  expect(await report.locator('.badge.kind').textContent()).toBe('Customer report');
  expect(await report.getByTestId('entry-text').textContent()).toBe('Zendesk #8812: Checkout fails with 500 since this morning');

  expect(await panel.entryTexts()).toEqual([
    'Declared SEV2: Checkout errors',
    'PagerDuty PT4KHLK: Checkout API error rate above 5%',
    'Zendesk #8812: Checkout fails with 500 since this morning',
  ]);

  // The incident counts its customer reports, live, in the popup and the side panel.
  await panel.page.getByTestId('incident-reports').getByText('1 customer report', { exact: true }).waitFor();
  await popup.page.bringToFront();
  await popup.page.getByTestId('incident-reports').getByText('1 customer report', { exact: true }).waitFor();
});

test('an incident declared from a held PagerDuty clip was detected when the alert fired', async ({ pages, context, extensionId }) => {
  const panel = await SidePanelPage.open(context, extensionId);
  const pagerduty = await context.newPage();
  await pagerduty.goto(`https://${PAGERDUTY_HOST}:${pages.port}/incidents/PT4KHLK`);
  await pagerduty.getByText('Checkout API error rate above 5%').waitFor();
  expect(await clip(context, extensionId, pagerduty)).toEqual({ badge: '1', title: 'Sitrep: 1 clip(s) waiting — which incident?' });

  const held = panel.page.getByTestId('held-clips');
  await held.getByRole('button', { name: 'New incident from this' }).click();
  await held.getByLabel('What is wrong?').fill('Checkout errors');
  await held.getByRole('button', { name: 'Declare incident' }).click();
  await held.waitFor({ state: 'detached' });
  await expect.poll(() => panel.entryTexts()).toEqual(['PagerDuty PT4KHLK: Checkout API error rate above 5%', 'Declared SEV3: Checkout errors']);

  // The saved page says the incident triggered at 08:42:17 UTC on 28 Nov 2026.
  const incidents = await panel.page.evaluate(
    () =>
      new Promise<unknown[]>((done, fail) => {
        const open = indexedDB.open('sitrep');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('incidents').objectStore('incidents').getAll();
          all.onsuccess = () => (done(all.result), open.result.close());
          all.onerror = () => fail(all.error);
        };
      }),
  );
  expect(incidents).toEqual([expect.objectContaining({ key: 'INC-1', detectedAt: '2026-11-28T08:42:17.000Z', startedAt: '2026-11-28T08:42:17.000Z' })]);
});
