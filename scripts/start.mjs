#!/usr/bin/env node
// `npm start`: build everything, then say where it is. (The host server replaces this.)
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';

execSync('npm run build', { stdio: 'inherit' });
const root = resolve(import.meta.dirname, '..');
console.log(`
Sitrep is built.
  Extension (Chrome):  ${root}/.output/chrome-mv3
    chrome://extensions → Developer mode → Load unpacked → choose that folder.
  Widget:              ${root}/.output/widget/
`);
