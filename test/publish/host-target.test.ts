import { afterEach, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/feed/build';
import { parseStatusFeed } from '../../src/feed/parse';
import type { SiteInput } from '../../src/feed/build';
import { publishSite } from '../../src/publish/publish-site';
import { createHostTarget } from '../../src/publish/targets/host-target';
import { startTestHost, type TestHost } from '../host/host-fixture';

const NOW = new Date('2026-11-28T09:30:00.000Z');

function input(url: string, id: string, name: string, body: string): SiteInput {
  return {
    page: { id: 'sitrep', name: 'Acme status', url, timeZone: 'Etc/UTC' },
    components: [],
    incidents: [
      {
        id,
        name,
        impact: 'major',
        status: 'investigating',
        startedAt: '2026-11-28T09:00:00.000Z',
        updates: [{ id: `${id}-u1`, status: 'investigating', body, at: '2026-11-28T09:05:00.000Z', components: [] }],
      },
    ],
    maintenances: [],
    historyDays: 90,
    now: NOW,
  };
}

let host: TestHost | undefined;
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

describe('publishing to the embedded host over HTTP', () => {
  it('writes a site the host serves and our parser reads, and a second publisher keeps the first one’s incident', async () => {
    host = await startTestHost();
    const url = host.url.replace(/\/$/, '');
    const target = createHostTarget({ kind: 'host', id: 'host', url }, host.token);
    await publishSite({ target, build: (previous) => buildSite(input(url, 'inc-a', 'Payments failing', 'Looking into it.'), previous).files });
    await publishSite({ target, build: (previous) => buildSite(input(url, 'inc-b', 'Search slow', 'Investigating.'), previous).files });
    const summary = parseStatusFeed(await (await host.get('api/v2/summary.json')).text());
    expect(summary.incidents.map((i) => i.name).sort()).toEqual(['Payments failing', 'Search slow']);
    expect((await host.get('incidents/inc-a.html')).status).toBe(200);
  });

  it.each([
    ['a wrong token', (t: TestHost) => createHostTarget({ kind: 'host', id: 'host', url: t.url }, 'not-the-token-at-all'), { kind: 'auth' }],
    [
      'a host that is down',
      () => createHostTarget({ kind: 'host', id: 'host', url: 'http://127.0.0.1:9' }, 'x'.repeat(40)),
      { kind: 'unreachable', message: 'Host unreachable (127.0.0.1:9)' },
    ],
  ])('says in words what failed with %s, and never the token', async (_name, open, expected) => {
    host = await startTestHost();
    const target = open(host);
    const url = host.url.replace(/\/$/, '');
    const error = await publishSite({ target, build: (previous) => buildSite(input(url, 'inc-a', 'Payments failing', 'Looking.'), previous).files }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject(expected);
    expect(String((error as Error).message)).not.toContain(host.token);
  });
});
