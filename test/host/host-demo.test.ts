import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStatusFeed } from '../../src/feed/parse';
import { startTestHost, tempDataDir, type TestHost } from './host-fixture';

// The widget demo, served by the host at /demo/ against the sample feeds in widget/demo/feeds.

const demoDir = resolve(import.meta.dirname, '../../widget/demo');
const WRITTEN_AT = Date.parse('2026-01-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

let host: TestHost;
let bundles: Awaited<ReturnType<typeof tempDataDir>>;
beforeAll(async () => {
  bundles = await tempDataDir();
  await writeFile(join(bundles.dir, 'sitrep-banner.js'), 'export const banner = 1;');
  await writeFile(join(bundles.dir, 'sitrep-status.js'), 'export const status = 1;');
  host = await startTestHost({ demo: { dir: demoDir, widgetDir: bundles.dir, now: () => WRITTEN_AT + DAY } });
});
afterAll(async () => {
  await host.stop();
  await bundles.remove();
});

describe('the widget demo', () => {
  it('is at /demo/, a page with no inline script or style, under the strict policy', async () => {
    const redirect = await fetch(host.at('demo'), { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('Location')).toBe('/demo/');
    const page = await host.get('demo/');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toMatch(/^default-src 'none'; script-src 'self'; style-src 'self';/);
    const html = await page.text();
    expect(html).toContain('<sitrep-banner id="banner" src="feeds/minor.json"');
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    for (const asset of ['demo.js', 'demo.css']) expect((await host.get(`demo/${asset}`)).status).toBe(200);
  });

  it('serves the built widget bundles beside the page', async () => {
    const response = await host.get('demo/sitrep-banner.js');
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('export const banner = 1;');
  });

  it('serves the sample feeds moved to the time the demo started, with a stable ETag', async () => {
    const written = await readFile(join(demoDir, 'feeds/minor.json'), 'utf8');
    const response = await host.get('demo/feeds/minor.json');
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    const served = parseStatusFeed(await response.text());
    const original = parseStatusFeed(written);
    expect(Date.parse(served.incidents[0]!.updatedAt) - Date.parse(original.incidents[0]!.updatedAt)).toBe(DAY);
    expect(served.incidents[0]!.name).toBe('Slow dashboard loading');
    const again = await host.get('demo/feeds/minor.json', { 'If-None-Match': response.headers.get('ETag')! });
    expect(again.status).toBe(304);
  });

  it.each(['demo/feeds/', 'demo/feeds/nope.json', 'demo/serve.mjs', 'demo/../publish-token', 'demo/sitrep-other.js'])('%s is 404', async (path) => {
    expect((await host.get(path)).status).toBe(404);
  });

  it('is not served by a host started without it', async () => {
    const plain = await startTestHost();
    expect((await plain.get('demo/')).status).toBe(404);
    await plain.stop();
  });
});
