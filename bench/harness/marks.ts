import type { Page } from 'playwright-core';

/**
 * A moment the page reaches, checked at every animation frame from the first script on: an
 * element present (`selector`, at least `count` of them; inside `host`'s shadow root when given),
 * optionally holding `text`, or holding the focus (`focused`).
 */
export interface Mark {
  name: string;
  selector: string;
  host?: string;
  count?: number;
  text?: string;
  focused?: boolean;
}

/**
 * Installs the frame watcher on every document `page` loads from now on: each mark's time is
 * recorded, in ms since navigation start, at the first frame in which it holds — the frame that
 * paints it. Selectors only, no code from strings, so extension pages' CSP allows it.
 */
export async function watchMarks(page: Page, marks: readonly Mark[]): Promise<void> {
  await page.addInitScript((marks: Mark[]) => {
    const found: Record<string, number> = {};
    Object.defineProperty(globalThis, '__benchMarks', { value: found });
    const holds = (mark: Mark) => {
      const root = mark.host ? document.querySelector(mark.host)?.shadowRoot : document;
      if (!root) return false;
      if (mark.focused) {
        const active = mark.host ? root.activeElement : document.activeElement;
        return !!active?.matches(mark.selector);
      }
      const all = root.querySelectorAll(mark.selector);
      if (all.length < (mark.count ?? 1)) return false;
      return mark.text === undefined || [...all].some((e) => e.textContent?.includes(mark.text!));
    };
    const frame = () => {
      for (const mark of marks) if (!(mark.name in found) && holds(mark)) found[mark.name] = performance.now();
      if (marks.some((m) => !(m.name in found))) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, marks as Mark[]);
}

/** Waits for the named marks of the current document and returns their times (ms since navigation start). */
export async function readMarks(page: Page, names: readonly string[], timeoutMs = 60_000): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ names, timeoutMs }) => {
      const found = (globalThis as unknown as { __benchMarks?: Record<string, number> }).__benchMarks;
      if (!found) throw new Error('The mark watcher is not installed on this page');
      const until = performance.now() + timeoutMs;
      while (names.some((n) => !(n in found))) {
        if (performance.now() > until) throw new Error(`Marks not reached within ${timeoutMs} ms: ${names.filter((n) => !(n in found)).join(', ')}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return Object.fromEntries(names.map((n) => [n, found[n]!]));
    },
    { names, timeoutMs },
  );
}

/** Loads `url` in `page` (in front, so frames run unthrottled) and returns the marks' times. */
export async function loadAndMark(page: Page, url: string, names: readonly string[]): Promise<Record<string, number>> {
  await page.bringToFront();
  // The same URL again (or one that differs only in its #hash) would be a same-document
  // navigation that loads nothing: reload it instead.
  if (page.url() === url) await page.reload({ waitUntil: 'commit' });
  else await page.goto(url, { waitUntil: 'commit' });
  return readMarks(page, names);
}
