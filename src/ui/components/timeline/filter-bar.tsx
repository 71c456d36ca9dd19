import { EntryKind, ENTRY_KIND_LABELS } from '../../../model';
import type { TimelineState } from '../../state/timeline-state';

/** Show only some kinds of entry, or only starred ones. */
export function FilterBar({ timeline }: { timeline: TimelineState }) {
  const kinds = timeline.kinds.value;
  return (
    <div class="filter-bar" role="group" aria-label="Filter the timeline">
      {EntryKind.options.map((kind) => (
        <button key={kind} type="button" class="chip" aria-pressed={kinds.has(kind)} onClick={() => timeline.toggleKind(kind)}>
          {ENTRY_KIND_LABELS[kind]}
        </button>
      ))}
      <button
        type="button"
        class="chip"
        aria-pressed={timeline.starredOnly.value}
        onClick={() => (timeline.starredOnly.value = !timeline.starredOnly.value)}
      >
        ★ Starred
      </button>
      <span class="hint count" aria-live="polite">
        {timeline.partial.value
          ? 'Loading the whole timeline…'
          : `${timeline.visible.value.length} of ${timeline.entries.value?.length ?? 0}`}
      </span>
    </div>
  );
}
