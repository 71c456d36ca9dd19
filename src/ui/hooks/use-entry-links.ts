import { useSignal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { TimelineEntry } from '../../model';
import { buildEntryHash, copyEntryLink, type EntryTarget } from '../entry-link';
import type { LogState } from '../state/log-state';
import type { SearchState } from '../state/search-state';

interface Options {
  log: LogState;
  search: SearchState;
  /** The incident and entry the page's address points at (`useHashTarget`). */
  hashTarget: Signal<EntryTarget | undefined>;
  /** The side panel's own address, which entry links extend. */
  pageUrl?: () => string;
  clipboard?: Pick<Clipboard, 'writeText'>;
}

/**
 * The side panel's moves between incidents and entries: opening a search hit, copying an entry's
 * link (and saying what happened), and switching incidents, which leaves any link's incident.
 * None of them rejects: a failure is said in `copied` or in the log's `lastError`.
 */
export function useEntryLinks({ log, search, hashTarget, pageUrl = () => browser.runtime.getURL('/sidepanel.html'), clipboard }: Options) {
  /** What the last "copy link" did, said where the reader is looking. */
  const copied = useSignal<string | undefined>(undefined);
  return {
    copied,
    openEntry(entry: TimelineEntry) {
      search.query.value = '';
      location.hash = buildEntryHash({ incidentId: entry.incidentId, entryId: entry.id });
    },
    copyLink(entry: TimelineEntry) {
      const url = pageUrl() + buildEntryHash({ incidentId: entry.incidentId, entryId: entry.id });
      void copyEntryLink(url, clipboard).then((said) => (copied.value = said));
    },
    switchTo(incidentId: string) {
      history.replaceState(null, '', location.pathname);
      hashTarget.value = undefined;
      void log.switchTo(incidentId);
    },
  };
}
