#!/usr/bin/env node
// `npm start`: build the extension, the widget and the host, say where the extension is, then run
// the host with the demo (status site seeded on first start, widget demo at /demo/) until Ctrl+C.
// PORT, HOST and SITREP_DATA_DIR (or --port, --host, --data-dir after `npm start --`) are the
// host's to read.
import { execSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
execSync('npm run build', { stdio: 'inherit', cwd: root });
console.log(`
Sitrep is built.
  Extension (Chrome):   ${root}/.output/chrome-mv3
    chrome://extensions → Developer mode → Load unpacked → choose that folder.
    (Firefox: npm run build:firefox, then about:debugging → Load Temporary Add-on.)
  Widget bundles:       ${root}/.output/widget/sitrep-banner.js, sitrep-status.js
`);
const host = spawn(process.execPath, [resolve(root, '.output/host/host.mjs'), '--demo', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
// The terminal sends Ctrl+C to the host as well; passing it on covers `kill` of this process alone.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
