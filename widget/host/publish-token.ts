import { randomBytes } from 'node:crypto';
import { chmod, open, readFile, stat } from 'node:fs/promises';

// The bearer token publishers send. Made once, on first start, from 32 random bytes; kept in
// the data folder beside (never inside) the served site, readable by its owner only.

export interface PublishToken {
  token: string;
  /** Where the token is kept, to tell the user; the token itself is printed only when created. */
  path: string;
  created: boolean;
}

const TOKEN = /^[A-Za-z0-9_-]{43,}$/;

async function readToken(path: string): Promise<string> {
  // A token left readable by others (copied in by hand, say) is narrowed to its owner.
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
  const token = (await readFile(path, 'utf8')).trim();
  if (!TOKEN.test(token)) throw new Error(`The publish token file ${path} is damaged; delete it and restart to make a new token.`);
  return token;
}

/** Reads the token at `path`, or makes and stores a new one (mode 0600) when there is none. */
export async function loadOrCreateToken(path: string): Promise<PublishToken> {
  try {
    return { token: await readToken(path), path, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = randomBytes(32).toString('base64url');
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    // Another host starting on the same folder made one first: use it.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { token: await readToken(path), path, created: false };
    throw error;
  }
  try {
    await handle.writeFile(`${token}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { token, path, created: true };
}
