import type { Page } from 'playwright-core';

/**
 * Presses Tab through one whole round of the page, from its first control to its last (or `max`
 * presses), and returns what each press landed on, named as a screen reader would: its
 * aria-label, its label, its text or, for a timeline row, "row: <its text>". Focus moves only by
 * the key, never by `focus()`: Tab first runs to the end of the page, out to the browser, and
 * back in at the top.
 */
export async function tabOrder(page: Page, max = 200): Promise<string[]> {
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const label = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined);
      const row = el.matches('.timeline__row') ? `row: ${el.querySelector('[data-testid="entry-text"]')?.textContent ?? ''}` : undefined;
      return (row ?? label ?? el.textContent ?? el.tagName).trim().replace(/\s+/g, ' ');
    });
  let presses = 0;
  // Out past the last control, wherever focus starts.
  while ((await focused()) !== undefined && presses++ < max) await page.keyboard.press('Tab');
  const seen: string[] = [];
  while (presses++ < max) {
    await page.keyboard.press('Tab');
    const name = await focused();
    if (name === undefined) break;
    seen.push(name);
  }
  return seen;
}
