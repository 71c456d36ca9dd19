/**
 * Saved pages (test/fixtures/pages) loaded into happy-dom the way a browser parses them, and page
 * readers run the way `chrome.scripting.executeScript({ func })` runs them: from their source alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Replaces the test document with a saved page, at `path` (the reader may look at the address). */
export function loadSavedPage(name: string, path = '/'): void {
  // vitest runs from the repository root; under happy-dom, import.meta.url is not a file URL.
  const html = readFileSync(join(process.cwd(), 'test/fixtures/pages', name), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceWith(document.adoptNode(parsed.head));
  document.body.replaceWith(document.adoptNode(parsed.body));
  history.replaceState(null, '', path);
}

/**
 * The function rebuilt from its source text, so a reference to anything outside its body (an
 * import, a module helper) fails here as it would in the page.
 */
export function asInjected<T extends (...args: never[]) => unknown>(fn: T): T {
  return new Function(`return (${fn.toString()})`)() as T;
}
