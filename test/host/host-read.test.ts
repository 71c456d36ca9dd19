import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestHost, validSummaryText, type TestHost } from './host-fixture';

// Reading the site over real HTTP, as a banner on another origin and a visitor's browser do.

let host: TestHost;
const files: Record<string, string> = {
  'index.html': '<!doctype html><title>Status</title><p>All good</p>',
  'api/v2/summary.json': validSummaryText(),
  'history.atom': '<feed xmlns="http://www.w3.org/2005/Atom"></feed>',
  'history.rss': '<rss version="2.0"></rss>',
  'sitrep-banner.js': 'export {};',
  'sitrep-probe.txt': 'probe',
  'incidents/abc.html': '<!doctype html><title>Incident</title>',
};

beforeAll(async () => {
  host = await startTestHost();
  for (const [path, body] of Object.entries(files)) expect((await host.put(path, body)).status).toBe(201);
});
afterAll(() => host.stop());

describe('files', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache', 'index.html'],
    ['/index.html', 'text/html; charset=utf-8', 'no-cache', 'index.html'],
    ['/api/v2/summary.json', 'application/json; charset=utf-8', 'no-cache', 'api/v2/summary.json'],
    ['/history.atom', 'application/atom+xml; charset=utf-8', 'no-cache', 'history.atom'],
    ['/history.rss', 'application/rss+xml; charset=utf-8', 'no-cache', 'history.rss'],
    ['/sitrep-banner.js', 'text/javascript; charset=utf-8', 'public, max-age=300', 'sitrep-banner.js'],
    ['/sitrep-probe.txt', 'text/plain; charset=utf-8', 'no-cache', 'sitrep-probe.txt'],
    ['/incidents/abc.html', 'text/html; charset=utf-8', 'no-cache', 'incidents/abc.html'],
  ])('GET %s is %s, Cache-Control %s, with a strong ETag', async (path, type, cacheControl, file) => {
    const response = await host.get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(response.headers.get('Cache-Control')).toBe(cacheControl);
    expect(response.headers.get('ETag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe(files[file]);
  });

  it('answers 304 while a file is unchanged, and 200 once it changed', async () => {
    const first = await host.get('api/v2/summary.json');
    const etag = first.headers.get('ETag')!;
    const again = await host.get('api/v2/summary.json', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe('no-cache');
    // A 304 refreshes the cached response's headers; it must not bring a policy the page did not have.
    expect(again.headers.get('Content-Security-Policy')).toBeNull();

    expect((await host.get('api/v2/summary.json', { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
    expect((await host.get('api/v2/summary.json', { 'If-None-Match': '"other"' })).status).toBe(200);

    await host.put(
      'api/v2/summary.json',
      validSummaryText((d) => Object.assign(d.status, { description: 'Changed' })),
    );
    const changed = await host.get('api/v2/summary.json', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await host.get('history.atom');
    const head = await fetch(host.at('history.atom'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('ETag')).toBe(get.headers.get('ETag'));
    expect(head.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    expect(await head.text()).toBe('');
  });

  it('tells browsers not to frame, sniff or let pages load anything but their own', async () => {
    const page = await host.get('/');
    expect(page.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers.get('X-Frame-Options')).toBe('DENY');
    expect(page.headers.get('Strict-Transport-Security')).toBeNull();
    const feed = await host.get('api/v2/summary.json');
    expect(feed.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    // Banners on other sites load these files.
    expect(feed.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
  });

  it("admits the hashes of a page's own inline script and style into the header policy", async () => {
    const meta = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'sha256-AAAA+/BB=' https://cdn.example; style-src 'sha256-CCCC' 'unsafe-inline'">`;
    await host.put('incidents/csp.html', `<!doctype html><head>${meta}</head>`);
    const policy = (await host.get('incidents/csp.html')).headers.get('Content-Security-Policy')!;
    expect(policy).toContain("script-src 'self' 'sha256-AAAA+/BB='; ");
    expect(policy).toContain("style-src 'self' 'sha256-CCCC' 'unsafe-inline'; ");
    expect(policy).not.toContain('cdn.example');
  });
});

describe('CORS for banners on other origins', () => {
  it('lets any origin read a feed and its ETag', async () => {
    const response = await host.get('api/v2/summary.json', { Origin: 'https://shop.example' });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Expose-Headers')).toBe('ETag');
  });

  it('answers the preflight conditional requests need', async () => {
    const response = await fetch(host.at('api/v2/summary.json'), {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match,if-modified-since' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Headers')?.toLowerCase().split(',')).toEqual(
      expect.arrayContaining(['if-none-match', 'if-modified-since']),
    );
    expect(response.headers.get('Access-Control-Max-Age')).toBe('600');
  });
});

describe('what is not served', () => {
  it.each(['/nope.json', '/api/v2/nothing.json', '/incidents/none.html', '/favicon.ico', '/index.html/', '/api/v2/summary.json/x'])(
    '%s is 404',
    async (path) => {
      expect((await host.get(path)).status).toBe(404);
    },
  );

  it.each(['/api/', '/api/v2/', '/incidents/', '/api', '/incidents'])('the folder %s is 404, never a listing', async (path) => {
    const response = await host.get(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('summary.json');
  });

  it('sends a folder with an index.html to its trailing slash', async () => {
    await mkdir(join(host.siteDir, 'docs'));
    await writeFile(join(host.siteDir, 'docs/index.html'), '<p>docs</p>');
    const response = await fetch(host.at('docs'), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('Location')).toBe('/docs/');
    expect(await (await host.get('docs/')).text()).toBe('<p>docs</p>');
  });

  it.each([
    '/../publish-token',
    '/api/v2/../../../publish-token',
    '/%2e%2e/publish-token',
    '/%2E%2e/%2e%2E/etc/passwd',
    '/..%2fpublish-token',
    '/api%2f..%2f..%2fpublish-token',
    '/..%5cpublish-token',
    '/..\\publish-token',
    '/index.html%00.json',
    '/a\u0000b',
    '/%00',
    '//etc/passwd',
  ])('a raw request for %j stays in the site', async (target) => {
    const response = await rawRequest(host.url, target);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain(host.token);
  });

  it('reads a query string as no part of the path', async () => {
    const response = await rawRequest(host.url, '/api/v2/summary.json?../../publish-token');
    expect(response.status).toBe(200);
    expect(response.body).not.toContain(host.token);
  });

  it('does not follow a symlink out of the site, to a file or a folder', async () => {
    await symlink(host.tokenPath, join(host.siteDir, 'token.txt'));
    await symlink(host.dataDir, join(host.siteDir, 'data'));
    for (const path of ['token.txt', 'data/publish-token']) {
      const response = await host.get(path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(host.token);
    }
  });

  it('follows a symlink that stays inside the site', async () => {
    await symlink(join(host.siteDir, 'history.atom'), join(host.siteDir, 'feed.atom'));
    expect(await (await host.get('feed.atom')).text()).toBe(files['history.atom']);
  });

  it('never serves a temporary file of an unfinished write, or any dot-file', async () => {
    await writeFile(join(host.siteDir, '.index.html.0123456789ab.tmp'), '<p>half</p>');
    await writeFile(join(host.siteDir, '.hidden.json'), '{}');
    expect((await host.get('.index.html.0123456789ab.tmp')).status).toBe(404);
    expect((await host.get('.hidden.json')).status).toBe(404);
  });
});
