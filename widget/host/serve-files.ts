import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { entityTagOf } from './entity-tag';
import { contentSecurityPolicyFor } from './html-csp';
import { cacheControlOf, contentTypeOf } from './site-paths';

// Reading a file for a GET: only a regular file whose real path (symlinks resolved) lies inside
// the folder served; a folder answers with its index.html or not at all, never with a listing.

export type ServedFile =
  | { kind: 'file'; bytes: Uint8Array; headers: Record<string, string> }
  | { kind: 'folder' } // a folder named without its trailing slash; the caller redirects
  | { kind: 'missing' };

/** Everything but a page may not load, frame or run anything. */
const NOT_A_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Folder paths whose realpath lies inside `root` (itself a realpath), else `undefined`. */
async function realPathInside(root: string, path: string): Promise<string | undefined> {
  let real;
  try {
    real = await realpath(path);
  } catch {
    return undefined;
  }
  return real === root || real.startsWith(root + sep) ? real : undefined;
}

/**
 * The file at `segments` (from `siteSegments`, already checked) under `root`, a real path.
 * `transform` rewrites a file's text before it is tagged and sent (the demo's moving clock).
 */
export async function readServedFile(root: string, segments: string[], transform?: (text: string) => string): Promise<ServedFile> {
  try {
    return await readInside(root, segments, transform);
  } catch (error) {
    // Deleted between the look-up and the read (the connection probe): gone, not broken.
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return { kind: 'missing' };
    throw error;
  }
}

async function readInside(root: string, segments: string[], transform?: (text: string) => string): Promise<ServedFile> {
  const names = segments.at(-1) === '' ? [...segments.slice(0, -1), 'index.html'] : segments;
  const real = await realPathInside(root, join(root, ...names));
  if (!real) return { kind: 'missing' };
  const stats = await stat(real);
  if (stats.isDirectory()) {
    const index = await realPathInside(root, join(real, 'index.html'));
    return index && (await stat(index)).isFile() ? { kind: 'folder' } : { kind: 'missing' };
  }
  if (!stats.isFile()) return { kind: 'missing' };
  const name = names.join('/');
  let bytes: Uint8Array = await readFile(real);
  if (transform) bytes = new TextEncoder().encode(transform(new TextDecoder().decode(bytes)));
  const type = contentTypeOf(name);
  const isPage = type.startsWith('text/html');
  return {
    kind: 'file',
    bytes,
    headers: {
      'Content-Type': type,
      'Cache-Control': cacheControlOf(name),
      ETag: entityTagOf(bytes),
      'Content-Security-Policy': isPage ? contentSecurityPolicyFor(new TextDecoder().decode(bytes)) : NOT_A_PAGE_POLICY,
    },
  };
}
