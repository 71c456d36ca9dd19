import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Component, TimeDisplay, TimelineEntry } from '../../../model';
import type { TimelineRow } from '../../timeline-rows';
import { useVirtualizer } from '../../hooks/use-virtualizer';
import type { TimelineState } from '../../state/timeline-state';
import { EntryEditor } from './entry-editor';
import { EntryRow } from './entry-row';

interface Props {
  timeline: TimelineState;
  timeDisplay: TimeDisplay;
  /** Entry to scroll to and highlight (from a link). */
  focusEntryId?: string;
  /** Components by id, to name the ones a clip was tagged with. */
  components: ReadonlyMap<string, Component>;
  onCopyLink(entry: TimelineEntry): void;
}

/**
 * The timeline as a virtual list: only rows in view are rendered. Rows are focusable;
 * ↑/↓ (or j/k) move between them, e edits, s stars, c copies a link, Delete deletes.
 */
export function TimelineList({ timeline, timeDisplay, focusEntryId, components, onCopyLink }: Props) {
  const rows = timeline.rows.value;
  const scroller = useRef<HTMLDivElement>(null);
  const editing = useSignal<string | undefined>(undefined);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.type === 'day' ? 36 : 64),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 6,
  });

  useEffect(() => {
    if (!focusEntryId) return;
    const index = rows.findIndex((r) => r.key === focusEntryId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
  }, [focusEntryId, rows.length > 0]);

  function focusRow(index: number) {
    const target = Math.max(0, Math.min(rows.length - 1, index));
    const row = () => scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"]`);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // Focus at once when the row is rendered, so the next key lands on it; else after it renders.
    const now = row();
    if (now) now.focus({ preventScroll: true });
    else requestAnimationFrame(() => row()?.focus({ preventScroll: true }));
  }

  function onRowKey(e: KeyboardEvent, index: number, row: TimelineRow) {
    if (e.target !== e.currentTarget) return; // typing in an editor
    const entry = row.type === 'entry' ? row.entry : undefined;
    const act: Record<string, () => void> = {
      ArrowDown: () => focusRow(index + 1),
      j: () => focusRow(index + 1),
      ArrowUp: () => focusRow(index - 1),
      k: () => focusRow(index - 1),
      Home: () => focusRow(0),
      End: () => focusRow(rows.length - 1),
      ...(entry && {
        e: () => (editing.value = entry.id),
        Enter: () => (editing.value = entry.id),
        s: () => void timeline.toggleStar(entry),
        c: () => onCopyLink(entry),
        Delete: () => {
          void timeline.remove(entry);
          focusRow(index);
        },
      }),
    };
    // Own keys only: a lookup by outside input never reaches what every object inherits.
    const action = Object.hasOwn(act, e.key) ? act[e.key] : undefined;
    if (action && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      action();
    }
  }

  if (timeline.entries.value === undefined) return <p class="hint">Loading timeline…</p>;
  if (!rows.length) {
    return <p class="hint empty">{timeline.entries.value.length ? 'No entries match the filter.' : 'No entries yet.'}</p>;
  }

  return (
    <div class="timeline" ref={scroller} role="feed" aria-label="Timeline" aria-busy={false} data-testid="timeline">
      <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              class={`timeline__row${row.type === 'day' ? ' timeline__day' : ''}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              tabIndex={row.type === 'entry' ? 0 : -1}
              aria-posinset={item.index + 1}
              aria-setsize={rows.length}
              onKeyDown={(e) => onRowKey(e, item.index, row)}
            >
              {row.type === 'day' ? (
                <h3 data-testid="day-heading">{row.label}</h3>
              ) : editing.value === row.entry.id ? (
                <EntryEditor
                  entry={row.entry}
                  timeDisplay={timeDisplay}
                  onCancel={() => {
                    editing.value = undefined;
                    focusRow(item.index);
                  }}
                  onSave={async (patch) => {
                    await timeline.edit(row.entry.id, patch);
                    editing.value = undefined;
                  }}
                />
              ) : (
                <EntryRow
                  entry={row.entry}
                  timeDisplay={timeDisplay}
                  highlighted={row.entry.id === focusEntryId}
                  components={components}
                  onEdit={() => (editing.value = row.entry.id)}
                  onStar={() => void timeline.toggleStar(row.entry)}
                  onDelete={() => void timeline.remove(row.entry)}
                  onCopyLink={() => onCopyLink(row.entry)}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
