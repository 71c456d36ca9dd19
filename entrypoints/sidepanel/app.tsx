import { useComputed, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { TimelineEntry } from '../../src/model';
import { getDb } from '../../src/db/open';
import { requestPersistentStorage } from '../../src/db/persist';
import { DataMenu } from '../../src/ui/components/data-menu';
import { DeclareForm } from '../../src/ui/components/declare-form';
import { ErrorBanner } from '../../src/ui/components/error-banner';
import { HeldClips } from '../../src/ui/components/held-clips';
import { IncidentHeader } from '../../src/ui/components/incident-header';
import { IncidentSwitcher } from '../../src/ui/components/incident-switcher';
import { NoteBox } from '../../src/ui/components/note-box';
import { SearchResults } from '../../src/ui/components/search-results';
import { FilterBar } from '../../src/ui/components/timeline/filter-bar';
import { TimelineList } from '../../src/ui/components/timeline/timeline-list';
import { UndoBar } from '../../src/ui/components/timeline/undo-bar';
import { TimeDisplayToggle } from '../../src/ui/components/time-display-toggle';
import { buildEntryHash, copyEntryLink } from '../../src/ui/entry-link';
import { useCreated } from '../../src/ui/hooks/use-created';
import { useGlobalKeys } from '../../src/ui/hooks/use-global-keys';
import { useHashTarget } from '../../src/ui/hooks/use-hash-target';
import { AppContext } from '../../src/ui/state/context';
import { createDraftsState } from '../../src/ui/state/drafts-state';
import { createHeldClipsState } from '../../src/ui/state/held-clips-state';
import { createLogState } from '../../src/ui/state/log-state';
import { createSearchState } from '../../src/ui/state/search-state';
import { createTimelineState } from '../../src/ui/state/timeline-state';

export function App() {
  const db = getDb();
  const log = useCreated(() => createLogState(db));
  const drafts = useCreated(createDraftsState);
  const search = useCreated(() => createSearchState(db));
  /** What the last "copy link" did, said where the reader is looking. */
  const copied = useSignal<string | undefined>(undefined);
  const held = useCreated(() => createHeldClipsState(db, () => log.settings.value.author));
  const hashTarget = useHashTarget();
  // A link (#incident=…) shows that incident; otherwise the side panel follows the active one.
  const shownId = useComputed(() => hashTarget.value?.incidentId ?? log.activeId.value);
  const timeDisplay = useComputed(() => log.settings.value.timeDisplay);
  const timeline = useCreated(() => createTimelineState(db, shownId, timeDisplay));
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => void requestPersistentStorage(), []);
  const header = useRef<HTMLDivElement>(null);
  // "Incident details" stays open or shut as the person last left it: the timeline needs the room.
  useEffect(() => {
    const details = header.current?.querySelector('details');
    if (details) details.open = readDetailsOpen();
    // `toggle` does not bubble: listen in the capture phase.
    const remember = (e: Event) => e.target instanceof HTMLDetailsElement && writeDetailsOpen(e.target.open);
    const box = header.current;
    box?.addEventListener('toggle', remember, true);
    return () => box?.removeEventListener('toggle', remember, true);
  }, [shownId.value, !!log.incidents.value]);

  useGlobalKeys({
    '/': () => searchBox.current?.focus(),
    'Mod+z': () => void timeline.undoDelete(),
  });

  const incidents = log.incidents.value;
  const shown = incidents?.find((i) => i.id === shownId.value);

  function openEntry(entry: TimelineEntry) {
    search.query.value = '';
    location.hash = buildEntryHash({ incidentId: entry.incidentId, entryId: entry.id });
  }

  async function copyLink(entry: TimelineEntry) {
    const url = browser.runtime.getURL('/sidepanel.html') + buildEntryHash({ incidentId: entry.incidentId, entryId: entry.id });
    copied.value = await copyEntryLink(url);
  }

  return (
    <AppContext.Provider value={{ db, log }}>
      <main class="sidepanel">
        <header class="app-header">
          <h1>Sitrep</h1>
          <TimeDisplayToggle value={timeDisplay.value} onChange={(v) => void log.setSettings({ timeDisplay: v })} />
          <DataMenu shown={shown} timeline={timeline} />
        </header>
        <ErrorBanner message={log.lastError.value ?? timeline.error.value} />
        <div class="search">
          <label class="sr-only" for="search-input">
            Search all incidents
          </label>
          <input
            id="search-input"
            ref={searchBox}
            type="search"
            placeholder="Search all incidents ( / )"
            value={search.query.value}
            onInput={(e) => (search.query.value = e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && (search.query.value = '')}
          />
        </div>
        <SearchResults search={search} incidents={incidents ?? []} timeDisplay={timeDisplay.value} onOpen={openEntry} />
        {incidents && (
          <IncidentSwitcher
            incidents={incidents}
            activeId={shown?.id}
            onSwitch={(id) => {
              history.replaceState(null, '', location.pathname);
              hashTarget.value = undefined;
              void log.switchTo(id);
            }}
          />
        )}
        <HeldClips state={held} incidents={incidents ?? []} />
        {incidents && !incidents.length && !held.held.value.length && <DeclareForm onDeclare={log.declare} autoFocus />}
        {shown && (
          <>
            <div ref={header}>
              <IncidentHeader key={shown.id} incident={shown} onUpdate={(patch) => void log.update(shown.id, patch)} />
            </div>
            <NoteBox key={shown.id} incident={shown} drafts={drafts} />
            <FilterBar timeline={timeline} />
            <UndoBar timeline={timeline} />
            <TimelineList
              timeline={timeline}
              timeDisplay={timeDisplay.value}
              focusEntryId={hashTarget.value?.entryId}
              components={log.componentsById.value}
              onCopyLink={(entry) => void copyLink(entry)}
            />
            <p class="copy-link-status" role="status" data-testid="copy-link-status">
              {copied.value ?? ''}
            </p>
          </>
        )}
      </main>
    </AppContext.Provider>
  );
}

const DETAILS_OPEN_KEY = 'sitrep.incidentDetails.open';

function readDetailsOpen(): boolean {
  try {
    return localStorage.getItem(DETAILS_OPEN_KEY) === '1';
  } catch {
    return false;
  }
}

function writeDetailsOpen(open: boolean) {
  try {
    localStorage.setItem(DETAILS_OPEN_KEY, open ? '1' : '0');
  } catch {
    // Only the memory of the choice is lost.
  }
}
