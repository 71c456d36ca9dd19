/**
 * Functions injected into the clipped tab with `scripting.executeScript({ func })`. Only their
 * source is sent, so each is self-contained and returns plain JSON; the background parses what
 * comes back, since it is page content.
 */

/** The selected text and the page title, as the person sees them. */
export function readSelection(): { selection: string; title: string } {
  const MAX = 100_000;
  const selection = (globalThis.getSelection?.()?.toString() ?? '').slice(0, MAX);
  return { selection, title: document.title.slice(0, 2000) };
}
