import type * as z from 'zod';
import { ComponentsJson, IncidentsJson, ScheduledMaintenancesJson, SiteState, StatusJson, SummaryJson, UnresolvedIncidentsJson } from '../../src/feed/schema';

// Which URL paths the host serves and which it lets a publisher write. A path is checked here,
// as text, before it comes near the file system: only plain segments of letters, digits, `-`,
// `_` and `.` pass, so `..`, `%2e%2e`, `%2f`, backslashes and NUL never reach `path.join`, and
// dot-files (the atomic writer's temporary files) are never served.

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}$/;

/**
 * The segments of a URL pathname as sent (still percent-encoded), or `undefined` when any
 * segment is not a plain name. A trailing slash yields a last segment of `''` (a directory).
 */
export function siteSegments(pathname: string): string[] | undefined {
  if (!pathname.startsWith('/')) return undefined;
  const segments = pathname.slice(1).split('/');
  const last = segments.length - 1;
  const plain = segments.every((segment, i) => (i === last && segment === '') || SEGMENT.test(segment));
  return plain ? segments : undefined;
}

/** The documents a publisher may write; each JSON one is validated with its schema first. */
const JSON_DOCUMENTS: ReadonlyMap<string, z.ZodType> = new Map<string, z.ZodType>([
  ['api/v2/summary.json', SummaryJson],
  ['api/v2/status.json', StatusJson],
  ['api/v2/components.json', ComponentsJson],
  ['api/v2/incidents.json', IncidentsJson],
  ['api/v2/incidents/unresolved.json', UnresolvedIncidentsJson],
  ['api/v2/scheduled-maintenances.json', ScheduledMaintenancesJson],
  ['sitrep-site.json', SiteState],
]);

const TEXT_DOCUMENTS: ReadonlySet<string> = new Set(['history.atom', 'history.rss', 'index.html', 'sitrep-banner.js', 'sitrep-status.js']);

const INCIDENT_PAGE = /^incidents\/[A-Za-z0-9_-]{1,64}\.html$/;

/** The file "Test connection" writes and deletes; the only one a publisher may delete. */
export const PROBE_PATH = 'sitrep-probe.txt';

export type Publishable = { kind: 'json'; schema: z.ZodType } | { kind: 'text' };

/** What a publisher may `PUT` at `path` (relative, no leading slash), or `undefined` for anything else. */
export function publishable(path: string): Publishable | undefined {
  const schema = JSON_DOCUMENTS.get(path);
  if (schema) return { kind: 'json', schema };
  if (TEXT_DOCUMENTS.has(path) || INCIDENT_PAGE.test(path) || path === PROBE_PATH) return { kind: 'text' };
  return undefined;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
};

const extensionOf = (path: string) => /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';

/** With `X-Content-Type-Options: nosniff`, an unknown type is never run as a script or page. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extensionOf(path)] ?? 'application/octet-stream';
}

/** A name carrying its content hash (`app.3f9a1c2e.js`) never changes, so it may be cached for good. */
const CONTENT_HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;

/**
 * Feeds and pages change with every status update and must reach a banner within one poll:
 * caches keep them but ask again each time (a 304 while unchanged). The widget bundles change
 * only when the site is rebuilt, so a product page may reuse them for a few minutes.
 */
export function cacheControlOf(path: string): string {
  if (CONTENT_HASHED.test(path)) return 'public, max-age=31536000, immutable';
  if (['js', 'mjs', 'css', 'svg', 'png', 'ico'].includes(extensionOf(path))) return 'public, max-age=300';
  return 'no-cache';
}
