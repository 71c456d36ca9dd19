#!/usr/bin/env node
// `npm run lint:firefox`: Mozilla's addons-linter (what addons.mozilla.org runs on an upload) over
// the Firefox build. Errors fail; warnings and notices are listed, one line each.
//
//   npm run build:firefox && node scripts/lint-firefox.mjs [.output/firefox-mv2]
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import addonsLinter from 'addons-linter';

const dir = resolve(import.meta.dirname, '..', process.argv[2] ?? '.output/firefox-mv2');
if (!existsSync(resolve(dir, 'manifest.json'))) {
  console.error(`lint-firefox: no manifest.json in ${dir}: run npm run build:firefox first.`);
  process.exit(1);
}

const linter = addonsLinter.createInstance({
  config: {
    _: [dir],
    logLevel: process.env.VERBOSE ? 'debug' : 'fatal',
    stack: Boolean(process.env.VERBOSE),
    pretty: false,
    warningsAsErrors: false,
    metadata: false,
    output: 'none',
    boring: false,
    selfHosted: false,
  },
  runAsBinary: false,
});

const { summary, errors, warnings, notices } = await linter.run();
/** @param {string} level @param {{ code: string, message: string, file?: string, line?: number }} m */
const line = (level, m) => `  ${level} ${m.code}: ${m.message}${m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : ''}`;
for (const m of errors) console.log(line('error', m));
for (const m of warnings) console.log(line('warning', m));
for (const m of notices) console.log(line('notice', m));
console.log(`lint-firefox: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notices} notices in ${dir}`);
process.exitCode = summary.errors ? 1 : 0;
