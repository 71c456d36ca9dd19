import type { Ref } from 'preact';
import type { SearchState } from '../state/search-state';

/** The side panel's search over every incident: `/` puts the keyboard here, Escape clears it. */
export function SearchBox({ search, inputRef }: { search: SearchState; inputRef?: Ref<HTMLInputElement> }) {
  return (
    <div class="search">
      <label class="sr-only" for="search-input">
        Search all incidents
      </label>
      <input
        id="search-input"
        ref={inputRef}
        type="search"
        placeholder="Search all incidents ( / )"
        value={search.query.value}
        onInput={(e) => (search.query.value = e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && (search.query.value = '')}
      />
    </div>
  );
}
