import { useSignal } from '@preact/signals';
import { openOptionsPage } from '../open-options';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Incident } from '../../model';
import type { DraftsState } from '../state/drafts-state';
import { formatClock } from '../format-time';
import { useApp } from '../state/context';
import { DeclareForm } from './declare-form';
import { NoteField, type NoteHandoff } from './note-field';
import { ResolvedNotice } from './resolved-notice';

interface Props {
  incident: Incident;
  drafts: DraftsState;
  /** Where "Declare new" takes the person; without it, a declare form opens in place. */
  onDeclareNew?(): void;
  /** What the popup's first paint had in its note box for this incident, if anything: taken once. */
  takeHandoff?(incidentId: string): NoteHandoff | undefined;
}

/**
 * The note box: Enter saves with the current time, Shift+Enter starts a new line. The draft is
 * kept in storage as it is typed, and cleared only once the note is safely in the log.
 *
 * For a resolved incident it asks first (ResolvedNotice): writing there is a choice made on
 * purpose, once per opening, never the default.
 */
export function NoteBox({ incident, drafts, onDeclareNew, takeHandoff }: Props) {
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
  return <NoteInput incident={incident} drafts={drafts} resolved={resolved} takeHandoff={takeHandoff} />;
}

function NoteInput({ incident, drafts, resolved, takeHandoff }: { incident: Incident; drafts: DraftsState; resolved: boolean } & Pick<Props, 'takeHandoff'>) {
  const { log } = useApp();
  const [handoff] = useState(() => takeHandoff?.(incident.id));
  const input = useRef<HTMLTextAreaElement>(null);
  const text = useSignal(handoff?.text ?? drafts.get(incident.id));
  const saved = useSignal<string | undefined>(undefined);

  // Focused at commit, in the frame that first paints the box: a useEffect would focus it a frame later.
  // Taken over from the first paint: the caret where it was, and the keyboard only if it was there.
  useLayoutEffect(() => {
    if (handoff && !handoff.focused) return;
    input.current?.focus();
    if (handoff) input.current?.setSelectionRange(handoff.selectionStart, handoff.selectionEnd);
  }, [incident.id]);
  useEffect(() => {
    // What the first paint handed over is newer than what storage may hold yet.
    if (handoff) return;
    let live = true;
    void drafts.ready.then(() => {
      if (live) text.value = drafts.get(incident.id);
    });
    return () => {
      live = false;
    };
  }, [incident.id]);
  // Enter pressed before the log was open: the note is saved now, as the person asked.
  useEffect(() => {
    if (handoff?.saveRequested) void save();
  }, []);

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
      <NoteField
        incidentKey={incident.key}
        resolved={resolved}
        value={text.value}
        inputRef={input}
        onInput={(value) => {
          text.value = value;
          saved.value = undefined;
          void drafts.set(incident.id, value);
        }}
        onSave={() => void save()}
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
