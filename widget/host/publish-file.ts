import { lstat, mkdir, readFile, realpath } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { removeFileDurably, writeFileAtomic, type AtomicWriteHooks } from './atomic-write';
import { entityTagOf, preconditionsHold } from './entity-tag';
import type { PathLock } from './path-lock';

// A publisher's write or delete of one site file, under the file's lock: read the current
// version, check the request's preconditions against it, then replace it atomically.

export interface Preconditions {
  ifMatch: string | undefined;
  ifNoneMatch: string | undefined;
}

export type PublishOutcome =
  { outcome: 'created' | 'replaced' | 'deleted'; etag?: string } | { outcome: 'precondition-failed'; etag?: string } | { outcome: 'missing' };

export interface SiteWriter {
  root: string;
  lock: PathLock;
  hooks?: AtomicWriteHooks;
}

/** The current bytes at `path`, `undefined` when there is no file; anything but a regular file is refused. */
async function currentBytes(path: string): Promise<Uint8Array | undefined> {
  let stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!stats.isFile()) throw new Error(`${path} is not a regular file`);
  return readFile(path);
}

/** The absolute path of `relative` (checked by `publishable`), its folder made and proven to lie inside the site. */
async function targetPath(root: string, relative: string): Promise<string> {
  const target = join(root, ...relative.split('/'));
  await mkdir(dirname(target), { recursive: true });
  const folder = await realpath(dirname(target));
  if (folder !== root && !folder.startsWith(root + sep)) throw new Error(`The folder of ${relative} lies outside the site`);
  return target;
}

export function putSiteFile(site: SiteWriter, relative: string, bytes: Uint8Array, conditions: Preconditions): Promise<PublishOutcome> {
  return site.lock(relative, async () => {
    const target = await targetPath(site.root, relative);
    const current = await currentBytes(target);
    const currentTag = current && entityTagOf(current);
    if (!preconditionsHold(currentTag, conditions.ifMatch, conditions.ifNoneMatch)) {
      return { outcome: 'precondition-failed', ...(currentTag && { etag: currentTag }) };
    }
    const etag = entityTagOf(bytes);
    // The same bytes again (a retried publish) change nothing on disk.
    if (etag !== currentTag) await writeFileAtomic(target, bytes, site.hooks);
    return { outcome: current ? 'replaced' : 'created', etag };
  });
}

export function deleteSiteFile(site: SiteWriter, relative: string, conditions: Preconditions): Promise<PublishOutcome> {
  return site.lock(relative, async () => {
    const target = await targetPath(site.root, relative);
    const current = await currentBytes(target);
    if (!current) return { outcome: 'missing' };
    const currentTag = entityTagOf(current);
    if (!preconditionsHold(currentTag, conditions.ifMatch, conditions.ifNoneMatch)) return { outcome: 'precondition-failed', etag: currentTag };
    await removeFileDurably(target);
    return { outcome: 'deleted' };
  });
}
