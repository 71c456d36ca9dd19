import { describe, expect, it, vi } from 'vitest';
import type { SiteFile } from '../../src/feed/build';
import { SiteState } from '../../src/feed/schema';
import { publishSite, STATE_PATH } from '../../src/publish/publish-site';
import { memoryTarget } from './memory-target';

const file = (path: string, body: string): SiteFile => ({ path, body, contentType: 'text/plain', cacheControl: 'no-cache' });
const state = (): SiteState => ({
  format: 'sitrep-site',
  version: 1,
  updated_at: '2026-11-28T09:00:00.000Z',
  components: [],
  incidents: [],
  scheduled_maintenances: [],
});

/** A build whose files say which incidents it kept from the previous state. */
function buildWith(mine: string, seen: (SiteState | undefined)[] = []) {
  return (previous: SiteState | undefined) => {
    seen.push(previous);
    return [
      file('api/v2/summary.json', `summary ${mine}`),
      file('index.html', `page ${mine}`),
      file('incidents/a.html', 'incident a'),
      file(STATE_PATH, JSON.stringify(state())),
    ];
  };
}

describe('publishSite', () => {
  it('claims the state first, writes pages before summary.json, and skips what it already wrote', async () => {
    const m = memoryTarget();
    const first = await publishSite({ target: m.target, build: buildWith('one') });
    expect(m.writes).toEqual([STATE_PATH, 'index.html', 'incidents/a.html', 'api/v2/summary.json']);
    expect(first).toMatchObject({ sent: 3, skipped: 0, stateEtag: m.files.get(STATE_PATH)!.etag });

    m.writes.length = 0;
    const second = await publishSite({ target: m.target, build: buildWith('two'), last: first });
    expect(m.writes).toEqual([STATE_PATH, 'index.html', 'api/v2/summary.json']);
    expect(second).toMatchObject({ sent: 2, skipped: 1 });
    expect(m.files.get('index.html')?.body).toBe('page two');
  });

  it('sends everything again when someone else published since our last write', async () => {
    const m = memoryTarget();
    const first = await publishSite({ target: m.target, build: buildWith('one') });
    m.put(STATE_PATH, JSON.stringify(state()));
    m.writes.length = 0;
    await publishSite({ target: m.target, build: buildWith('one'), last: first });
    expect(m.writes.sort()).toEqual([STATE_PATH, 'api/v2/summary.json', 'incidents/a.html', 'index.html'].sort());
  });

  it('builds from what the site holds, and rebuilds when another publisher wins the race', async () => {
    const m = memoryTarget();
    m.put(STATE_PATH, JSON.stringify({ ...state(), updated_at: '2026-11-28T08:00:00.000Z' }));
    let raced = false;
    m.beforeWrite = (path) => {
      if (path === STATE_PATH && !raced) {
        raced = true;
        m.put(STATE_PATH, JSON.stringify({ ...state(), updated_at: '2026-11-28T08:30:00.000Z' }));
      }
    };
    const seen: (SiteState | undefined)[] = [];
    await publishSite({ target: m.target, build: buildWith('mine', seen) });
    expect(seen.map((s) => s?.updated_at)).toEqual(['2026-11-28T08:00:00.000Z', '2026-11-28T08:30:00.000Z']);
  });

  it('refuses to overwrite a site whose state file is not one Sitrep wrote', async () => {
    const m = memoryTarget();
    m.put(STATE_PATH, '{"hello":"world"}');
    await expect(publishSite({ target: m.target, build: buildWith('one') })).rejects.toThrow(/not one Sitrep can read/);
    expect(m.writes).toEqual([]);
  });

  it('fails as unreachable, writing nothing, when the target is down', async () => {
    const m = memoryTarget();
    m.down = true;
    await expect(publishSite({ target: m.target, build: buildWith('one') })).rejects.toMatchObject({ kind: 'unreachable', retry: true });
  });

  it('gives a batch target (a Git commit) the state and the changed files at once, on the version read', async () => {
    const m = memoryTarget({ batch: true });
    const first = await publishSite({ target: m.target, build: buildWith('one') });
    expect(m.batches).toEqual([[STATE_PATH, 'index.html', 'incidents/a.html', 'api/v2/summary.json']]);
    await publishSite({ target: m.target, build: buildWith('two'), last: first });
    expect(m.batches[1]).toEqual([STATE_PATH, 'index.html', 'api/v2/summary.json']);
    expect(m.writes).toEqual([]);
  });

  it.each([
    ['its own state, byte for byte: taken as written', (body: string) => body, 0],
    ['a state one byte off what it wrote: checked in full', (body: string) => body.replace('"version":1', '"version":1 '), 1],
    ["another publisher's state: checked in full", () => JSON.stringify({ ...state(), updated_at: '2026-11-28T08:59:00.000Z' }), 1],
  ])('reading back %s', async (_, readBack, checks) => {
    const m = memoryTarget();
    const own = (at: string) => () => [file('index.html', 'page'), file(STATE_PATH, JSON.stringify({ ...state(), updated_at: at }))];
    await publishSite({ target: m.target, build: own('2026-11-28T09:01:00.000Z') });
    const body = readBack(m.files.get(STATE_PATH)!.body);
    m.put(STATE_PATH, body);
    const safeParse = vi.spyOn(SiteState, 'safeParse');
    try {
      const seen: (SiteState | undefined)[] = [];
      await publishSite({ target: m.target, build: (previous) => (seen.push(previous), own('2026-11-28T09:02:00.000Z')()) });
      expect(safeParse).toHaveBeenCalledTimes(checks);
      expect(seen[0]).toEqual(JSON.parse(body));
    } finally {
      safeParse.mockRestore();
    }
  });
});
