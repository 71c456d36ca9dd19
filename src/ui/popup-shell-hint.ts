/**
 * What the popup's shell (the note box in popup.html, see `popup-shell.ts`) paints before any
 * module has loaded: the incident taking notes and its draft as the popup last knew them, or
 * null for no note box. UI memory in this browser's localStorage, read synchronously; extension
 * storage stays the truth, and the popup checks the hint against it as soon as it can.
 */
export interface ShellHint {
  id: string;
  key: string;
  draft: string;
}

const SHELL_HINT = 'sitrep.popup.shell';

/** The hint, or null when there is none, it says "no note box", or it is not one. */
export function readShellHint(store?: Storage): ShellHint | null {
  try {
    const hint: unknown = JSON.parse((store ?? localStorage).getItem(SHELL_HINT) ?? 'null');
    if (!hint || typeof hint !== 'object') return null;
    const { id, key, draft } = hint as Partial<ShellHint>;
    return typeof id === 'string' && typeof key === 'string' && typeof draft === 'string' ? { id, key, draft } : null;
  } catch {
    return null;
  }
}

/** Keeps the hint; writes only a change. A refusal costs only the next shell its note box. */
export function writeShellHint(hint: ShellHint | null, store?: Storage): void {
  try {
    const target = store ?? localStorage;
    const text = JSON.stringify(hint && { id: hint.id, key: hint.key, draft: hint.draft });
    if (target.getItem(SHELL_HINT) !== text) target.setItem(SHELL_HINT, text);
  } catch {
    // Quota or access refused: the shell says "Loading…" until the popup has read storage.
  }
}
