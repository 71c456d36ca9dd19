/**
 * The widget on a page that enforces Trusted Types: every DOM sink refuses plain strings, so
 * anything the widget wrote as HTML would throw and be reported. lit-html renders through its
 * own `lit-html` policy and text bindings, so the banner must render and nothing be reported.
 *
 * The page is served with the CSP as a response header (a `<meta>` CSP would not cover what ran
 * before it), from its own loopback server: the shared widget server sends no such header.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../chromium';
import { sampleFeed } from './widget-server';

const bundles = resolve(import.meta.dirname, '../../../.output/widget');
/** The most severe open incident of the demo's critical feed: what the banner shows. */
const CRITICAL_NAME = 'API and dashboard unavailable';

let browser: Browser;
let server: Server;
let origin: string;
/** The page's Content-Security-Policy, per path. */
const policies = new Map<string, string>();

// Inline, before the widget: records every violation and Trusted Types error the page sees.
const WATCH = `<script>
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ': ' + e.sample));
</script>`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trusted Types</title>${WATCH}
<script type="module" src="/sitrep-banner.js"></script></head>
<body><p>Product page</p><sitrep-banner src="/feeds/critical.json" position="inline"></sitrep-banner></body></html>`;

beforeAll(async () => {
  const critical = await sampleFeed('critical');
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/sitrep-banner.js') {
      readFile(join(bundles, 'sitrep-banner.js'), 'utf8').then(
        (code) => response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(code),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
      return;
    }
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    if (path === '/feeds/critical.json') return void response.writeHead(200, { 'Content-Type': 'application/json' }).end(critical);
    const policy = policies.get(path);
    if (policy === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy }).end(PAGE);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
});

describe('<sitrep-banner> on a page that enforces Trusted Types', () => {
  it.each([
    ['any policy allowed', '/any-policy.html', "require-trusted-types-for 'script'"],
    // Only lit-html's own policy may be created: the widget adds none of its own.
    ['only lit-html’s policy allowed', '/lit-policy-only.html', "require-trusted-types-for 'script'; trusted-types lit-html"],
  ])('renders the banner with %s, and nothing is reported', async (_name, path, policy) => {
    policies.set(path, policy);
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));

    const response = await page.goto(`${origin}${path}`);
    expect(response?.headers()['content-security-policy']).toBe(policy);

    const base = page.locator('sitrep-banner [part=base]');
    await expect.poll(() => base.count(), { timeout: 10_000 }).toBe(1);
    expect(await base.getAttribute('role')).toBe('alert');
    expect(await page.locator('sitrep-banner [part=name]').textContent()).toBe(CRITICAL_NAME);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);

    // Last, so its own report cannot be counted above: the page really enforces the policy, a
    // plain string into innerHTML throws.
    const enforced = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    expect(enforced).toBe(true);
    await page.context().close();
  });
});
