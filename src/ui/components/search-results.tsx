import type { Incident, TimeDisplay, TimelineEntry } from '../../model';
import { formatClock, formatCount, formatDay } from '../format-time';
import type { SearchState } from '../state/search-state';
import { Untrusted } from './timeline/untrusted';

interface Props {
  search: SearchState;
  incidents: readonly Incident[];
  timeDisplay: TimeDisplay;
  onOpen(entry: TimelineEntry): void;
}

/** Hits across every incident; choosing one opens its incident at that entry. */
export function SearchResults({ search, incidents, timeDisplay, onOpen }: Props) {
  const results = search.results.value;
  const error = search.error.value;
  if (error) {
    return (
      <p class="error" role="alert" data-testid="search-error">
        {error}
      </p>
    );
  }
  if (results === undefined) return search.searching.value ? <p class="hint">Searching…</p> : null;
  const byId = new Map(incidents.map((i) => [i.id, i]));
  return (
    <section class="search-results" aria-label="Search results">
      <p class="hint" role="status">
        {results.length >= 200
          ? `At least ${formatCount(results.length, 'match', 'matches')} in all incidents; the first ${results.length} are shown.`
          : results.length
            ? `${formatCount(results.length, 'match', 'matches')} in all incidents`
            : 'No matches in any incident.'}
      </p>
      <ul>
        {results.map((entry) => (
          <li key={entry.id}>
            <button type="button" class="search-hit" onClick={() => onOpen(entry)}>
              <span class="key">{byId.get(entry.incidentId)?.key ?? '?'}</span>
              <time dateTime={entry.at}>
                {formatDay(entry.at, timeDisplay)} {formatClock(entry.at, timeDisplay)}
              </time>
              <Untrusted class="search-hit__text" text={entry.text} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
