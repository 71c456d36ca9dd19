import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { deleteEntry, editEntry, listEntries, restoreEntry } from '../../db/entries-repo';
import type { SitrepDb } from '../../db/database';
import type { EntryEdit, EntryKind, TimeDisplay, TimelineEntry } from '../../model';
import { buildTimelineRows, filterEntries } from '../timeline-rows';
import { liveSignal, type LiveSignal } from './live-signal';
import { attemptInto } from './attempt';

/** Enough entries to fill the first screen of the side panel. */
const FIRST_SCREEN = 50;

/** One incident's timeline: live entries, filters, rows for the list, and edit/delete/undo. */
export function createTimelineState(db: SitrepDb, incidentId: ReadonlySignal<string | undefined>, timeDisplay: ReadonlySignal<TimeDisplay>) {
  const entries = signal<TimelineEntry[] | undefined>(undefined);
  const kinds = signal<ReadonlySet<EntryKind>>(new Set());
  const starredOnly = signal(false);
  /** The last entry deleted, until undone or replaced by another deletion. */
  const lastDeleted = signal<TimelineEntry | undefined>(undefined);
  const error = signal<string | undefined>(undefined);
  /** True while only the first screen of a long timeline has been read. */
  const partial = signal(false);

  let live: LiveSignal<TimelineEntry[] | undefined> | undefined;
  const stopFollowing = effect(() => {
    const id = incidentId.value;
    live?.dispose();
    live = undefined;
    entries.value = undefined;
    partial.value = false;
    lastDeleted.value = undefined;
    if (!id) return;
    let stopped = false;
    let unsubscribe: (() => void) | undefined;
    const follow = () => {
      if (stopped) return;
      const current = (live = liveSignal<TimelineEntry[] | undefined>(() => listEntries(db, id), undefined));
      // Copy into our own signal so consumers need not care that the subscription changes.
      unsubscribe = current.value.subscribe((v) => {
        if (live !== current || v === undefined) return;
        entries.value = v;
        partial.value = false;
      });
    };
    // A long timeline takes a while to read whole; paint its first screen from a small read, and
    // only then start the whole read, so it neither delays the small one nor the first paint.
    void listEntries(db, id, { limit: FIRST_SCREEN })
      .then((first) => {
        if (stopped || entries.value !== undefined) return;
        entries.value = first;
        partial.value = first.length === FIRST_SCREEN;
      })
      .catch(() => {}) // the whole read reports errors
      .finally(() => setTimeout(follow, 0));
    return () => {
      stopped = true;
      unsubscribe?.();
    };
  });

  const visible = computed(() => filterEntries(entries.value ?? [], { kinds: kinds.value, starredOnly: starredOnly.value }));
  const rows = computed(() => buildTimelineRows(visible.value, timeDisplay.value));

  const attempt = attemptInto(error);

  return {
    entries,
    partial,
    visible,
    rows,
    kinds,
    starredOnly,
    lastDeleted,
    error,

    toggleKind(kind: EntryKind) {
      const next = new Set(kinds.value);
      if (!next.delete(kind)) next.add(kind);
      kinds.value = next;
    },
    /** Rejects when the edit is not stored: the editor keeps what was typed and says why. */
    async edit(id: string, patch: EntryEdit): Promise<void> {
      await editEntry(db, id, patch);
    },
    toggleStar: (entry: TimelineEntry) => attempt(() => editEntry(db, entry.id, { starred: !entry.starred })),
    remove: (entry: TimelineEntry) =>
      attempt(async () => {
        await deleteEntry(db, entry.id);
        lastDeleted.value = entry;
      }),
    undoDelete: () =>
      attempt(async () => {
        const entry = lastDeleted.value;
        if (!entry) return;
        await restoreEntry(db, entry.id);
        lastDeleted.value = undefined;
      }),

    dispose() {
      stopFollowing();
      live?.dispose();
    },
  };
}

export type TimelineState = ReturnType<typeof createTimelineState>;
