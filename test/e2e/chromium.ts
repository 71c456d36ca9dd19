import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findChromium, SYSTEM } from '../../scripts/ensure-chromium.mjs';

/**
 * The Chromium `npm test` found or installed first (scripts/ensure-chromium.mjs: `CHROMIUM_PATH`,
 * Debian's, an installed Chrome); a browser is never downloaded.
 */
export const CHROMIUM_PATH = findChromium(SYSTEM).path ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where `npm run build` leaves the unpacked extension. */
export const EXTENSION_PATH = resolve(import.meta.dirname, '../../.output/chrome-mv3');

const QUIET_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * More Chromium switches, e.g. `--host-resolver-rules=MAP acme.pagerduty.com 127.0.0.1`, so a
   * SaaS tool's real URL shape loads a saved page from loopback.
   */
  args?: readonly string[];
  /** An IANA zone every page and extension page runs in, for clips whose times depend on it. */
  timezoneId?: string;
}

/** Launches a fresh profile with the built extension loaded and returns its id. */
export async function launchWithExtension({ args = [], timezoneId }: LaunchOptions = {}): Promise<LaunchedExtension> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'sitrep-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Dates and times read the same on every machine: en-US, whatever the host's LANG says.
    locale: 'en-US',
    ...(timezoneId && { timezoneId }),
    args: [...QUIET_FLAGS, `--disable-extensions-except=${EXTENSION_PATH}`, `--load-extension=${EXTENSION_PATH}`, ...args],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Launches plain headless Chromium (no extension) for widget pages. */
export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: QUIET_FLAGS });
}
