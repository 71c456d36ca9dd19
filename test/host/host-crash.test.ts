import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir, validSummaryText } from './host-fixture';

// A host killed with SIGKILL mid-publish, in its own process, then started again on the same
// data folder: the published file is the old one, whole, and the unfinished write is gone.

const root = resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
let data: Awaited<ReturnType<typeof tempDataDir>>;

beforeEach(async () => {
  data = await tempDataDir();
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await data.remove();
});

/** Starts the host in a child process and resolves with its URL and token; `lines` yields what it prints after. */
async function spawnHost(...flags: string[]) {
  const child = spawn(join(root, 'node_modules/.bin/vite-node'), [join(import.meta.dirname, 'crash-child.ts'), data.dir, ...flags], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const ready = await lines.next();
  const [, url, token] = /^READY (\S+) (\S+)$/.exec(ready.value ?? '') ?? [];
  if (!url || !token) throw new Error(`The host did not start: ${ready.value}`);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return { child, url, token, lines, kill: () => (child.kill('SIGKILL'), exited) };
}

const put = (url: string, token: string, path: string, body: string) =>
  fetch(new URL(path, url), { method: 'PUT', body, headers: { Authorization: `Bearer ${token}` } });

const siteFiles = async () => (await readdir(join(data.dir, 'site'), { recursive: true })).sort();

describe('a host killed during a publish', () => {
  it('keeps the old file whole when killed while a large body is streaming in', async () => {
    const first = await spawnHost();
    const old = validSummaryText();
    expect((await put(first.url, first.token, 'api/v2/summary.json', old)).status).toBe(201);

    // 4 MB declared, half of it sent, then the process dies.
    const { hostname, port } = new URL(first.url);
    const half = 'x'.repeat(2 * 1024 * 1024);
    const upload = request({
      hostname,
      port,
      method: 'PUT',
      path: '/api/v2/summary.json',
      headers: { Authorization: `Bearer ${first.token}`, 'Content-Length': String(half.length * 2) },
    });
    const failed = new Promise<Error>((done) => upload.on('error', done));
    await new Promise<void>((done) => upload.write(half, () => done()));
    await first.kill();
    expect((await failed).message).toMatch(/socket hang up|ECONNRESET|EPIPE/);

    const second = await spawnHost();
    const response = await fetch(new URL('api/v2/summary.json', second.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(old);
    expect(await siteFiles()).toEqual(['api', 'api/v2', 'api/v2/summary.json']);
    await second.kill();
  }, 30_000);

  it('keeps the old file whole when killed after the new one is on disk but before the rename', async () => {
    const old = validSummaryText();
    await mkdir(join(data.dir, 'site/api/v2'), { recursive: true });
    await writeFile(join(data.dir, 'site/api/v2/summary.json'), old);

    const staller = await spawnHost('--stall-before-rename');
    const replacement = validSummaryText((d) => Object.assign(d.status, { description: 'Replaced' }));
    const replacing = put(staller.url, staller.token, 'api/v2/summary.json', replacement).catch((error: Error) => error);
    const temp = /^STALLED (.+)$/.exec((await staller.lines.next()).value ?? '')![1]!;
    // The new bytes are all on disk, beside the old file, under a name no request reaches.
    expect(await readFile(temp, 'utf8')).toBe(replacement);
    expect((await fetch(new URL(`api/v2/${basename(temp)}`, staller.url))).status).toBe(404);
    expect(await (await fetch(new URL('api/v2/summary.json', staller.url))).text()).toBe(old);
    await staller.kill();
    expect(await replacing).toBeInstanceOf(Error);

    const restarted = await spawnHost();
    expect(await (await fetch(new URL('api/v2/summary.json', restarted.url))).text()).toBe(old);
    await expect(stat(temp)).rejects.toThrow(/ENOENT/);
    expect(await siteFiles()).toEqual(['api', 'api/v2', 'api/v2/summary.json']);
    await restarted.kill();
  }, 30_000);
});
