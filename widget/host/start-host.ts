import { serve } from '@hono/node-server';
import { mkdir, readdir, realpath } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AtomicWriteHooks } from './atomic-write';
import { sweepTempFiles } from './atomic-write';
import { createHostApp, type DemoOptions } from './host-app';
import { loadOrCreateToken } from './publish-token';

// The host as a running server: the data folder laid out (site/ served, publish-token beside
// it), leftovers of killed writes swept, the token made on first start, then listening.

export interface StartHostOptions {
  /** Holds `site/` (served) and `publish-token` (never served). Made if missing. */
  dataDir: string;
  /** 8787 by default; 0 picks a free port. */
  port?: number;
  /** 127.0.0.1 by default: the host listens on loopback unless told otherwise. */
  host?: string;
  /** No output at all (tests). */
  quiet?: boolean;
  maxBodyBytes?: number;
  demo?: DemoOptions;
  /** Fills an empty site folder on start (the demo site); given the host's URL. */
  seed?: (site: { siteDir: string; url: string }) => Promise<unknown>;
  writeHooks?: AtomicWriteHooks;
}

export interface RunningHost {
  /** The base URL, with a trailing slash: `http://127.0.0.1:8787/`. */
  url: string;
  token: string;
  tokenPath: string;
  /** Whether this start made the token (it is shown only then). */
  tokenCreated: boolean;
  siteDir: string;
  /** Whether this start seeded an empty site. */
  seeded: boolean;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

/** Where this machine reaches the host: a host listening on every address is reached on loopback. */
function urlOf({ address, port }: AddressInfo): string {
  const reachable = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}/`;
}

/** Files are served only from below a folder's real path; a folder not built yet serves nothing. */
const realPathOrAsIs = (path: string) => realpath(path).catch(() => path);

export async function startHost(options: StartHostOptions): Promise<RunningHost> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  await mkdir(join(options.dataDir, 'site'), { recursive: true });
  const siteDir = await realpath(join(options.dataDir, 'site'));
  const { token, path: tokenPath, created: tokenCreated } = await loadOrCreateToken(join(options.dataDir, 'publish-token'));
  const swept = await sweepTempFiles(siteDir);
  if (swept && !options.quiet) console.log(`Removed ${swept} unfinished write${swept === 1 ? '' : 's'} left by an earlier stop.`);

  const app = createHostApp({
    siteDir,
    token,
    ...(options.maxBodyBytes !== undefined && { maxBodyBytes: options.maxBodyBytes }),
    ...(options.demo && { demo: { ...options.demo, dir: await realPathOrAsIs(options.demo.dir), widgetDir: await realPathOrAsIs(options.demo.widgetDir) } }),
    ...(options.writeHooks && { writeHooks: options.writeHooks }),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: options.host ?? DEFAULT_HOST }, () => resolve(started));
    started.once('error', reject);
  });
  const url = urlOf(server.address() as AddressInfo);

  let seeded = false;
  if (options.seed && (await readdir(siteDir)).length === 0) {
    await options.seed({ siteDir, url });
    seeded = true;
  }

  return {
    url,
    token,
    tokenPath,
    tokenCreated,
    siteDir,
    seeded,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
