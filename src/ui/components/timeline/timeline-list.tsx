import { useSignal } from '@preact/signals';
import { Component as PreactComponent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Component, EntryEdit, TimeDisplay, TimelineEntry } from '../../../model';
import type { TimelineRow } from '../../timeline-rows';
import { useVirtualizer } from '../../hooks/use-virtualizer';
import type { TimelineState } from '../../state/timeline-state';
import { EntryEditor } from './entry-editor';
import { EntryRow } from './entry-row';
import { NewEntriesPill } from '../new-entries-pill';

/** Within this many pixels of the end, the reader is following the newest entries. */
const NEAR_END_PX = 48;

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
  // Stable while the rows are: the virtualizer recomputes every row's offset (all 10,000 of them)
  // whenever its key function changes, so a new closure at each render costs a full pass a frame.
  // The virtualizer asks for every row's key and size after each measurement: plain array reads.
  const { getItemKey, estimateSize } = useMemo(() => {
    const keys = rows.map((row) => row.key);
    const sizes = rows.map(estimateRowHeight);
    return { getItemKey: (i: number) => keys[i] ?? i, estimateSize: (i: number) => sizes[i] ?? 64 };
  }, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    overscan: 6,
  });

  const follow = useFollowNewest(timeline, rows, scroller, (index) => virtualizer.scrollToIndex(index, { align: 'auto' }));

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

  // One object for the component's life, reading the latest render's functions: rows compare it by
  // identity, so scrolling re-renders only the rows that enter the view.
  const latest = useRef({ onRowKey, focusRow, onCopyLink, timeline });
  latest.current = { onRowKey, focusRow, onCopyLink, timeline };
  const [actions] = useState<RowActions>(() => ({
    onKeyDown: (e: KeyboardEvent, index: number, row: TimelineRow) => latest.current.onRowKey(e, index, row),
    edit: (entry: TimelineEntry) => (editing.value = entry.id),
    cancelEdit: (index: number) => {
      editing.value = undefined;
      latest.current.focusRow(index);
    },
    save: async (entry: TimelineEntry, patch: EntryEdit) => {
      await latest.current.timeline.edit(entry.id, patch);
      editing.value = undefined;
    },
    star: (entry: TimelineEntry) => void latest.current.timeline.toggleStar(entry),
    remove: (entry: TimelineEntry) => void latest.current.timeline.remove(entry),
    copyLink: (entry: TimelineEntry) => latest.current.onCopyLink(entry),
  }));

  if (timeline.entries.value === undefined) return <p class="hint">Loading timeline…</p>;
  if (!rows.length) {
    return <p class="hint empty">{timeline.entries.value.length ? 'No entries match the filter.' : 'No entries yet.'}</p>;
  }

  return (
    <div class="timeline-frame">
      <div
        class="timeline"
        ref={scroller}
        role="feed"
        aria-label="Timeline"
        aria-busy={false}
        data-testid="timeline"
        onScroll={follow.onScroll}
        onWheel={follow.onReaderScroll}
        onTouchMove={follow.onReaderScroll}
        onPointerDown={follow.onReaderScroll}
        onKeyDownCapture={follow.onReaderScroll}
      >
        <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const entryId = row.type === 'entry' ? row.entry.id : undefined;
            return (
              <TimelineRowView
                key={item.key}
                row={row}
                index={item.index}
                start={item.start}
                setSize={rows.length}
                measure={virtualizer.measureElement}
                editing={entryId !== undefined && editing.value === entryId}
                highlighted={entryId !== undefined && entryId === focusEntryId}
                timeDisplay={timeDisplay}
                components={components}
                actions={actions}
              />
            );
          })}
        </div>
      </div>
      <NewEntriesPill count={follow.pending.length} onShow={follow.showPending} />
    </div>
  );
}

/** What a row can ask of the list; one object for the list's life, so rows can compare it by identity. */
interface RowActions {
  onKeyDown(e: KeyboardEvent, index: number, row: TimelineRow): void;
  edit(entry: TimelineEntry): void;
  cancelEdit(index: number): void;
  save(entry: TimelineEntry, patch: EntryEdit): Promise<void>;
  star(entry: TimelineEntry): void;
  remove(entry: TimelineEntry): void;
  copyLink(entry: TimelineEntry): void;
}

interface RowProps {
  row: TimelineRow;
  index: number;
  start: number;
  setSize: number;
  measure(element: HTMLElement | null): void;
  editing: boolean;
  highlighted: boolean;
  timeDisplay: TimeDisplay;
  components: ReadonlyMap<string, Component>;
  actions: RowActions;
}

/**
 * A height close to what a row lays out at, so few rows move once measured: a day heading, or an
 * entry's lines of text (about 48 characters a line in the side panel) plus its clip details.
 */
function estimateRowHeight(row: TimelineRow): number {
  if (row.type === 'day') return 36;
  const lines = Math.max(1, Math.ceil(row.entry.text.length / 48));
  return 30 + 19 * lines + (row.entry.clip ? 60 : 0);
}

/** One positioned row: moving it (a row above was measured) touches only its own element. */
function TimelineRowView({ row, index, start, setSize, measure, actions, ...body }: RowProps) {
  return (
    <div
      data-index={index}
      ref={measure}
      class={`timeline__row${row.type === 'day' ? ' timeline__day' : ''}`}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${start}px)` }}
      tabIndex={row.type === 'entry' ? 0 : -1}
      // A feed's children are articles; posinset/setsize are only allowed on them.
      role="article"
      aria-posinset={index + 1}
      aria-setsize={setSize}
      onKeyDown={(e) => actions.onKeyDown(e, index, row)}
    >
      <RowBody row={row} index={index} actions={actions} {...body} />
    </div>
  );
}

type RowBodyProps = Omit<RowProps, 'start' | 'setSize' | 'measure'>;

/**
 * What a row shows. It renders again only when that changed (the entry object, editing, the
 * highlight, the time display), not on every scroll frame of the list around it.
 */
class RowBody extends PreactComponent<RowBodyProps> {
  override shouldComponentUpdate(next: RowBodyProps): boolean {
    const p = this.props;
    return (
      next.row !== p.row ||
      next.index !== p.index ||
      next.editing !== p.editing ||
      next.highlighted !== p.highlighted ||
      next.timeDisplay !== p.timeDisplay ||
      next.components !== p.components ||
      next.actions !== p.actions
    );
  }

  override render({ row, index, editing, highlighted, timeDisplay, components, actions }: RowBodyProps) {
    if (row.type === 'day') return <h3 data-testid="day-heading">{row.label}</h3>;
    if (editing) {
      return (
        <EntryEditor
          entry={row.entry}
          timeDisplay={timeDisplay}
          onCancel={() => actions.cancelEdit(index)}
          onSave={(patch) => actions.save(row.entry, patch)}
        />
      );
    }
    return (
      <EntryRow
        entry={row.entry}
        timeDisplay={timeDisplay}
        highlighted={highlighted}
        components={components}
        onEdit={() => actions.edit(row.entry)}
        onStar={() => actions.star(row.entry)}
        onDelete={() => actions.remove(row.entry)}
        onCopyLink={() => actions.copyLink(row.entry)}
      />
    );
  }
}

/**
 * Keeps the newest entry in sight: an entry that arrives (a note, a clip from another tab) is
 * scrolled to, unless the reader has scrolled away from the end; then it waits behind a
 * "1 new entry ↓" button. Entries first read with the incident, or restored, are not arrivals.
 */
function useFollowNewest(timeline: TimelineState, rows: TimelineRow[], scroller: { current: HTMLDivElement | null }, scrollToIndex: (index: number) => void) {
  const entries = timeline.entries.value;
  const partial = timeline.partial.value;
  const seen = useRef<{ incidentId?: string; ids: Set<string>; complete: boolean }>({ ids: new Set(), complete: false });
  const readerMoved = useRef(false);
  const nearEnd = useRef(true);
  const pending = useSignal<string[]>([]);

  useEffect(() => {
    if (!entries) {
      seen.current = { ids: new Set(), complete: false };
      readerMoved.current = false;
      pending.value = [];
      return;
    }
    const incidentId = entries[0]?.incidentId ?? seen.current.incidentId;
    const known = seen.current;
    // The first read of an incident (and the rest of a long one after its first screen) is not news.
    const baseline = !known.complete || known.incidentId !== incidentId;
    const arrived = baseline ? [] : entries.filter((e) => !known.ids.has(e.id)).map((e) => e.id);
    if (baseline && known.incidentId !== incidentId) known.ids = new Set();
    for (const e of entries) known.ids.add(e.id);
    known.incidentId = incidentId;
    known.complete = !partial;
    if (!arrived.length) return;
    const shown = arrived.filter((id) => rows.some((r) => r.key === id));
    if (!shown.length) return;
    if (readerMoved.current && !nearEnd.current) {
      pending.value = [...pending.value, ...shown];
      return;
    }
    const index = Math.max(...shown.map((id) => rows.findIndex((r) => r.key === id)));
    scrollToIndex(index);
    // Measured rows may be taller than estimated: look again once they are laid out.
    requestAnimationFrame(() => scrollToIndex(index));
  }, [entries, partial, rows]);

  // Arrivals deleted or filtered out meanwhile are no longer waiting.
  const waiting = pending.value.filter((id) => rows.some((r) => r.key === id));

  return {
    pending: waiting,
    onReaderScroll() {
      readerMoved.current = true;
    },
    onScroll() {
      const el = scroller.current;
      if (!el) return;
      nearEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_END_PX;
      if (nearEnd.current && pending.value.length) pending.value = [];
    },
    showPending() {
      const first = Math.min(...waiting.map((id) => rows.findIndex((r) => r.key === id)));
      pending.value = [];
      if (Number.isFinite(first)) {
        scrollToIndex(first);
        requestAnimationFrame(() => scrollToIndex(first));
      }
    },
  };
}
