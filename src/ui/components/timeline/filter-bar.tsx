import { EntryKind, ENTRY_KIND_LABELS } from '../../../model';
import { formatCount } from '../../format-time';
import type { TimelineState } from '../../state/timeline-state';

/**
 * Show only some kinds of entry, or only starred ones. "All" is pressed while no kind is picked,
 * so the row always says what the list is showing; pressing it drops every kind filter.
 */
export function FilterBar({ timeline }: { timeline: TimelineState }) {
  const kinds = timeline.kinds.value;
  const total = timeline.entries.value?.length ?? 0;
  return (
    <div class="filter-bar" role="group" aria-label="Show entries of kind">
      <button type="button" class="chip" aria-pressed={kinds.size === 0} onClick={() => (timeline.kinds.value = new Set())}>
        All
      </button>
      {EntryKind.options.map((kind) => (
        <button key={kind} type="button" class="chip" aria-pressed={kinds.has(kind)} onClick={() => timeline.toggleKind(kind)}>
          {ENTRY_KIND_LABELS[kind]}
        </button>
      ))}
      <button type="button" class="chip" aria-pressed={timeline.starredOnly.value} onClick={() => (timeline.starredOnly.value = !timeline.starredOnly.value)}>
        ★ Starred only
      </button>
      <span class="hint count" aria-live="polite" data-testid="filter-count">
        {timeline.partial.value
          ? 'Loading the whole timeline…'
          : `${timeline.visible.value.length.toLocaleString('en')} of ${formatCount(total, 'entry', 'entries')} shown`}
      </span>
    </div>
  );
}
