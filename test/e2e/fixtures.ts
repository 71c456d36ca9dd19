import { test as base } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchWithExtension } from './chromium';

/**
 * `test` with the built extension loaded in a fresh Chromium profile per test:
 * `context` and `extensionId` for page objects (see ./pages).
 */
export const test = base.extend<{ context: BrowserContext; extensionId: string }>({
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
