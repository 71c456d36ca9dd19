// `node .output/host/host.mjs` (built by `npm run build:host`; `npm start` runs it with --demo).
// Both this file and the bundle sit two folders below the repository root.
import { resolve } from 'node:path';
import { seedDemoSite } from './demo-site';
import { parseHostSettings, USAGE, UsageError } from './host-settings';
import { startHost } from './start-host';
import { startupMessage } from './startup-message';

const root = resolve(import.meta.dirname, '../..');
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

async function main(): Promise<void> {
  const settings = parseHostSettings(process.argv.slice(2), process.env, root);
  const widgetDir = resolve(root, '.output/widget');
  let missingBundles: string[] = [];
  const host = await startHost({
    dataDir: settings.dataDir,
    port: settings.port,
    host: settings.host,
    ...(settings.demo && {
      demo: { dir: resolve(root, 'widget/demo'), widgetDir },
      seed: async ({ siteDir, url }) => ({ missingBundles } = await seedDemoSite({ siteDir, url, widgetDir })),
    }),
  });
  // Ctrl+C reaches both `npm start` and this process, which may then hear it twice.
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void host.close().finally(() => process.exit(0));
    });
  }
  // Printed last: whoever reads it may stop the host at once.
  console.log(
    startupMessage({
      url: host.url,
      siteDir: host.siteDir,
      tokenPath: host.tokenPath,
      ...(host.tokenCreated && { newToken: host.token }),
      demo: settings.demo,
      missingBundles,
      ...(!LOOPBACK.has(settings.host) && { exposedOn: settings.host }),
    }),
  );
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') console.error('The port is in use: set PORT (or --port) to another one.');
  else if (code === 'EADDRNOTAVAIL') console.error('This machine has no such address: set HOST (or --host) to one of its own.');
  else console.error(`The host did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
