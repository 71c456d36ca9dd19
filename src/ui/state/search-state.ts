import { effect, signal } from '@preact/signals';
import { searchEntries, type SitrepDb } from '../../db';
import type { TimelineEntry } from '../../model';

/** Search across every incident, debounced so typing stays smooth on a large log. */
export function createSearchState(db: SitrepDb, debounceMs = 150) {
  const query = signal('');
  const results = signal<TimelineEntry[] | undefined>(undefined);
  const searching = signal(false);
  let run = 0;

  const stop = effect(() => {
    const q = query.value.trim();
    const mine = ++run;
    if (!q) {
      results.value = undefined;
      searching.value = false;
      return;
    }
    searching.value = true;
    const timer = setTimeout(async () => {
      const hits = await searchEntries(db, q);
      if (mine !== run) return;
      results.value = hits;
      searching.value = false;
    }, debounceMs);
    return () => clearTimeout(timer);
  });

  return { query, results, searching, dispose: stop };
}

export type SearchState = ReturnType<typeof createSearchState>;
