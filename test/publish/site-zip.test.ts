import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite, type SiteFile, type SiteInput } from '../../src/feed/build';
import { buildSiteZip } from '../../src/publish/site-zip';

// Info-ZIP's unzip and Python's zipfile: two standard readers that share no code with fflate.
const hasUnzip = spawnSync('unzip', ['-v']).status === 0;
const hasPython = spawnSync('python3', ['-c', 'import zipfile']).status === 0;

const NOW = new Date('2026-11-28T09:30:00.000Z');

function site(): SiteFile[] {
  const input: SiteInput = {
    page: { id: 'sitrep', name: 'Acme status', url: 'https://status.example.com', timeZone: 'Etc/UTC' },
    components: [{ id: 'api', name: 'API', description: '', order: 0, status: 'major_outage', updatedAt: '2026-11-28T09:05:00.000Z' }],
    incidents: [
      {
        id: 'inc-1',
        name: 'Paiements en échec ✗',
        impact: 'major',
        status: 'identified',
        startedAt: '2026-11-28T09:00:00.000Z',
        updates: [
          {
            id: 'inc-1-u0',
            status: 'investigating',
            body: 'We are looking into failed payments.',
            at: '2026-11-28T09:05:00.000Z',
            components: [{ id: 'api', name: 'API', from: 'operational', to: 'major_outage' }],
          },
          { id: 'inc-1-u1', status: 'identified', body: 'A bad deploy; rolling back. 日本語も。', at: '2026-11-28T09:06:00.000Z', components: [] },
        ],
      },
    ],
    maintenances: [],
    historyDays: 90,
    now: NOW,
  };
  return [
    ...buildSite(input).files,
    {
      path: 'sitrep-banner.js',
      body: 'export const banner = "ü ✓";\n'.repeat(200),
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: 'public, max-age=300',
    },
    { path: 'incidents/café.html', body: '', contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=30' },
  ];
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
function writeZip(bytes: Uint8Array): string {
  const file = join(dir, `site-${++count}.zip`);
  writeFileSync(file, bytes);
  return file;
}

// The DOS time in a zip is local time: build in a zone with DST, restore the zone after.
const zone = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const unzip = (args: string[], env: Record<string, string> = {}) =>
  execFileSync('unzip', args, { env: { ...process.env, LC_ALL: 'C.UTF-8', ...env }, maxBuffer: 64 << 20 });

describe.skipIf(!hasUnzip)('the site zip, opened with Info-ZIP unzip', () => {
  it('holds every file under its path, byte for byte, and passes unzip’s own test', () => {
    const files = site();
    const zip = writeZip(buildSiteZip(files, NOW));
    expect(unzip(['-t', zip]).toString()).toMatch(/No errors detected/);
    const listed = unzip(['-Z1', zip]).toString().split('\n').filter(Boolean);
    expect(listed).toEqual(files.map((f) => f.path));
    for (const file of files) {
      expect({ path: file.path, bytes: unzip(['-p', zip, file.path]).toString('base64') }).toEqual({
        path: file.path,
        bytes: Buffer.from(file.body, 'utf8').toString('base64'),
      });
    }
  });

  it.each([
    { now: NOW.toISOString() },
    // Past 2038 the extended timestamp is left out; names and modes must not depend on it.
    { now: '2040-03-01T12:00:00.000Z' },
  ])('unzips into a folder: every file at its path, readable by all, names in UTF-8 (made $now)', ({ now }) => {
    const files = site();
    const zip = writeZip(buildSiteZip(files, new Date(now)));
    const out = mkdtempSync(join(dir, 'out-'));
    unzip(['-q', zip, '-d', out]);
    for (const file of files) {
      const path = join(out, ...file.path.split('/'));
      expect({ path: file.path, body: readFileSync(path, 'utf8'), mode: (statSync(path).mode & 0o777).toString(8) }).toEqual({
        path: file.path,
        body: file.body,
        mode: '644',
      });
    }
  });

  it.each([
    // Winter and summer in New York (where it was built); read in Berlin: the extended timestamp is the instant.
    { now: '2026-11-28T09:30:00.000Z', berlin: '2026-11-28 10:30' },
    { now: '2026-07-01T12:00:00.000Z', berlin: '2026-07-01 14:00' },
  ])('dates every file $now, whatever zone reads it', ({ now, berlin }) => {
    const zip = writeZip(buildSiteZip(site(), new Date(now)));
    const dates = unzip(['-l', zip], { TZ: 'Europe/Berlin' })
      .toString()
      .split('\n')
      .flatMap((line) => /^\s*\d+\s+(\d{4}-\d\d-\d\d \d\d:\d\d)\s/.exec(line)?.[1] ?? []);
    expect(dates).toEqual(site().map(() => berlin));
  });

  it('is much smaller than the site: text deflates', () => {
    const files = site();
    const bytes = buildSiteZip(files, NOW);
    const total = files.reduce((sum, f) => sum + Buffer.byteLength(f.body, 'utf8'), 0);
    // Measured: these 37 kB of files make a 12 kB zip (33%), headers included; stored, it would pass 38 kB.
    expect(bytes.length).toBeLessThan(total * 0.4);
    const methods = unzip(['-v', writeZip(bytes)])
      .toString()
      .split('\n')
      .flatMap((line) => /^\s*\d+\s+(\S+)\s+\d+\s+\d+%/.exec(line)?.[1] ?? []);
    expect(methods).toEqual(files.map(() => 'Defl:N'));
  });
});

if (!hasUnzip) {
  describe('the site zip, opened with Info-ZIP unzip', () => {
    it.skip('needs unzip (apt-get install unzip; npm test installs it when run as root with apt)', () => {});
  });
}

describe.skipIf(!hasPython)('the site zip, opened with Python’s zipfile', () => {
  it('holds every file byte for byte, names in UTF-8, dated at `now` in local time', () => {
    const files = site();
    const zip = writeZip(buildSiteZip(files, NOW));
    const script = `
import base64, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    print(json.dumps([[i.filename, base64.b64encode(z.read(i)).decode(), list(i.date_time), i.compress_type, bool(i.flag_bits & 0x800)] for i in z.infolist()]))`;
    const entries = JSON.parse(execFileSync('python3', ['-c', script, zip]).toString()) as [string, string, number[], number, boolean][];
    expect(entries.map(([name, body]) => [name, body])).toEqual(files.map((f) => [f.path, Buffer.from(f.body, 'utf8').toString('base64')]));
    // 09:30 UTC is 04:30 in New York, where the zip was built.
    expect(new Set(entries.map(([, , dateTime]) => dateTime.join(' ')))).toEqual(new Set(['2026 11 28 4 30 0']));
    expect(new Set(entries.map(([, , , method]) => method))).toEqual(new Set([8])); // deflate
    expect(entries.find(([name]) => name === 'incidents/café.html')?.[4]).toBe(true); // UTF-8 name flag
  });
});

if (!hasPython) {
  describe('the site zip, opened with Python’s zipfile', () => {
    it.skip('needs python3', () => {});
  });
}

describe('buildSiteZip', () => {
  it('gives the same bytes for the same site at the same instant, and others at another', () => {
    const files = site();
    const first = buildSiteZip(files, NOW);
    expect(Buffer.from(buildSiteZip(site(), new Date(NOW))).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(buildSiteZip(files, new Date(NOW.getTime() + 2000))).equals(Buffer.from(first))).toBe(false);
  });

  it.each(['/etc/passwd', '../outside.html', 'incidents/../../x', 'a//b.html', './index.html', 'a\\b.html', 'incidents/'])(
    'refuses %j, which would unzip outside the site or nameless',
    (path) => {
      expect(() => buildSiteZip([{ path, body: 'x', contentType: 'text/plain', cacheControl: 'no-store' }], NOW)).toThrow(
        `Not a path inside the site: ${JSON.stringify(path)}`,
      );
    },
  );

  it('refuses two files at one path, and does not take a name of Object’s for one', () => {
    const a: SiteFile = { path: 'index.html', body: 'a', contentType: 'text/html', cacheControl: 'no-store' };
    expect(() => buildSiteZip([a, { ...a, body: 'b' }], NOW)).toThrow('The site has two files at index.html');
    expect(
      buildSiteZip(
        [
          { ...a, path: 'constructor' },
          { ...a, path: 'toString' },
        ],
        NOW,
      ).length,
    ).toBeGreaterThan(0);
  });
});
