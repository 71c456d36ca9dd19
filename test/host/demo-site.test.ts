import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseStatusFeed } from '../../src/feed/parse';
import { seedDemoSite } from '../../widget/host/demo-site';
import { startHost } from '../../widget/host/start-host';
import { startTestHost, tempDataDir, type TestHost } from './host-fixture';

// The demo site `npm start` seeds an empty host with, read back as a banner and a visitor would.

let host: TestHost | undefined;
const folders: Awaited<ReturnType<typeof tempDataDir>>[] = [];
afterEach(async () => {
  await host?.stop();
  host = undefined;
  for (const folder of folders.splice(0)) await folder.remove();
});

async function fakeBundles() {
  const folder = await tempDataDir();
  folders.push(folder);
  await writeFile(join(folder.dir, 'sitrep-banner.js'), 'export const banner = 1;');
  await writeFile(join(folder.dir, 'sitrep-status.js'), 'export const status = 1;');
  return folder.dir;
}

describe('the demo site', () => {
  it.each([
    ['an afternoon', '2026-03-10T15:00:00.000Z'],
    ['just after midnight UTC', '2026-03-10T00:05:00.000Z'],
    ['the day clocks change in Europe', '2026-03-29T01:30:00.000Z'],
  ])('on %s: operational now, yesterday’s incident resolved in 3 updates, a maintenance ahead', async (_label, iso) => {
    const now = new Date(iso);
    const widgetDir = await fakeBundles();
    host = await startTestHost({ seed: ({ siteDir, url }) => seedDemoSite({ siteDir, url, widgetDir, now }) });
    expect(host.seeded).toBe(true);

    const summary = parseStatusFeed(await (await host.get('api/v2/summary.json')).text());
    expect(summary.page.name).toBe('Acme Cloud');
    expect(summary.indicator).toBe('none');
    expect(summary.components.map((c) => c.name)).toEqual(expect.arrayContaining(['API', 'Dashboard', 'Webhooks', 'Managed databases']));
    expect(summary.maintenances).toHaveLength(1);
    expect(Date.parse(summary.maintenances[0]!.startedAt!)).toBeGreaterThan(now.getTime());

    const incidents = JSON.parse(await (await host.get('api/v2/incidents.json')).text()).incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0].status).toBe('resolved');
    expect(incidents[0].incident_updates.map((u: { status: string }) => u.status)).toEqual(['resolved', 'identified', 'investigating']);
    const started = new Date(incidents[0].started_at);
    expect(started.getUTCDate()).toBe(new Date(now.getTime() - 86_400_000).getUTCDate());
    expect(started.getTime()).toBeLessThan(now.getTime());

    expect((await host.get('/')).headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect((await host.get(`incidents/${incidents[0].id}.html`)).status).toBe(200);
    expect(await (await host.get('sitrep-banner.js')).text()).toBe('export const banner = 1;');
    expect((await host.get('history.atom')).status).toBe(200);
  });

  it("puts the page's own inline-script and style hashes into the header policy", async () => {
    host = await startTestHost({ seed: ({ siteDir, url }) => seedDemoSite({ siteDir, url, widgetDir: '/nonexistent' }) });
    const page = await host.get('/');
    const policy = page.headers.get('Content-Security-Policy')!;
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(await page.text())![1]!.replaceAll('&#39;', "'");
    for (const hash of meta.match(/'sha256-[^']+'/g)!) expect(policy).toContain(hash);
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('reports the bundles it could not copy, and seeds only an empty site', async () => {
    const folder = await tempDataDir();
    folders.push(folder);
    const result = await seedDemoSite({ siteDir: folder.dir, url: 'http://127.0.0.1:8787/', widgetDir: join(folder.dir, 'missing') });
    expect(result.missingBundles).toEqual(['sitrep-banner.js', 'sitrep-status.js']);

    let seeds = 0;
    const seed = async () => void seeds++;
    const first = await startHost({ dataDir: folder.dir, port: 0, quiet: true, seed });
    expect(first.seeded).toBe(true);
    await writeFile(join(first.siteDir, 'index.html'), '<p>mine</p>');
    await first.close();
    const again = await startHost({ dataDir: folder.dir, port: 0, quiet: true, seed });
    expect(again.seeded).toBe(false);
    expect(seeds).toBe(1);
    expect(await readdir(again.siteDir)).toEqual(['index.html']);
    await again.close();
  });
});
