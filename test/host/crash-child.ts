// A host in its own process for the crash tests (run with vite-node): `crash-child.ts <dataDir>
// [--stall-before-rename]`. Prints `READY <url> <token>`; with the flag, every write stops once
// its temporary file is on disk, prints `STALLED <temp path>` and waits to be killed.
import { startHost } from '../../widget/host/start-host';

const [dataDir, flag] = process.argv.slice(2);
const stall = flag === '--stall-before-rename';
const host = await startHost({
  dataDir: dataDir!,
  port: 0,
  quiet: true,
  ...(stall && {
    writeHooks: {
      beforeRename: (temp: string) => {
        process.stdout.write(`STALLED ${temp}\n`);
        return new Promise<void>(() => {});
      },
    },
  }),
});
process.stdout.write(`READY ${host.url} ${host.token}\n`);
