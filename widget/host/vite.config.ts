import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// `npm run build:host` → .output/host/host.mjs: the host and everything it imports (Hono, its
// Node adapter, zod, the feed schema and site builder) in one ES module for plain `node` 20.
// Bundled rather than left to node_modules so the file runs wherever it is copied, with no
// install step and no dev dependency pulled in at run time; the whole is a few hundred KB.

const here = import.meta.dirname;

export default defineConfig({
  // Only this folder's sources; the extension's and widget's Vite setups are not involved.
  root: here,
  publicDir: false,
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: resolve(here, 'cli.ts'),
    outDir: resolve(here, '../../.output/host'),
    emptyOutDir: true,
    target: 'node20',
    // Readable stack traces in a server's log are worth more than the bytes.
    minify: false,
    rolldownOptions: {
      output: { entryFileNames: 'host.mjs', codeSplitting: false },
    },
  },
});
