import type { Browser } from 'playwright-core';
import { launchExtension, launchPlainBrowser, BLANK_PAGE, type BenchExtension } from './harness/browser';
import type { BenchRow } from './harness/row';
import { check } from './harness/row';
import { countEntries, seedLog, type SeededLog } from './harness/seed';
import type { ExtensionRowContext } from './rows/context';
import { backupRows } from './rows/backup';
import { clipRows } from './rows/clip';
import { popupRows } from './rows/popup';
import { postmortemDraftRows } from './rows/postmortem-draft';
import { searchRows } from './rows/search';
import { siteBuildRows } from './rows/site-build';
import { widgetPaintRows } from './rows/widget-paint';
import { widgetPollingRows } from './rows/widget-polling';
import { widgetSizeRows } from './rows/widget-size';
import { startBenchWidgetServer, type BenchWidgetServer } from './harness/widget-server';
import { sidePanelRows } from './rows/sidepanel';

export interface SuiteResult {
  rows: BenchRow[];
  chromiumVersion?: string;
}

export interface Suite {
  name: string;
  run(options: { profile: boolean }): Promise<SuiteResult>;
}

let shared: Promise<{ ext: BenchExtension; log: SeededLog }> | undefined;

/** Closes what the suites share; run.ts calls it once every suite has run. */
export async function closeSuites(): Promise<void> {
  const open = shared;
  shared = undefined;
  await (await open?.catch(() => undefined))?.ext.close();
}

/**
 * The extension's suites share one browser and one seeded log (seeding 100,000 entries takes a
 * while), launched by the first of them that runs.
 */
function extensionSuites(suites: { name: string; rows(ctx: ExtensionRowContext): Promise<BenchRow[]> }[]): Suite[] {
  const start = async () => {
    const ext = await launchExtension();
    // The app creates its database (every schema version) before anything writes to it raw.
    const app = await ext.open('sidepanel.html');
    await app.locator('main.sidepanel').waitFor();
    await app.close();
    const page = await ext.open(BLANK_PAGE);
    const log = await seedLog(page);
    check((await countEntries(page)) === log.entries, `seeding: expected ${log.entries} entries stored`);
    await page.close();
    return { ext, log };
  };
  return suites.map((suite) => ({
    name: suite.name,
    async run({ profile }) {
      shared ??= start();
      const { ext, log } = await shared;
      return { rows: await suite.rows({ ext, log, profile }), chromiumVersion: ext.context.browser()?.version() ?? undefined };
    },
  }));
}

/** A suite of pages in plain Chromium (no extension), served from loopback. */
function widgetSuite(name: string, rows: (browser: Browser, server: BenchWidgetServer) => Promise<BenchRow[]>): Suite {
  return {
    name,
    async run() {
      const [browser, server] = await Promise.all([launchPlainBrowser(), startBenchWidgetServer()]);
      try {
        return { rows: await rows(browser, server), chromiumVersion: browser.version() };
      } finally {
        await Promise.all([browser.close(), server.close()]);
      }
    },
  };
}

/** A suite of pure code in Node. */
function nodeSuite(name: string, rows: () => Promise<BenchRow[]>): Suite {
  return { name, run: async () => ({ rows: await rows() }) };
}

/** Every suite, in the order they run. A new row: write bench/rows/<name>.ts and list it here. */
export const SUITES: Suite[] = [
  ...extensionSuites([
    { name: 'side panel', rows: sidePanelRows },
    { name: 'search', rows: searchRows },
    { name: 'popup', rows: popupRows },
    { name: 'clip', rows: clipRows },
    // Last of the extension's: it erases the log and imports it back.
    { name: 'backup', rows: backupRows },
  ]),
  nodeSuite('widget size', widgetSizeRows),
  widgetSuite('widget paint', widgetPaintRows),
  widgetSuite('widget polling', widgetPollingRows),
  nodeSuite('site build', siteBuildRows),
  nodeSuite('post-mortem', postmortemDraftRows),
];
