import { afterEach, describe, expect, it } from 'vitest';
import { buildSite, type SiteFile, type SiteInput } from '../../src/feed/build';
import type { WebDavTarget } from '../../src/model';
import { publishSite } from '../../src/publish/publish-site';
import { PublishError } from '../../src/publish/target';
import { createWebDavTarget } from '../../src/publish/targets/webdav-target';
import { nginxMissing, startNginx, type TestNginx } from './nginx-server';
import { describeTargetContract } from './target-contract';

// A user name and password beyond Latin-1: Basic auth must send them as UTF-8.
const USER = 'zoë';
const PASSWORD = 'pässwörd ✓ 🔑';
const USERS = { [USER]: PASSWORD };

const NOW = new Date('2026-11-28T09:30:00.000Z');

function config(url: string, username = USER, publicUrl = url): WebDavTarget {
  return { kind: 'webdav', id: 'dav', url, username, publicUrl };
}

function site(url: string): SiteFile[] {
  const input: SiteInput = {
    page: { id: 'sitrep', name: 'Acme status', url, timeZone: 'Etc/UTC' },
    components: [],
    incidents: [
      {
        id: 'inc-1',
        name: 'Payments failing',
        impact: 'major',
        status: 'investigating',
        startedAt: '2026-11-28T09:00:00.000Z',
        updates: [{ id: 'inc-1-u1', status: 'investigating', body: 'Looking into it.', at: '2026-11-28T09:05:00.000Z', components: [] }],
      },
    ],
    maintenances: [],
    historyDays: 90,
    now: NOW,
  };
  return buildSite(input).files;
}

const file = (path: string, body = `<p>${path}</p>\n`): SiteFile => ({
  path,
  body,
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'public, max-age=30',
});

if (nginxMissing) {
  describe('WebDAV (nginx)', () => {
    it.skip('needs Debian nginx at /usr/sbin/nginx (apt-get install nginx-light; npm test installs it when run as root with apt)', () => {});
  });
} else {
  describeTargetContract('WebDAV (nginx)', async () => {
    const nginx = await startNginx({ users: USERS });
    return {
      target: createWebDavTarget(config(nginx.url, USER, nginx.publicUrl), PASSWORD),
      siteUrl: nginx.publicUrl.replace(/\/$/, ''),
      // nginx's dav module ignores If-Match and If-None-Match on PUT (checked: a stale If-Match gets 204).
      conditional: false,
      // nginx picks Content-Type by extension and sends no Cache-Control of the file's.
      keepsCacheControl: false,
      async readPublic(path) {
        const response = await fetch(new URL(path, nginx.publicUrl));
        if (!response.ok) return undefined;
        return { body: await response.text(), contentType: response.headers.get('Content-Type'), cacheControl: response.headers.get('Cache-Control') };
      },
      close: () => nginx.close(),
    };
  });

  describe('WebDAV against nginx', () => {
    let nginx: TestNginx | undefined;
    afterEach(async () => {
      await nginx?.close();
      nginx = undefined;
    });

    it.each([
      {
        name: 'a wrong password',
        open: (n: TestNginx) => createWebDavTarget(config(n.url), 'not the password'),
        expected: {
          kind: 'auth',
          message: expect.stringMatching(/^The server refused the user name or password for http:\/\/127\.0\.0\.1:\d+\/dav\/ \(HTTP 401\)$/),
        },
      },
      {
        name: 'a user nginx does not know',
        open: (n: TestNginx) => createWebDavTarget(config(n.url, 'mallory'), PASSWORD),
        expected: { kind: 'auth', message: expect.stringContaining('The server refused the user name or password') },
      },
      {
        name: 'no user name at all',
        open: (n: TestNginx) => createWebDavTarget(config(n.url, ''), ''),
        expected: {
          kind: 'auth',
          message: expect.stringMatching(/^The server asks for a user name and password for http:\/\/127\.0\.0\.1:\d+\/dav\/: add them/),
        },
      },
      {
        name: 'a folder without WebDAV',
        open: (n: TestNginx) => createWebDavTarget(config(n.noPutUrl), PASSWORD),
        expected: {
          kind: 'config',
          message: expect.stringMatching(/^The server does not accept PUT at http:\/\/127\.0\.0\.1:\d+\/no-put\/: enable WebDAV \(dav_methods PUT/),
        },
      },
      {
        name: 'a file over the upload limit',
        open: (n: TestNginx) => createWebDavTarget(config(n.smallUrl), PASSWORD),
        expected: { kind: 'rejected', message: expect.stringMatching(/^The server refused [\w/.-]+ as too large: raise its upload limit/) },
      },
    ])('says in words what failed with $name, and never the password', async ({ open, expected }) => {
      nginx = await startNginx({ users: USERS });
      const target = open(nginx);
      const error = await publishSite({ target, build: () => site(nginx!.publicUrl) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PublishError);
      expect(error).toMatchObject(expected);
      expect((error as Error).message).not.toContain(PASSWORD);
      expect((error as Error).message).not.toContain('pässwörd');
    });

    it('says a server that is down is unreachable, naming its host', async () => {
      nginx = await startNginx({ users: USERS });
      const { url, origin } = nginx;
      await nginx.close();
      nginx = undefined;
      const error = await createWebDavTarget(config(url), PASSWORD)
        .write(file('index.html'))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({
        kind: 'unreachable',
        message: `Cannot reach the WebDAV server at ${new URL(origin).host}: check the folder URL and the network`,
      });
    });

    it.each([
      { name: 'nginx with create_full_put_path', location: 'url' as const, mkcols: [] as string[] },
      {
        name: 'nginx without it (folders made with MKCOL, as Apache needs)',
        location: 'davNoFullPathUrl' as const,
        mkcols: ['/dav-no-full-path/', '/dav-no-full-path/incidents/', '/dav-no-full-path/incidents/2026/', '/dav-no-full-path/incidents/2026/11/'],
      },
    ])('writes into folders that do not exist yet on $name', async ({ location, mkcols }) => {
      nginx = await startNginx({ users: USERS });
      const target = createWebDavTarget(config(nginx[location]), PASSWORD);
      await target.write(file('incidents/2026/11/inc-1.html'));
      await target.write(file('incidents/2026/11/inc-2.html'));
      expect(await (await fetch(new URL('incidents/2026/11/inc-1.html', nginx.publicUrl))).text()).toBe('<p>incidents/2026/11/inc-1.html</p>\n');
      expect((await target.read('incidents/2026/11/inc-2.html'))?.body).toBe('<p>incidents/2026/11/inc-2.html</p>\n');
      const requests = await nginx.requests();
      expect(requests.filter((r) => r.method === 'MKCOL').map((r) => r.uri)).toEqual(mkcols);
      // The second file's folder exists: one PUT, no MKCOL.
      expect(requests.filter((r) => r.uri.endsWith('inc-2.html')).map((r) => `${r.method} ${r.status}`)).toEqual(['PUT 201', 'GET 200']);
    });

    it('sends the file’s Content-Type and the write’s condition, and encodes each path segment', async () => {
      nginx = await startNginx({ users: USERS });
      const target = createWebDavTarget(config(nginx.url), PASSWORD);
      await target.write(file('incidents/a b#1 100%25.html'), { ifNoneMatch: '*' });
      const { etag } = (await target.read('incidents/a b#1 100%25.html'))!;
      await target.write(file('incidents/a b#1 100%25.html', 'second'), { ifMatch: etag! });
      const puts = (await nginx.requests()).filter((r) => r.method === 'PUT');
      expect(puts).toEqual([
        { method: 'PUT', uri: '/dav/incidents/a b#1 100%25.html', status: 201, ifMatch: '', ifNoneMatch: '*', contentType: 'text/html; charset=utf-8' },
        { method: 'PUT', uri: '/dav/incidents/a b#1 100%25.html', status: 204, ifMatch: etag, ifNoneMatch: '', contentType: 'text/html; charset=utf-8' },
      ]);
      expect(etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    });

    it('deletes a file, and a file already gone is no error', async () => {
      nginx = await startNginx({ users: USERS });
      const target = createWebDavTarget(config(nginx.url), PASSWORD);
      await target.write(file('probe.html'));
      await target.remove('probe.html');
      await target.remove('probe.html');
      expect(await target.read('probe.html')).toBeUndefined();
      expect((await nginx.requests()).filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([204, 404]);
    });

    it('answers a browser’s preflight from an extension origin, before auth, and lets it see errors', async () => {
      nginx = await startNginx({ users: USERS });
      const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
      const preflight = await fetch(new URL('index.html', nginx.url), {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-type,if-match' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(preflight.headers.get('Access-Control-Allow-Methods')).toContain('PUT');
      expect(preflight.headers.get('Access-Control-Allow-Headers')).toMatch(/Authorization.*If-Match/);
      const refused = await fetch(new URL('index.html', nginx.url), { method: 'PUT', body: 'x', headers: { Origin: origin } });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('Access-Control-Allow-Origin')).toBe('*');
    });
  });
}

/** Answers as Apache mod_dav does where nginx answers otherwise; records each request. */
function fakeServer(answer: (method: string, url: string, headers: Headers) => number) {
  const requests: string[] = [];
  const fetchImpl = async (url: string | URL | Request, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    requests.push(`${method} ${String(url)}`);
    const status = answer(method, String(url), new Headers(init?.headers));
    return new Response(status === 204 || status === 201 ? null : 'a server page', { status });
  };
  return { requests, fetchImpl: fetchImpl as typeof fetch };
}

describe('WebDAV answers nginx does not give (Apache mod_dav)', () => {
  it('makes missing folders after a 409, top first, then writes once more', async () => {
    const folders = new Set(['/', '/site/']);
    const server = fakeServer((method, url) => {
      const { pathname } = new URL(url);
      const parent = pathname.replace(/[^/]+\/?$/, '');
      if (!folders.has(parent)) return 409;
      if (method === 'MKCOL') return folders.has(pathname) ? 405 : (folders.add(pathname), 201);
      return 201;
    });
    const target = createWebDavTarget(config('https://dav.example.com/site'), PASSWORD, server.fetchImpl);
    await target.write(file('incidents/2026/inc-1.html'));
    expect(server.requests).toEqual([
      'PUT https://dav.example.com/site/incidents/2026/inc-1.html',
      'MKCOL https://dav.example.com/site/',
      'MKCOL https://dav.example.com/site/incidents/',
      'MKCOL https://dav.example.com/site/incidents/2026/',
      'PUT https://dav.example.com/site/incidents/2026/inc-1.html',
    ]);
  });

  it.each([
    { status: 412, expected: { kind: 'conflict', message: 'Someone else published index.html at the same moment' } },
    {
      status: 301,
      expected: { kind: 'config', message: 'The server redirects https://dav.example.com/site/ elsewhere: set the folder URL to where it leads (https://?)' },
    },
    { status: 404, expected: { kind: 'config', message: 'The server has no folder https://dav.example.com/site/: check the folder URL' } },
    { status: 403, expected: { kind: 'auth', message: 'The server refused the user name or password for https://dav.example.com/site/ (HTTP 403)' } },
    { status: 507, expected: { kind: 'server', message: 'The server at dav.example.com is out of storage space' } },
    { status: 503, expected: { kind: 'server', message: 'The WebDAV server at dav.example.com failed on index.html (HTTP 503); it will be tried again' } },
    { status: 415, expected: { kind: 'rejected', message: 'The server refused PUT index.html (HTTP 415)' } },
  ])('says HTTP $status in words', async ({ status, expected }) => {
    const server = fakeServer(() => status);
    // A token in the folder URL's query (some servers take one) is a secret too: never shown.
    const target = createWebDavTarget(config('https://dav.example.com/site/?token=s3cr3t'), PASSWORD, server.fetchImpl);
    await expect(target.write(file('index.html'))).rejects.toMatchObject(expected);
    expect(server.requests).toEqual(['PUT https://dav.example.com/site/index.html?token=s3cr3t']);
  });

  it('says when the folder itself is missing, and stops', async () => {
    const server = fakeServer(() => 409);
    const target = createWebDavTarget(config('https://dav.example.com/no/such/'), PASSWORD, server.fetchImpl);
    await expect(target.write(file('a/index.html'))).rejects.toMatchObject({
      kind: 'config',
      message: 'The folder https://dav.example.com/no/such/ does not exist on the server, nor does the one above it: create it, or correct the folder URL',
    });
    expect(server.requests).toEqual(['PUT https://dav.example.com/no/such/a/index.html', 'MKCOL https://dav.example.com/no/such/']);
  });

  it.each([
    { username: 'zoë', password: 'pässwörd ✓ 🔑', header: `Basic ${Buffer.from('zoë:pässwörd ✓ 🔑', 'utf8').toString('base64')}` },
    { username: 'ci', password: '', header: 'Basic Y2k6' },
    { username: '', password: 'ignored without a user', header: null },
  ])('sends Basic auth as UTF-8 for user “$username”, only when there is one', async ({ username, password, header }) => {
    let sent: string | null = 'not called';
    const server = fakeServer((_method, _url, headers) => ((sent = headers.get('Authorization')), 201));
    await createWebDavTarget(config('https://dav.example.com/', username), password, server.fetchImpl).write(file('index.html'));
    expect(sent).toBe(header);
  });

  it('refuses a user name with a colon, which Basic auth cannot carry', async () => {
    const server = fakeServer(() => 201);
    await expect(createWebDavTarget(config('https://dav.example.com/', 'a:b'), PASSWORD, server.fetchImpl).write(file('index.html'))).rejects.toMatchObject({
      kind: 'config',
    });
    expect(server.requests).toEqual([]);
  });
});
