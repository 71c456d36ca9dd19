import { useComputed, useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { getDb } from '../../src/db/open';
import { DeclareForm } from '../../src/ui/components/declare-form';
import { ErrorBanner } from '../../src/ui/components/error-banner';
import { HeldClips } from '../../src/ui/components/held-clips';
import { IncidentHeader } from '../../src/ui/components/incident-header';
import { IncidentSwitcher } from '../../src/ui/components/incident-switcher';
import { NoteBox } from '../../src/ui/components/note-box';
import { SearchBox } from '../../src/ui/components/search-box';
import { FilterBar } from '../../src/ui/components/timeline/filter-bar';
import { TimelineList } from '../../src/ui/components/timeline/timeline-list';
import { UndoBar } from '../../src/ui/components/timeline/undo-bar';
import { TimeDisplayToggle } from '../../src/ui/components/time-display-toggle';
import { useCreated } from '../../src/ui/hooks/use-created';
import { useEntryLinks } from '../../src/ui/hooks/use-entry-links';
import { useGlobalKeys } from '../../src/ui/hooks/use-global-keys';
import { useHashTarget } from '../../src/ui/hooks/use-hash-target';
import { lazyComponent } from '../../src/ui/hooks/lazy-component';
import { usePersistentStorage } from '../../src/ui/hooks/use-persistent-storage';
import { useRememberedOpen } from '../../src/ui/hooks/use-remembered-details';
import { AppContext } from '../../src/ui/state/context';
import { createDraftsState } from '../../src/ui/state/drafts-state';
import { createHeldClipsState } from '../../src/ui/state/held-clips-state';
import { createLogState } from '../../src/ui/state/log-state';
import { createSearchState } from '../../src/ui/state/search-state';
import { createTimelineState } from '../../src/ui/state/timeline-state';

// What the first paint does not need (backup import/export, the post-mortem editor, search hits)
// loads after it, in chunks of its own: the timeline paints without evaluating their code.
const DataMenu = lazyComponent(() => import('../../src/ui/components/data-menu').then((m) => m.DataMenu));
const PostmortemView = lazyComponent(() => import('../../src/ui/components/postmortem/postmortem-tab').then((m) => m.PostmortemView));
const SearchResults = lazyComponent(() => import('../../src/ui/components/search-results').then((m) => m.SearchResults));

export function App() {
  const db = getDb();
  const log = useCreated(() => createLogState(db));
  const drafts = useCreated(createDraftsState);
  const search = useCreated(() => createSearchState(db));
  const held = useCreated(() => createHeldClipsState(db, () => log.settings.value.author));
  const hashTarget = useHashTarget();
  /** The post-mortem view beside the timeline (one button in the header opens and shuts it). */
  const postmortemOpen = useSignal(false);
  // A link (#incident=…) shows that incident; otherwise the side panel follows the active one.
  const shownId = useComputed(() => hashTarget.value?.incidentId ?? log.activeId.value);
  const timeDisplay = useComputed(() => log.settings.value.timeDisplay);
  const timeline = useCreated(() => createTimelineState(db, shownId, timeDisplay));
  const links = useEntryLinks({ log, search, hashTarget });
  const searchBox = useRef<HTMLInputElement>(null);
  usePersistentStorage();
  // "Incident details" stays open or shut as the person last left it: the timeline needs the room.
  const [detailsOpen, onDetailsToggle] = useRememberedOpen('sitrep.incidentDetails.open');

  useGlobalKeys({
    '/': () => searchBox.current?.focus(),
    'Mod+z': () => void timeline.undoDelete(),
  });

  const incidents = log.incidents.value;
  const shown = incidents?.find((i) => i.id === shownId.value);

  return (
    <AppContext.Provider value={{ db, log }}>
      <main class="sidepanel">
        <header class="app-header">
          <h1>Sitrep</h1>
          <TimeDisplayToggle value={timeDisplay.value} onChange={(v) => void log.changeSettings({ timeDisplay: v })} />
          {shown && (
            // In the header row, not above the timeline: shut, the post-mortem costs the list no height.
            <button
              type="button"
              id="pm-tab"
              aria-expanded={postmortemOpen.value}
              aria-controls="pm-view"
              onClick={() => (postmortemOpen.value = !postmortemOpen.value)}
            >
              Post-mortem
            </button>
          )}
          <DataMenu shown={shown} timeline={timeline} />
        </header>
        <ErrorBanner message={log.lastError.value ?? timeline.error.value} />
        <SearchBox search={search} inputRef={searchBox} />
        <SearchResults search={search} incidents={incidents ?? []} timeDisplay={timeDisplay.value} onOpen={links.openEntry} />
        {incidents && <IncidentSwitcher incidents={incidents} activeId={shown?.id} onSwitch={links.switchTo} />}
        <HeldClips state={held} incidents={incidents ?? []} />
        {incidents && !incidents.length && !held.held.value.length && <DeclareForm onDeclare={log.declare} autoFocus />}
        {shown && (
          <>
            <IncidentHeader
              key={shown.id}
              incident={shown}
              onUpdate={(patch) => void log.update(shown.id, patch)}
              detailsOpen={detailsOpen}
              onDetailsToggle={onDetailsToggle}
            />
            <NoteBox key={shown.id} incident={shown} drafts={drafts} />
            {postmortemOpen.value && (
              <section class="pm-tab" aria-label="Post-mortem">
                <div id="pm-view">
                  <PostmortemView key={shown.id} incident={shown} />
                </div>
              </section>
            )}
            <FilterBar timeline={timeline} />
            <UndoBar timeline={timeline} />
            <TimelineList
              timeline={timeline}
              timeDisplay={timeDisplay.value}
              focusEntryId={hashTarget.value?.entryId}
              components={log.componentsById.value}
              onCopyLink={links.copyLink}
            />
            <p class="copy-link-status" role="status" data-testid="copy-link-status">
              {links.copied.value ?? ''}
            </p>
          </>
        )}
      </main>
    </AppContext.Provider>
  );
}
