/** Where the full popup last put its note box, in px from the page's top (UI memory, this browser only). */
const NOTE_BOX_TOP = 'sitrep.popup.noteBoxTop';

/**
 * Remembers where the full popup put its note box, so the next first paint puts it at the same
 * place and nothing jumps when the app takes over. Writes only a change.
 */
export function rememberNoteBoxTop(doc: Document = document): void {
  const box = doc.querySelector('main.popup .note-box');
  if (!box) return;
  const top = (box.getBoundingClientRect().top + (doc.defaultView?.scrollY ?? 0)).toFixed(2);
  try {
    if (localStorage.getItem(NOTE_BOX_TOP) !== top) localStorage.setItem(NOTE_BOX_TOP, top);
  } catch {
    // Only the first paint's layout is lost.
  }
}

/** The remembered top of the note box, or undefined before the popup has shown one. */
export function rememberedNoteBoxTop(): number | undefined {
  try {
    const top = Number(localStorage.getItem(NOTE_BOX_TOP) ?? NaN);
    return Number.isFinite(top) && top >= 0 ? top : undefined;
  } catch {
    return undefined;
  }
}
