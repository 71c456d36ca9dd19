import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FirstPaintState } from '../state/first-paint-state';
import { noteDraftsItem } from '../../db/storage-items';
import { rememberedNoteBoxTop } from '../note-box-top';
import { NoteField, type NoteHandoff } from './note-field';

/** Set by the first paint's note box: whether Enter was pressed before the app could save. */
let saveRequested = false;

/**
 * The popup's first paint, shown while the log opens: its header and, for the active incident,
 * the note box with its draft and the keyboard, where the full popup will put it. Typing is kept
 * as the draft, as the full note box does; Enter is remembered and honoured by the app.
 */
export function PopupFirstPaint({ state: { incident, drafts } }: { state: FirstPaintState }) {
  const input = useRef<HTMLTextAreaElement>(null);
  const spacer = useRef<HTMLDivElement>(null);
  const noteBox = useRef<HTMLDivElement>(null);
  const [text, setText] = useState(() => (incident && typeof drafts[incident.id] === 'string' ? drafts[incident.id]! : ''));
  const [saving, setSaving] = useState(false);
  useLayoutEffect(() => {
    // The spacer takes what the app shows above the note box (clip button, incident card…).
    const top = rememberedNoteBoxTop();
    const box = noteBox.current?.getBoundingClientRect().top;
    if (spacer.current && top !== undefined && box !== undefined) spacer.current.style.height = `${Math.max(0, top - box)}px`;
    input.current?.focus();
  }, []);
  return (
    <main class="popup" data-first-paint="">
      <header class="app-header">
        <h1>Sitrep</h1>
      </header>
      {incident ? (
        <>
          <div ref={spacer} aria-hidden="true" />
          <div class="note-box" ref={noteBox}>
            <NoteField
              incidentKey={incident.key}
              resolved={false}
              value={text}
              inputRef={input}
              onInput={(value) => {
                setText(value);
                const next = { ...drafts };
                if (value) next[incident.id] = value;
                else delete next[incident.id];
                // The app writes the draft again when it takes over: a refusal here loses nothing on screen.
                noteDraftsItem.setValue(next).catch(() => {});
              }}
              onSave={() => {
                saveRequested = true;
                setSaving(true);
              }}
            />
            <p class="hint" role="status" aria-live="polite">
              {saving ? 'Saving…' : ' '}
            </p>
          </div>
        </>
      ) : (
        <p class="hint">Loading…</p>
      )}
    </main>
  );
}

/** What the first paint's note box holds now, for the app to take over; undefined when it showed none. */
export function handoffFrom(state: FirstPaintState | undefined, doc: Document = document): NoteHandoff | undefined {
  const box = doc.querySelector<HTMLTextAreaElement>('main.popup #note-input');
  if (!state?.incident || !box) return undefined;
  return {
    incidentId: state.incident.id,
    text: box.value,
    selectionStart: box.selectionStart,
    selectionEnd: box.selectionEnd,
    focused: doc.activeElement === box,
    saveRequested,
  };
}
