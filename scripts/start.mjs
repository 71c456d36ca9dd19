#!/usr/bin/env node
// `npm start`: build the extension and the widget, say where they are, and serve the widget
// demo on http://127.0.0.1:8787 (PORT overrides) until Ctrl+C. The host server takes over
// this port when it lands.
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
const demo = spawn(process.execPath, [resolve(root, 'widget/demo/serve.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, PORT: process.env.PORT ?? '8787' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => demo.kill(signal));
demo.on('exit', (code) => process.exit(code ?? 0));
