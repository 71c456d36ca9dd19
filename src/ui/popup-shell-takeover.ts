import { noteDraftsItem } from '../db/storage-items';
import type { NoteHandoff } from './components/note-field';
import { writeShellHint } from './popup-shell-hint';
import { shellParts, shownNote, showShell } from './popup-shell';
import { withDraft } from './state/draft-map';
import type { FirstPaintState } from './state/first-paint-state';

/** Saves `text` as `incidentId`'s draft on top of `drafts`; a refusal is said, and the text stays on screen. */
function keepDraft(drafts: Record<string, string>, incidentId: string, text: string): Record<string, string> {
  const next = withDraft(drafts, incidentId, text);
  noteDraftsItem.setValue(next).catch((error: unknown) => console.warn('Sitrep: a draft could not be kept in storage; it stays on screen.', error));
  return next;
}

/**
 * Squares the shell with extension storage, the truth (`state`), the moment the popup's module
 * has read it, and keeps what is typed in it as the draft from then on:
 * - the shell painted the right incident: the stored draft replaces the hint's unless something was
 *   typed, which then becomes the draft;
 * - it painted another incident (made active or resolved elsewhere): what was typed there stays as
 *   that incident's draft, an Enter pressed for it is dropped, and the shell shows the truth;
 * - it painted "Loading…" and there is an incident taking notes: its note box comes now.
 * The hint is then rewritten from the truth.
 */
export function takeOverShell(state: FirstPaintState, doc: Document = document, store?: Storage): void {
  const parts = shellParts(doc);
  if (!parts) return;
  const { input, status } = parts;
  // What the shell showed, not the hint as it is now: another page may have rewritten that since.
  const shown = shownNote(parts);
  const painted = shown?.id;
  const typed = !!shown && input.value !== shown.draft;
  let drafts = state.drafts;
  const { incident } = state;
  const draft = (id: string) => drafts[id] ?? '';

  if (painted !== undefined && painted === incident?.id) {
    // The right incident: what was typed becomes the draft; an untouched box takes the stored one.
    if (input.value !== draft(painted)) {
      if (typed) drafts = keepDraft(drafts, painted, input.value);
      else showShell(parts, { id: painted, key: incident.key, draft: draft(painted) });
    }
  } else {
    if (painted !== undefined && typed) drafts = keepDraft(drafts, painted, input.value);
    delete input.dataset.saveRequested;
    status.textContent = ' ';
    showShell(parts, incident ? { id: incident.id, key: incident.key, draft: draft(incident.id) } : null);
  }
  writeShellHint(incident ? { id: incident.id, key: incident.key, draft: input.value } : null, store);
  if (!incident) return;
  input.addEventListener('input', () => {
    drafts = keepDraft(drafts, incident.id, input.value);
    writeShellHint({ id: incident.id, key: incident.key, draft: input.value }, store);
  });
}

/** What the shell's note box holds now, for the app to take over; undefined when it shows none. */
export function handoffFrom(state: FirstPaintState | undefined, doc: Document = document): NoteHandoff | undefined {
  const parts = shellParts(doc);
  if (!state?.incident || !parts || !shownNote(parts)) return undefined;
  const { input } = parts;
  return {
    incidentId: state.incident.id,
    text: input.value,
    selectionStart: input.selectionStart,
    selectionEnd: input.selectionEnd,
    focused: doc.activeElement === input,
    saveRequested: input.dataset.saveRequested !== undefined,
  };
}
