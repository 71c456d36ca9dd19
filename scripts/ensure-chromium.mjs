#!/usr/bin/env node
// The first step of `npm test` and `npm run bench`: make sure the browser tests have a Chromium
// (and the few Debian tools some tests start), so the README's commands are enough on a fresh
// machine. A browser is never downloaded: we use one that is installed, or Debian's package.
//
//   node scripts/ensure-chromium.mjs     # finds one, installs Debian's when root with apt, or stops
//
// test/e2e/chromium.ts runs the same `findChromium`, so the tests launch the browser found here.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Where a Chromium-family browser is usually installed, Debian's first. */
export const CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The same browsers by command name, looked up on PATH (a Homebrew or /usr/local install). */
export const CHROMIUM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/**
 * The browser the tests should launch: `CHROMIUM_PATH` when set (and then only it: a wrong path
 * is an error, never silently replaced), else the first installed of CHROMIUM_PATHS, else the
 * first of CHROMIUM_COMMANDS on PATH.
 *
 * @param {{ env: Record<string, string | undefined>, isExecutable: (path: string) => boolean }} system
 * @returns {{ path: string, from: string } | { path?: undefined, error: string }}
 */
export function findChromium({ env, isExecutable }) {
  const chosen = env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') {
    return isExecutable(chosen)
      ? { path: chosen, from: 'CHROMIUM_PATH' }
      : { error: `CHROMIUM_PATH is ${chosen}, which is not an executable file: point it at a Chromium or Chrome binary, or unset it.` };
  }
  for (const path of CHROMIUM_PATHS) if (isExecutable(path)) return { path, from: 'installed' };
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const command of CHROMIUM_COMMANDS) {
    for (const dir of dirs) {
      const path = join(dir, command);
      if (isExecutable(path)) return { path, from: 'PATH' };
    }
  }
  return { error: 'No Chromium or Chrome found.' };
}

/** @param {string} path */
export function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The live machine: what `findChromium` reads outside tests. */
export const SYSTEM = { env: process.env, isExecutable: isExecutableFile };

/**
 * The Debian packages a run needs and lacks. Chromium and openssl are required (the alert-clip
 * browser test serves a saved page over HTTPS with a fresh certificate); without nginx (the
 * WebDAV target's tests, its dav module) or unzip (the site zip's tests) those tests skip.
 *
 * @param {{ hasChromium: boolean, isExecutable: (path: string) => boolean, onPath: (command: string) => boolean }} probe
 * @returns {{ name: string, required: boolean }[]}
 */
export function missingPackages({ hasChromium, isExecutable, onPath }) {
  return [
    { name: 'chromium', required: true, present: hasChromium },
    { name: 'openssl', required: true, present: onPath('openssl') },
    { name: 'nginx-light', required: false, present: isExecutable('/usr/sbin/nginx') },
    { name: 'unzip', required: false, present: onPath('unzip') },
  ]
    .filter((p) => !p.present)
    .map(({ name, required }) => ({ name, required }));
}

/** @param {string} command */
function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && isExecutableFile(join(dir, command)));
}

/** @param {string[]} args */
function apt(args) {
  const result = spawnSync('apt-get', args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(result.stderr ?? '');
    throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

function main() {
  const prefix = 'ensure-chromium:';
  let found = findChromium(SYSTEM);
  // A wrong CHROMIUM_PATH is the user's explicit choice: say so rather than install another browser.
  if (found.path === undefined && process.env.CHROMIUM_PATH) {
    console.error(`${prefix} ${found.error}`);
    return 1;
  }
  const missing = missingPackages({ hasChromium: found.path !== undefined, isExecutable: isExecutableFile, onPath });
  const canInstall = process.getuid?.() === 0 && onPath('apt-get');
  if (missing.length && canInstall) {
    const names = missing.map((p) => p.name);
    console.log(`${prefix} installing Debian's ${names.join(', ')} with apt-get (running as root; a browser is never downloaded)`);
    apt(['update', '-qq']);
    // Chromium with its recommended fonts, as a desktop install has; the tools without extras.
    if (names.includes('chromium')) apt(['install', '-y', '-qq', 'chromium']);
    const tools = names.filter((n) => n !== 'chromium');
    if (tools.length) apt(['install', '-y', '-qq', '--no-install-recommends', ...tools]);
    found = findChromium(SYSTEM);
  }
  const stillMissing = missingPackages({ hasChromium: found.path !== undefined, isExecutable: isExecutableFile, onPath });
  const required = stillMissing.filter((p) => p.required).map((p) => p.name);
  if (required.length) {
    const all = stillMissing.map((p) => p.name).join(' ');
    const what = required.includes('chromium') ? 'No Chromium or Chrome found' : `Missing ${required.join(', ')}`;
    console.error(`${prefix} ${what}: run \`sudo apt-get install -y ${all}\` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.`);
    return 1;
  }
  const version = spawnSync(found.path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (version.status !== 0) {
    console.error(
      `${prefix} ${found.path} does not start (${version.error?.message ?? `exit ${version.status ?? version.signal}`}): reinstall it or set CHROMIUM_PATH.`,
    );
    return 1;
  }
  const optional = stillMissing.map((p) => p.name);
  console.log(`${prefix} ${version.stdout.trim()} at ${found.path}`);
  if (optional.length) console.log(`${prefix} ${optional.join(', ')} not installed: their tests skip (sudo apt-get install -y ${optional.join(' ')}).`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
