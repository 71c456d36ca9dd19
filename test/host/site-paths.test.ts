import { describe, expect, it } from 'vitest';
import { cacheControlOf, contentTypeOf, publishable, siteSegments } from '../../widget/host/site-paths';

describe('siteSegments', () => {
  it.each<[string, string[] | undefined]>([
    ['/', ['']],
    ['/index.html', ['index.html']],
    ['/api/v2/summary.json', ['api', 'v2', 'summary.json']],
    ['/demo/', ['demo', '']],
    ['/incidents/abc_DEF-1.html', ['incidents', 'abc_DEF-1.html']],
    ['/..', undefined],
    ['/../x', undefined],
    ['/a/./b', undefined],
    ['/%2e%2e/x', undefined],
    ['/a%2fb', undefined],
    ['/a\\b', undefined],
    ['/a\u0000b', undefined],
    ['/.hidden', undefined],
    ['/.index.html.0123456789ab.tmp', undefined],
    ['//x', undefined],
    ['/a//b', undefined],
    ['/a b', undefined],
    ['/caf\u00e9', undefined],
    ['x', undefined],
    [`/${'a'.repeat(256)}`, undefined],
  ])('%j → %j', (path, segments) => {
    expect(siteSegments(path)).toEqual(segments);
  });
});

describe('publishable', () => {
  it.each([
    ['api/v2/summary.json', 'json'],
    ['api/v2/status.json', 'json'],
    ['api/v2/components.json', 'json'],
    ['api/v2/incidents.json', 'json'],
    ['api/v2/incidents/unresolved.json', 'json'],
    ['api/v2/scheduled-maintenances.json', 'json'],
    ['sitrep-site.json', 'json'],
    ['history.atom', 'text'],
    ['history.rss', 'text'],
    ['index.html', 'text'],
    ['incidents/a.html', 'text'],
    [`incidents/${'a'.repeat(64)}.html`, 'text'],
    ['sitrep-banner.js', 'text'],
    ['sitrep-status.js', 'text'],
    ['sitrep-probe.txt', 'text'],
    ['api/v2/unknown.json', undefined],
    ['incidents/.html', undefined],
    [`incidents/${'a'.repeat(65)}.html`, undefined],
    ['incidents/a/b.html', undefined],
    ['index.html.bak', undefined],
    ['publish-token', undefined],
    ['', undefined],
  ])('%s → %s', (path, kind) => {
    expect(publishable(path)?.kind).toBe(kind);
  });
});

describe('contentTypeOf and cacheControlOf', () => {
  it.each([
    ['api/v2/summary.json', 'application/json; charset=utf-8', 'no-cache'],
    ['index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['history.atom', 'application/atom+xml; charset=utf-8', 'no-cache'],
    ['history.rss', 'application/rss+xml; charset=utf-8', 'no-cache'],
    ['sitrep-banner.js', 'text/javascript; charset=utf-8', 'public, max-age=300'],
    ['sitrep-probe.txt', 'text/plain; charset=utf-8', 'no-cache'],
    ['demo/demo.css', 'text/css; charset=utf-8', 'public, max-age=300'],
    ['assets/app.3f9a1c2e.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['download.bin', 'application/octet-stream', 'no-cache'],
    ['README', 'application/octet-stream', 'no-cache'],
  ])('%s is %s, cached %s', (path, type, cache) => {
    expect(contentTypeOf(path)).toBe(type);
    expect(cacheControlOf(path)).toBe(cache);
  });
});
