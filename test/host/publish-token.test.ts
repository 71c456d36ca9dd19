import { chmod, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateToken } from '../../widget/host/publish-token';
import { startHost, type RunningHost } from '../../widget/host/start-host';
import { tempDataDir } from './host-fixture';

const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe('loadOrCreateToken', () => {
  let folder: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  afterEach(() => folder?.remove());

  it('makes a 32-byte base64url token once, readable by its owner only, then reads it back', async () => {
    folder = await tempDataDir();
    const path = join(folder.dir, 'publish-token');
    const first = await loadOrCreateToken(path);
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await mode(path)).toBe(0o600);
    const second = await loadOrCreateToken(path);
    expect(second).toEqual({ token: first.token, path, created: false });
  });

  it('makes a different token in every folder', async () => {
    folder = await tempDataDir();
    const a = await loadOrCreateToken(join(folder.dir, 'a'));
    const b = await loadOrCreateToken(join(folder.dir, 'b'));
    expect(a.token).not.toBe(b.token);
  });

  it('narrows a token file others can read to its owner', async () => {
    folder = await tempDataDir();
    const path = join(folder.dir, 'publish-token');
    await writeFile(path, `${'t'.repeat(43)}\n`);
    await chmod(path, 0o644);
    expect((await loadOrCreateToken(path)).token).toBe('t'.repeat(43));
    expect(await mode(path)).toBe(0o600);
  });

  it('refuses a damaged token file without printing what is in it', async () => {
    folder = await tempDataDir();
    const path = join(folder.dir, 'publish-token');
    await writeFile(path, 'short secret\n', { mode: 0o600 });
    const error = await loadOrCreateToken(path).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/damaged/);
    expect((error as Error).message).not.toContain('short secret');
  });
});

describe('the host and its token', () => {
  let host: RunningHost | undefined;
  let folder: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  afterEach(async () => {
    await host?.close();
    await folder?.remove();
  });

  it('keeps the token outside the served folder, mode 0600, in a data folder only its owner opens', async () => {
    folder = await tempDataDir();
    host = await startHost({ dataDir: join(folder.dir, 'data'), port: 0, quiet: true });
    expect(relative(host.siteDir, host.tokenPath).startsWith('..')).toBe(true);
    expect(await mode(host.tokenPath)).toBe(0o600);
    expect(await mode(join(folder.dir, 'data'))).toBe(0o700);
    expect(host.tokenCreated).toBe(true);
    for (const path of ['publish-token', '../publish-token', 'site/../publish-token']) expect((await fetch(new URL(path, host.url))).status).toBe(404);

    await host.close();
    host = await startHost({ dataDir: join(folder.dir, 'data'), port: 0, quiet: true });
    expect(host.tokenCreated).toBe(false);
  });
});
