import { test as base } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchWithExtension, type LaunchedExtension, type LaunchOptions } from './chromium';

/**
 * `test` with the built extension loaded in a fresh Chromium profile per test:
 * `context` and `extensionId` for page objects (see ./pages).
 */
export const test = base.extend<{ context: BrowserContext; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
  context: async ({}, use) => {
    const launched = await launchWithExtension();
    launched.context.setDefaultTimeout(10_000);
    await use(launched.context);
    await launched.close();
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
});

export { expect } from 'vitest';

/**
 * `test` with one Chromium for the whole file (`extension`: context and id), for files whose
 * tests each declare their own incident and so can share a profile: one launch, not one per test.
 */
export const fileTest = (options: LaunchOptions = {}) =>
  base.extend<{ extension: LaunchedExtension }>({
    extension: [
      // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
      async ({}, use) => {
        const launched = await launchWithExtension(options);
        launched.context.setDefaultTimeout(10_000);
        await use(launched);
        await launched.close();
      },
      { scope: 'file' },
    ],
  });
