import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach } from 'vitest';
import { launchBrowser } from '../chromium';
import { startWidgetServer, type WidgetServer } from './widget-server';

export interface WidgetTestContext {
  browser: Browser;
  server: WidgetServer;
  context: BrowserContext;
  /** Console errors and uncaught exceptions of every page of the test. */
  errors: string[];
  /** Console warnings (the widget warns site owners about a feed it cannot use). */
  warnings: string[];
  newPage(): Promise<Page>;
}

/**
 * One Chromium and one loopback server per file; a fresh context (own localStorage) per test,
 * with every console error and uncaught exception recorded.
 */
export function useWidgetBrowser(): WidgetTestContext {
  const t = { errors: [], warnings: [] } as unknown as WidgetTestContext;
  beforeAll(async () => {
    t.browser = await launchBrowser();
    t.server = await startWidgetServer();
  });
  afterAll(async () => {
    await t.browser?.close();
    await t.server?.close();
  });
  beforeEach(async () => {
    t.errors = [];
    t.warnings = [];
    t.server.hits.length = 0;
    t.context = await t.browser.newContext();
    t.newPage = async () => {
      const page = await t.context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') t.errors.push(message.text());
        if (message.type() === 'warning') t.warnings.push(message.text());
      });
      page.on('pageerror', (error) => t.errors.push(`uncaught: ${error.message}`));
      return page;
    };
  });
  afterEach(async () => {
    await t.context?.close();
  });
  return t;
}

export const SCRIPTS = '<script type="module" src="/sitrep-banner.js"></script><script type="module" src="/sitrep-status.js"></script>';

/** Counts renders of every element of `tag` from now on, in `window.__renders[tag]`. */
export async function countRenders(page: Page, tag: string) {
  await page.evaluate(async (tag) => {
    const ctor = await customElements.whenDefined(tag);
    const counts = ((window as any).__renders ??= {});
    counts[tag] = 0;
    const render = ctor.prototype.render;
    ctor.prototype.render = function (this: unknown) {
      counts[tag]++;
      return render.call(this);
    };
  }, tag);
  return () => page.evaluate((tag) => (window as any).__renders[tag] as number, tag);
}
