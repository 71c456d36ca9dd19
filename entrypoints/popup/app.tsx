import { useRef } from 'preact/hooks';
import { openTimeline } from '../../src/clipper/open-timeline';
import { getDb } from '../../src/db/open';
import { ClipButton } from '../../src/ui/components/clip-button';
import { DeclareForm } from '../../src/ui/components/declare-form';
import { HeldClips } from '../../src/ui/components/held-clips';
import { ErrorBanner } from '../../src/ui/components/error-banner';
import { IncidentCard } from '../../src/ui/components/incident-card';
import { IncidentSwitcher } from '../../src/ui/components/incident-switcher';
import { NoteBox } from '../../src/ui/components/note-box';
import { OpenTimelineButton } from '../../src/ui/components/open-timeline-button';
import { ShortcutsFooter } from '../../src/ui/components/shortcuts-info';
import { useCreated } from '../../src/ui/hooks/use-created';
import { lazyComponent } from '../../src/ui/hooks/lazy-component';
import { usePersistentStorage } from '../../src/ui/hooks/use-persistent-storage';
import { AppContext } from '../../src/ui/state/context';
import { createDraftsState } from '../../src/ui/state/drafts-state';
import { createHeldClipsState } from '../../src/ui/state/held-clips-state';
import { createLogState } from '../../src/ui/state/log-state';

// Below the note box and not needed to write the first note: loaded after the first paint.
const StatusComposer = lazyComponent(() => import('../../src/ui/components/status-composer').then((m) => m.StatusComposer));
const ImChecklist = lazyComponent(() => import('../../src/ui/components/im-checklist').then((m) => m.ImChecklist));
const KeyMoments = lazyComponent(() => import('../../src/ui/components/key-moments').then((m) => m.KeyMoments));

export function App() {
  const db = getDb();
  const log = useCreated(() => createLogState(db));
  const drafts = useCreated(createDraftsState);
  const held = useCreated(() => createHeldClipsState(db, () => log.settings.value.author));
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
            {active && <NoteBox key={active.id} incident={active} drafts={drafts} onDeclareNew={openDeclare} />}
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
