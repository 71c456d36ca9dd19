import { useSignal } from '@preact/signals';
import { openOptionsPage } from '../open-options';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Incident } from '../../model';
import type { DraftsState } from '../state/drafts-state';
import { formatClock } from '../format-time';
import { useApp } from '../state/context';
import { DeclareForm } from './declare-form';
import { ResolvedNotice } from './resolved-notice';

interface Props {
  incident: Incident;
  drafts: DraftsState;
  /** Where "Declare new" takes the person; without it, a declare form opens in place. */
  onDeclareNew?(): void;
}

/**
 * The note box: Enter saves with the current time, Shift+Enter starts a new line. The draft is
 * kept in storage as it is typed, and cleared only once the note is safely in the log.
 *
 * For a resolved incident it asks first (ResolvedNotice): writing there is a choice made on
 * purpose, once per opening, never the default.
 */
export function NoteBox({ incident, drafts, onDeclareNew }: Props) {
  const { log } = useApp();
  const resolved = incident.status === 'resolved';
  const addAnyway = useSignal(false);
  const declaring = useSignal(false);
  const box = useRef<HTMLDivElement>(null);
  // autofocus does not act on an element added after the page loaded.
  useEffect(() => {
    if (declaring.value) box.current?.querySelector<HTMLInputElement>('#declare-title')?.focus();
  }, [declaring.value]);
  if (resolved && !addAnyway.value) {
    return (
      <div class="note-box" ref={box}>
        <ResolvedNotice
          incident={incident}
          timeDisplay={log.settings.value.timeDisplay}
          onDeclareNew={() => (onDeclareNew ? onDeclareNew() : (declaring.value = true))}
          onReopen={() => void log.update(incident.id, { status: 'investigating' })}
          onAddAnyway={() => (addAnyway.value = true)}
        />
        {declaring.value && <DeclareForm onDeclare={log.declare} />}
      </div>
    );
  }
  return <NoteInput incident={incident} drafts={drafts} resolved={resolved} />;
}

function NoteInput({ incident, drafts, resolved }: { incident: Incident; drafts: DraftsState; resolved: boolean }) {
  const { log } = useApp();
  const input = useRef<HTMLTextAreaElement>(null);
  const text = useSignal(drafts.get(incident.id));
  const saved = useSignal<string | undefined>(undefined);

  // Focused at commit, in the frame that first paints the box: a useEffect would focus it a frame later.
  useLayoutEffect(() => input.current?.focus(), [incident.id]);
  useEffect(() => {
    let live = true;
    void drafts.ready.then(() => {
      if (live) text.value = drafts.get(incident.id);
    });
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
      <label for="note-input">
        Add a note to {incident.key}
        {resolved && ' (resolved)'}
      </label>
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
      {/* Said once there is something to sign, not to someone who has not written a word. */}
      {!log.settings.value.author && (text.value.trim() || saved.value) && (
        <p class="nudge">
          Notes are unsigned.{' '}
          <a href="#" onClick={openOptionsPage}>
            Add your name
          </a>
        </p>
      )}
      <p class="hint" role="status" aria-live="polite">
        {saved.value ?? ' '}
      </p>
    </div>
  );
}
