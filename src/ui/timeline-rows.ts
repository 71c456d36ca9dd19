import type { EntryKind, TimeDisplay, TimelineEntry } from '../model';
import { dayKey, formatDay } from './format-time';

export type TimelineRow = { type: 'day'; key: string; label: string } | { type: 'entry'; key: string; entry: TimelineEntry };

export interface TimelineFilter {
  /** Kinds to show; empty shows every kind. */
  kinds: ReadonlySet<EntryKind>;
  starredOnly: boolean;
}

export function filterEntries(entries: readonly TimelineEntry[], { kinds, starredOnly }: TimelineFilter): TimelineEntry[] {
  if (!kinds.size && !starredOnly) return entries as TimelineEntry[];
  return entries.filter((e) => (!kinds.size || kinds.has(e.kind)) && (!starredOnly || e.starred));
}

/**
 * Flattens a sorted timeline into rows for the virtual list, with a day heading before each
 * day's entries whenever the incident spans more than one day in the zone being shown.
 */
export function buildTimelineRows(entries: readonly TimelineEntry[], mode: TimeDisplay): TimelineRow[] {
  const first = entries[0];
  const last = entries.at(-1);
  const multiDay = !!first && !!last && dayKey(first.at, mode) !== dayKey(last.at, mode);
  const rows: TimelineRow[] = [];
  let currentDay = '';
  for (const entry of entries) {
    if (multiDay) {
      const day = dayKey(entry.at, mode);
      if (day !== currentDay) {
        currentDay = day;
        rows.push({ type: 'day', key: `day-${day}`, label: formatDay(entry.at, mode) });
      }
    }
    rows.push({ type: 'entry', key: entry.id, entry });
  }
  return rows;
}
