import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_PATH, EXTENSION_PATH } from '../../test/e2e/chromium';

/** The same switches the browser tests use (test/e2e/chromium.ts): headless, quiet, no GPU. */
const QUIET_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A page of the extension's own origin with nothing on it: the reference for opening a page. */
export const BLANK_PAGE = 'bench-blank.html';
const BLANK_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><main>Blank</main></body></html>';

export interface BenchExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  url(path: string): string;
  /** A new tab at one of the extension's pages. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a copy of the built extension plus one blank page, in a fresh
 * profile. A copy, so a build that another process starts meanwhile cannot change what is measured.
 */
export async function launchExtension(): Promise<BenchExtension> {
  const root = await mkdtemp(join(tmpdir(), 'sitrep-bench-'));
  const extension = join(root, 'extension');
  await cp(EXTENSION_PATH, extension, { recursive: true }).catch((error: unknown) => {
    throw new Error(`${EXTENSION_PATH} is missing or unreadable: run npm run build first (${String(error)})`);
  });
  await writeFile(join(extension, BLANK_PAGE), BLANK_HTML);
  const context = await chromium.launchPersistentContext(join(root, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 420, height: 900 },
    args: [...QUIET_FLAGS, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
  });
  context.setDefaultTimeout(60_000);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const url = (path: string) => `chrome-extension://${extensionId}/${path}`;
  return {
    context,
    extensionId,
    worker,
    url,
    async open(path) {
      const page = await context.newPage();
      await page.goto(url(path));
      return page;
    },
    async close() {
      await context.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Plain headless Chromium (no extension), for the widget's pages. */
export function launchPlainBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: QUIET_FLAGS });
}

export const ROOT = resolve(import.meta.dirname, '../..');
