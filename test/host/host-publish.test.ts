import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rawRequest, startTestHost, validSummary, validSummaryText, type TestHost } from './host-fixture';

// Publishing over real HTTP: who may write, what, and how two writers are kept from erasing
// each other.

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({ maxBodyBytes: 64 * 1024 });
});
afterAll(() => host.stop());

const onDisk = (path: string) => readFile(join(host.siteDir, path), 'utf8');

describe('the token', () => {
  it.each<[string, Record<string, string>]>([
    ['no Authorization header', {}],
    ['a wrong token', { Authorization: 'Bearer wrong-token-wrong-token-wrong-token-wrong' }],
    ['the right token in another scheme', { Authorization: 'Basic dXNlcjpwYXNz' }],
    ['a token with characters no token has', { Authorization: 'Bearer <script>' }],
    ['the right token with one character changed', {}],
  ])('refuses %s with the same 401 and a challenge', async (label, headers) => {
    if (label.includes('one character changed')) headers = { Authorization: `Bearer ${host.token.slice(0, -1)}${host.token.endsWith('A') ? 'B' : 'A'}` };
    const response = await fetch(host.at('api/v2/summary.json'), { method: 'PUT', body: validSummaryText(), headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer realm="sitrep"');
    const body = await response.text();
    expect(body).toBe('A valid publish token is required (Authorization: Bearer <token>).\n');
    expect(body).not.toContain(host.token);
    expect(await readdir(host.siteDir)).not.toContain('api');
  });

  it('refuses a DELETE without the token too', async () => {
    await host.put('sitrep-probe.txt', 'probe');
    const response = await fetch(host.at('sitrep-probe.txt'), { method: 'DELETE' });
    expect(response.status).toBe(401);
    expect(await onDisk('sitrep-probe.txt')).toBe('probe');
  });

  it('accepts the right token, answering 201 with the new ETag, then 204 on replacing', async () => {
    const created = await host.put('api/v2/status.json', JSON.stringify({ page: validSummary().page, status: { indicator: 'none', description: 'All good' } }));
    expect(created.status).toBe(201);
    const etag = created.headers.get('ETag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect((await host.get('api/v2/status.json')).headers.get('ETag')).toBe(etag);

    const replaced = await host.put('api/v2/status.json', JSON.stringify({ page: validSummary().page, status: { indicator: 'minor', description: 'Slow' } }));
    expect(replaced.status).toBe(204);
    expect(replaced.headers.get('ETag')).not.toBe(etag);
    expect(JSON.parse(await onDisk('api/v2/status.json')).status.indicator).toBe('minor');
  });
});

describe('which files may be written', () => {
  it.each([
    'api/v2/summary.json',
    'api/v2/incidents/unresolved.json',
    'index.html',
    'history.atom',
    'history.rss',
    'incidents/abc_DEF-123.html',
    'sitrep-banner.js',
    'sitrep-status.js',
    'sitrep-probe.txt',
  ])('accepts %s', async (path) => {
    const body = path.endsWith('.json')
      ? path.includes('unresolved')
        ? JSON.stringify({ page: validSummary().page, incidents: validSummary().incidents })
        : validSummaryText()
      : `<!-- ${path} -->`;
    const response = await host.put(path, body);
    expect(response.status).toBeLessThan(300);
    expect(await onDisk(path)).toBe(body);
  });

  it.each([
    'api/v2/other.json',
    'notes.txt',
    'incidents/a.b.html',
    `incidents/${'x'.repeat(65)}.html`,
    'incidents/abc.json',
    'api/v2/summary.json/',
    '.publish-token',
    'index.htm',
    'demo/index.html',
  ])('refuses %s with 404, writing nothing', async (path) => {
    const before = await readdir(host.siteDir, { recursive: true });
    const response = await fetch(`${host.url}${path}`, { method: 'PUT', body: '<p>x</p>', headers: { Authorization: `Bearer ${host.token}` } });
    expect(response.status).toBe(404);
    expect(await readdir(host.siteDir, { recursive: true })).toEqual(before);
  });

  it.each([
    '/../publish-token',
    '/api/v2/../../../publish-token',
    '/%2e%2e/publish-token',
    '/%2E%2E/%2e%2e/publish-token',
    '/..%2fpublish-token',
    '/api%2f..%2f..%2fpublish-token',
    '/..%5cpublish-token',
    '/..\\publish-token',
    '/api/v2/summary.json%00',
    '//publish-token',
  ])('refuses a PUT to %s, sent raw, leaving the token file alone', async (target) => {
    const auth = `Authorization: Bearer ${host.token}\r\nContent-Length: 6\r\n`;
    const response = await rawRequest(host.url, target, 'PUT', auth, 'stolen');
    expect([400, 404]).toContain(response.status);
    expect(await readFile(host.tokenPath, 'utf8')).toBe(`${host.token}\n`);
    expect(await readdir(host.dataDir)).toEqual(['publish-token', 'site']);
  });

  it('writes nothing through a symlink that leads out of the site', async () => {
    const own = await startTestHost();
    const outside = join(own.dataDir, 'outside');
    await mkdir(outside);
    await symlink(outside, join(own.siteDir, 'incidents'));
    await writeFile(join(outside, 'token.html'), 'theirs');
    await symlink(join(outside, 'token.html'), join(own.siteDir, 'history.rss'));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const path of ['incidents/escape.html', 'history.rss']) {
        const response = await own.put(path, '<p>escaped</p>');
        expect(response.status).toBe(500);
        expect(await response.text()).toBe('The host could not complete the request\n');
      }
      expect(await readdir(outside)).toEqual(['token.html']);
      expect(await readFile(join(outside, 'token.html'), 'utf8')).toBe('theirs');
    } finally {
      quiet.mockRestore();
      await own.stop();
    }
  });

  it('deletes the probe file and nothing else', async () => {
    await host.put('sitrep-probe.txt', 'probe');
    const auth = { Authorization: `Bearer ${host.token}` };
    const deleted = await fetch(host.at('sitrep-probe.txt'), { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(204);
    expect((await host.get('sitrep-probe.txt')).status).toBe(404);
    expect((await fetch(host.at('sitrep-probe.txt'), { method: 'DELETE', headers: auth })).status).toBe(404);

    await host.put('index.html', '<p>home</p>');
    const refused = await fetch(host.at('index.html'), { method: 'DELETE', headers: auth });
    expect(refused.status).toBe(405);
    expect(await onDisk('index.html')).toBe('<p>home</p>');
  });

  it('answers other methods with 405 and what is allowed', async () => {
    const response = await fetch(host.at('api/v2/summary.json'), { method: 'POST', body: '{}', headers: { Authorization: `Bearer ${host.token}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD, PUT, DELETE');
  });
});

describe('what a body may be', () => {
  it.each<[string, string, string | Uint8Array<ArrayBuffer>, RegExp]>([
    ['not JSON', 'api/v2/summary.json', '{"page": ', /^api\/v2\/summary\.json is not valid JSON\n$/],
    ['JSON of the wrong shape', 'api/v2/status.json', '[]', /^api\/v2\/status\.json: Invalid input: expected object, received array\n$/],
    [
      'a summary failing the schema',
      'api/v2/summary.json',
      validSummaryText((d) => Object.assign(d.incidents[0], { status: 'resolved' })),
      /^api\/v2\/summary\.json at incidents\[0\]\.status: Only unresolved incidents belong here, not resolved ones\n$/,
    ],
    [
      'a summary with a field Statuspage has and Sitrep does not publish',
      'api/v2/summary.json',
      validSummaryText((d) => Object.assign(d.page, { logo: 'x' })),
      /^api\/v2\/summary\.json at page: Unrecognized key: "logo"\n$/,
    ],
    ['a site state of another format', 'sitrep-site.json', JSON.stringify({ format: 'other' }), /^sitrep-site\.json at format: /],
    ['a page that is not UTF-8', 'index.html', new Uint8Array([0x3c, 0x70, 0x3e, 0xff, 0xfe]), /^index\.html is not UTF-8 text\n$/],
  ])('refuses %s with 422 and one line naming the file and the problem', async (_label, path, body, message) => {
    const response = await host.put(path, body);
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).toMatch(message);
    expect(text.trim().split('\n')).toHaveLength(1);
  });

  it('keeps the published file when a later body is refused', async () => {
    const good = validSummaryText();
    expect((await host.put('api/v2/summary.json', good)).status).toBeLessThan(300);
    expect((await host.put('api/v2/summary.json', '{"page":')).status).toBe(422);
    expect(await onDisk('api/v2/summary.json')).toBe(good);
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = `<p>${'x'.repeat(64 * 1024)}</p>`;
    const declared = await host.put('index.html', big);
    expect(declared.status).toBe(413);
    expect(await declared.text()).toBe('The body is larger than the host takes (64 KB)\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(1024)));
        controller.close();
      },
    });
    const streamed = await fetch(host.at('index.html'), {
      method: 'PUT',
      body: stream,
      duplex: 'half',
      headers: { Authorization: `Bearer ${host.token}` },
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await onDisk('index.html')).not.toContain('yyyy');
  });

  it('accepts a body just under the limit', async () => {
    const body = `<p>${'x'.repeat(64 * 1024 - 7)}</p>`;
    expect(Buffer.byteLength(body)).toBe(64 * 1024);
    expect((await host.put('index.html', body)).status).toBeLessThan(300);
  });
});

describe('If-Match and If-None-Match', () => {
  it('refuses a write based on an old version with 412 and the current ETag', async () => {
    const first = await host.put('history.atom', '<feed>1</feed>');
    const read = first.headers.get('ETag')!;
    const second = await host.put('history.atom', '<feed>2</feed>', { 'If-Match': read });
    expect(second.status).toBe(204);
    const stale = await host.put('history.atom', '<feed>3</feed>', { 'If-Match': read });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('ETag')).toBe(second.headers.get('ETag'));
    expect(await stale.text()).toMatch(/^history\.atom has changed since you read it/);
    expect(await onDisk('history.atom')).toBe('<feed>2</feed>');
  });

  it('refuses If-Match on a file that does not exist', async () => {
    expect((await host.put('incidents/never.html', '<p>x</p>', { 'If-Match': '"abc"' })).status).toBe(412);
  });

  it('treats a weak tag as no match for a write', async () => {
    const etag = (await host.put('history.rss', '<rss>1</rss>')).headers.get('ETag')!;
    expect((await host.put('history.rss', '<rss>2</rss>', { 'If-Match': `W/${etag}` })).status).toBe(412);
  });

  it('creates with If-None-Match: * only when there is no file yet', async () => {
    expect((await host.put('incidents/first.html', '<p>a</p>', { 'If-None-Match': '*' })).status).toBe(201);
    expect((await host.put('incidents/first.html', '<p>b</p>', { 'If-None-Match': '*' })).status).toBe(412);
    expect(await onDisk('incidents/first.html')).toBe('<p>a</p>');
  });

  it('lets exactly one of two concurrent writers holding the same ETag win', async () => {
    const etag = (await host.put('sitrep-site.json', siteState('2026-01-01T00:00:00.000Z'))).headers.get('ETag')!;
    for (let round = 0; round < 5; round++) {
      const current = round === 0 ? etag : (await host.get('sitrep-site.json')).headers.get('ETag')!;
      const bodies = [siteState(`2026-01-0${round + 2}T00:00:00.000Z`), siteState(`2026-02-0${round + 2}T00:00:00.000Z`)];
      const answers = await Promise.all(bodies.map((body) => host.put('sitrep-site.json', body, { 'If-Match': current })));
      expect(answers.map((r) => r.status).sort()).toEqual([204, 412]);
      const winner = answers.findIndex((r) => r.status === 204);
      expect(await onDisk('sitrep-site.json')).toBe(bodies[winner]);
    }
  });
});

describe('CORS for a publisher on another origin', () => {
  it('answers the preflight of a PUT with Authorization and If-Match', async () => {
    const response = await fetch(host.at('api/v2/summary.json'), {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abcdefghijklmnop',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,if-match,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Methods')?.split(',')).toEqual(expect.arrayContaining(['PUT', 'DELETE']));
    expect(response.headers.get('Access-Control-Allow-Headers')?.toLowerCase().split(',')).toEqual(
      expect.arrayContaining(['authorization', 'if-match', 'if-none-match', 'content-type']),
    );
  });

  it('exposes the ETag of a PUT to the publishing page', async () => {
    const response = await host.put('sitrep-probe.txt', 'x', { Origin: 'chrome-extension://abcdefghijklmnop' });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Expose-Headers')).toBe('ETag');
  });
});

function siteState(updatedAt: string) {
  return JSON.stringify({ format: 'sitrep-site', version: 1, updated_at: updatedAt, components: [], incidents: [], scheduled_maintenances: [] });
}
