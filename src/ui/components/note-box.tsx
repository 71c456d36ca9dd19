import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Incident } from '../../model';
import type { DraftsState } from '../state/drafts-state';
import { formatClock } from '../format-time';
import { useApp } from '../state/context';

/**
 * The note box: Enter saves with the current time, Shift+Enter starts a new line. The draft is
 * kept in storage as it is typed, and cleared only once the note is safely in the log.
 */
export function NoteBox({ incident, drafts }: { incident: Incident; drafts: DraftsState }) {
  const { log } = useApp();
  const input = useRef<HTMLTextAreaElement>(null);
  const text = useSignal(drafts.get(incident.id));
  const saved = useSignal<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    drafts.ready.then(() => {
      if (live) text.value = drafts.get(incident.id);
    });
    input.current?.focus();
    return () => {
      live = false;
    };
  }, [incident.id]);

  async function save() {
    const note = text.value.trim();
    if (!note) return;
    const entry = await log.addNote(incident.id, note);
    if (!entry) return; // the error is shown; the draft stays
    text.value = '';
    await drafts.set(incident.id, '');
    saved.value = `Saved at ${formatClock(entry.at, log.settings.value.timeDisplay)}`;
  }

  return (
    <div class="note-box">
      <label for="note-input">Add a note to {incident.key}</label>
      <textarea
        id="note-input"
        ref={input}
        rows={3}
        placeholder="What just happened? Enter saves, Shift+Enter for a new line"
        value={text.value}
        onInput={(e) => {
          text.value = e.currentTarget.value;
          saved.value = undefined;
          void drafts.set(incident.id, text.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <p class="hint" role="status" aria-live="polite">
        {saved.value ?? ' '}
      </p>
    </div>
  );
}
