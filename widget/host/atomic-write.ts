import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// A published file is replaced whole or not at all: the new bytes go to a temporary file in the
// same folder (same file system, so the rename is atomic), are flushed to disk, and only then
// renamed over the old name; the folder is flushed too so the rename survives a power cut. A
// process killed at any point leaves either the old file or the new one, plus at worst a
// temporary file that no request can reach (dot-files are never served) and the next start
// sweeps away.

export interface AtomicWriteHooks {
  /** Runs once the temporary file is on disk, just before the rename; tests fail or stall here. */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

const tempPathFor = (path: string) => join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

/** Flushes a folder's entries (a rename, an unlink) to disk where the platform allows it. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some platforms and file systems cannot fsync a directory; the rename is still atomic.
    if (!['EISDIR', 'EINVAL', 'EPERM', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/** Replaces `path` with `bytes` atomically and durably; the folder must exist. */
export async function writeFileAtomic(path: string, bytes: Uint8Array, hooks: AtomicWriteHooks = {}): Promise<void> {
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await hooks.beforeRename?.(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Removes `path` and flushes its folder; false when there was nothing to remove. */
export async function removeFileDurably(path: string): Promise<boolean> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  await syncFolder(dirname(path));
  return true;
}

/** Deletes the temporary files writes killed before their rename left under `folder`; returns how many. */
export async function sweepTempFiles(folder: string): Promise<number> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  const leftovers = entries.filter((entry) => entry.isFile() && TEMP_FILE.test(entry.name));
  await Promise.all(leftovers.map((entry) => rm(join(entry.parentPath, entry.name), { force: true })));
  return leftovers.length;
}
