import { effect, signal } from '@preact/signals';
import { searchEntries } from '../../db/entries-repo';
import type { SitrepDb } from '../../db/database';
import type { TimelineEntry } from '../../model';

/** Search across every incident, debounced so typing stays smooth on a large log. */
export function createSearchState(db: SitrepDb, debounceMs = 150) {
  const query = signal('');
  const results = signal<TimelineEntry[] | undefined>(undefined);
  const searching = signal(false);
  /** Why the last search failed; cleared by the next query. */
  const error = signal<string | undefined>(undefined);
  let run = 0;

  async function search(q: string, mine: number) {
    try {
      const hits = await searchEntries(db, q);
      if (mine !== run) return;
      results.value = hits;
    } catch (e) {
      if (mine !== run) return;
      results.value = undefined;
      error.value = `Search failed: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      if (mine === run) searching.value = false;
    }
  }

  const stop = effect(() => {
    const q = query.value.trim();
    const mine = ++run;
    error.value = undefined;
    if (!q) {
      results.value = undefined;
      searching.value = false;
      return;
    }
    searching.value = true;
    const timer = setTimeout(() => void search(q, mine), debounceMs);
    return () => clearTimeout(timer);
  });

  return { query, results, searching, error, dispose: stop };
}

export type SearchState = ReturnType<typeof createSearchState>;
