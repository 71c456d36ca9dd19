import { strToU8, zipSync, type Zippable } from 'fflate';
import type { SiteFile } from '../feed/build';

/**
 * The whole site as one zip, for any static host (no target needed): every file under its path,
 * deflated (it is all text). Every entry carries `now` as its time, so the same site at the same
 * instant gives the same bytes (in one time zone: the DOS time field is local time, as zip tools
 * write it, for readers that know nothing else; the extended timestamp beside it holds the exact
 * instant for those that do, Info-ZIP and 7-Zip among them).
 */
export function buildSiteZip(files: SiteFile[], now: Date): Uint8Array {
  const extra = extendedTimestamp(now);
  // No prototype, so that the duplicate check sees only files (a file may be called `constructor`).
  const entries = Object.create(null) as Zippable;
  for (const file of files) {
    checkPath(file.path);
    if (file.path in entries) throw new Error(`The site has two files at ${file.path}`);
    entries[file.path] = [strToU8(file.body), { mtime: now, os: UNIX, attrs: READABLE_FILE, ...(extra && { extra }) }];
  }
  return zipSync(entries, { level: 9 });
}

/**
 * Made on Unix, a plain file readable by all (rw-r--r--). Info-ZIP's unzip reads the names of a
 * zip made on MS-DOS (fflate's default) as code page 437 despite the UTF-8 flag, and gives its
 * files whatever mode the umask leaves.
 */
const UNIX = 3;
const READABLE_FILE = (0o100644 << 16) >>> 0;

/** A path that unzips inside the folder it is unzipped into, and nowhere else. */
function checkPath(path: string): void {
  const segments = path.split('/');
  if (path.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`Not a path inside the site: ${JSON.stringify(path)}`);
  }
}

/**
 * The "UT" extra field (0x5455, Info-ZIP's extended timestamp): flags = modification time only,
 * then that time in Unix seconds, little-endian. Its 32 signed bits end in 2038; past that the
 * DOS field is all there is.
 */
function extendedTimestamp(now: Date): Record<number, Uint8Array> | undefined {
  const seconds = Math.floor(now.getTime() / 1000);
  if (seconds < 0 || seconds > 0x7fffffff) return undefined;
  const field = new Uint8Array(5);
  const view = new DataView(field.buffer);
  view.setUint8(0, 1);
  view.setUint32(1, seconds, true);
  return { 0x5455: field };
}
