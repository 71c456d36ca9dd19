import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT } from './start-host';

// How the host is told where to listen and keep its data: flags first, then the environment,
// then defaults (loopback, 8787, <repo>/.sitrep-host).

export interface HostSettings {
  port: number;
  host: string;
  dataDir: string;
  /** Serve the widget demo at /demo/ and seed an empty site with the demo site. */
  demo: boolean;
}

export const USAGE = `Usage: node .output/host/host.mjs [--port N] [--host ADDRESS] [--data-dir DIR] [--demo]
  --port      port to listen on (env PORT; default ${DEFAULT_PORT}; 0 picks a free one)
  --host      address to listen on (env HOST; default ${DEFAULT_HOST}, loopback only)
  --data-dir  where the site and the publish token are kept (env SITREP_DATA_DIR; default <repo>/.sitrep-host)
  --demo      serve the widget demo at /demo/ and seed an empty site with a demo status site`;

export class UsageError extends Error {}

/** The settings `argv` (without node and the script) and `env` ask for; `root` is the repository. */
export function parseHostSettings(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, root: string): HostSettings {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' }, demo: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const portText = values.port ?? env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) throw new UsageError(`Not a port: ${portText}`);
  const host = values.host ?? (env.HOST || DEFAULT_HOST);
  const dataDir = resolve(values['data-dir'] ?? (env.SITREP_DATA_DIR || resolve(root, '.sitrep-host')));
  return { port, host, dataDir, demo: values.demo ?? false };
}
