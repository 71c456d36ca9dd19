import { browser } from 'wxt/browser';

/**
 * Opens the options page from a link. A refusal (the page is closing, a locked-down profile) is
 * logged, never an unhandled rejection: the link does nothing more than it would have anyway.
 */
export function openOptionsPage(e?: Event): void {
  e?.preventDefault();
  browser.runtime.openOptionsPage().catch((error: unknown) => console.warn('Sitrep: could not open the options page.', error));
}
