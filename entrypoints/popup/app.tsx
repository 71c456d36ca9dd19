import { effect } from '@preact/signals';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { openTimeline } from '../../src/clipper/open-timeline';
import { getDb } from '../../src/db/open';
import { ClipButton } from '../../src/ui/components/clip-button';
import { DeclareForm } from '../../src/ui/components/declare-form';
import { HeldClips } from '../../src/ui/components/held-clips';
import { ErrorBanner } from '../../src/ui/components/error-banner';
import { IncidentCard } from '../../src/ui/components/incident-card';
import { IncidentSwitcher } from '../../src/ui/components/incident-switcher';
import { NoteBox } from '../../src/ui/components/note-box';
import type { NoteHandoff } from '../../src/ui/components/note-field';
import { OpenTimelineButton } from '../../src/ui/components/open-timeline-button';
import { ShortcutsFooter } from '../../src/ui/components/shortcuts-info';
import { lazyComponent } from '../../src/ui/hooks/lazy-component';
import { usePersistentStorage } from '../../src/ui/hooks/use-persistent-storage';
import { AppContext } from '../../src/ui/state/context';
import { createDraftsState } from '../../src/ui/state/drafts-state';
import { createHeldClipsState } from '../../src/ui/state/held-clips-state';
import { createLogState } from '../../src/ui/state/log-state';
import { keepShellHint } from '../../src/ui/state/shell-hint-state';
import { rememberNoteBoxTop } from '../../src/ui/note-box-top';

// Below the note box and not needed to write the first note: loaded after the first paint.
const StatusComposer = lazyComponent(() => import('../../src/ui/components/status-composer').then((m) => m.StatusComposer));
const ImChecklist = lazyComponent(() => import('../../src/ui/components/im-checklist').then((m) => m.ImChecklist));
const KeyMoments = lazyComponent(() => import('../../src/ui/components/key-moments').then((m) => m.KeyMoments));

/** Longest the popup waits for the log before it renders anyway (a broken database says so itself). */
const LOAD_WAIT_MS = 1500;

type PopupState = Awaited<ReturnType<typeof openPopupState>>;

/** The popup's state, once the incidents, the active one and the drafts are read: the first render is complete. */
async function openPopupState() {
  const db = getDb();
  const log = createLogState(db);
  const drafts = createDraftsState();
  const held = createHeldClipsState(db, () => log.settings.value.author);
  let stop = () => {};
  const loaded = new Promise<void>((resolve) => {
    stop = effect(() => {
      if (log.incidents.value !== undefined) resolve();
    });
    setTimeout(resolve, LOAD_WAIT_MS);
  });
  await Promise.all([log.ready, drafts.ready, loaded]);
  stop();
  return { db, log, drafts, held };
}

/**
 * Opens the log and resolves with the popup's render, given what the shell's note box held (see
 * `main.tsx`): the app then replaces the shell in one render and takes over its note.
 */
export async function startPopup(): Promise<(root: HTMLElement, handoff?: NoteHandoff) => void> {
  const state = await openPopupState();
  return (root, handoff) => {
    // The shell is popup.html's own markup, not Preact's: it goes, and the handoff restores the
    // text, caret and keyboard in the same task, before any key can land in between.
    root.replaceChildren();
    render(<App state={state} handoff={handoff} />, root);
  };
}

function App({ state: { db, log, drafts, held }, handoff }: { state: PopupState; handoff?: NoteHandoff }) {
  // The first paint's note is taken once, by the note box of the incident it was typed for, and
  // never into a resolved one (that asks first; the text waits as its draft).
  const [takeHandoff] = useState(() => {
    let left = log.active.value?.status === 'resolved' ? undefined : handoff;
    return (incidentId: string) => {
      const taken = left?.incidentId === incidentId ? left : undefined;
      left = undefined;
      return taken;
    };
  });
  useEffect(() => rememberNoteBoxTop());
  useEffect(() => keepShellHint(log, drafts), [log, drafts]);
  usePersistentStorage();
  const declareSection = useRef<HTMLDetailsElement>(null);
  /** "Declare new" beside a resolved incident: the one declare form, opened, with the keyboard in it. */
  function openDeclare() {
    if (declareSection.current) declareSection.current.open = true;
    document.getElementById('declare-title')?.focus();
  }

  const incidents = log.incidents.value;
  const active = log.active.value;
  const heldCount = held.held.value.length;
  // Beside a held clip, its own "New incident from this clip" is the way to declare: this one stays closed.
  const declare = (
    <details class="declare" ref={declareSection} open={!incidents?.length && !heldCount}>
      <summary>Declare a new incident</summary>
      <DeclareForm onDeclare={log.declare} autoFocus={!incidents?.length && !heldCount} />
    </details>
  );
  return (
    <AppContext.Provider value={{ db, log }}>
      <main class="popup">
        <header class="app-header">
          <h1>Sitrep</h1>
          <OpenTimelineButton open={openTimeline} />
        </header>
        <ErrorBanner message={log.lastError.value} />
        {incidents === undefined ? (
          <p class="hint">Loading…</p>
        ) : (
          <>
            {/* First run: declaring is what to do first; clipping needs an incident to go to. */}
            {!incidents.length && !heldCount && declare}
            <ClipButton />
            <HeldClips state={held} incidents={incidents} />
            <IncidentSwitcher incidents={incidents} activeId={active?.id} onSwitch={(id) => void log.switchTo(id)} label="Notes go to" />
            {active && <IncidentCard incident={active} />}
            {active && <NoteBox key={active.id} incident={active} drafts={drafts} onDeclareNew={openDeclare} takeHandoff={takeHandoff} />}
            {active && <StatusComposer key={active.id} incident={active} />}
            {active && <ImChecklist key={active.id} incident={active} />}
            {active && <KeyMoments incident={active} timeDisplay={log.settings.value.timeDisplay} onUpdate={(patch) => void log.update(active.id, patch)} />}
            {(incidents.length > 0 || heldCount > 0) && declare}
          </>
        )}
        <ShortcutsFooter />
      </main>
    </AppContext.Provider>
  );
}
