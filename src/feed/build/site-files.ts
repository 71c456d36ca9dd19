import type * as z from 'zod';

/** One file of the published site, ready for any target. */
export interface SiteFile {
  /** Relative to the site root, no leading slash: `api/v2/summary.json`, `incidents/<id>.html`. */
  path: string;
  body: string;
  contentType: string;
  cacheControl: string;
}

/**
 * Status must reach readers within a poll or two: the widget polls every 60 s (15 s at least), so
 * documents, pages and feeds may be cached for 30 s, enough for a CDN to absorb a crowd during an
 * outage, short enough that an update shows up promptly. ETags (set by the host) make the
 * revalidation after that a cheap 304.
 */
export const LIVE_CACHE = 'public, max-age=30';
/**
 * sitrep-site.json is what the next publisher reads back and merges with: a cached copy would make
 * it drop an incident another incident manager published seconds ago, so it is always revalidated.
 */
export const STATE_CACHE = 'no-cache';

export const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;

/**
 * A JSON document, checked against its schema before it can be published; `stringify` must write
 * what `JSON.stringify` writes. Throws naming the file
 * and the first wrong field's path (never its value: the message may reach logs).
 */
export function jsonFile<T>(path: string, schema: z.ZodType<T>, doc: T, cacheControl = LIVE_CACHE, stringify: (doc: T) => string = JSON.stringify): SiteFile {
  const result = schema.safeParse(doc);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : '(document)';
    const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
    throw new Error(`Site file ${path} is not valid at ${where}: ${issue.message}${more}`);
  }
  return { path, body: stringify(doc), contentType: CONTENT_TYPES.json, cacheControl };
}
