import Dexie from 'dexie';
import { EntryEdit, TimelineEntry, compareEntries, toInstant, type Clip, type EntryKind } from '../model';
import type { SitrepDb } from './database';
import { TERMS_FIELD, termsOf } from './search-terms';

export interface NewEntry {
  incidentId: string;
  kind: EntryKind;
  text: string;
  author: string;
  /** When it happened, if not now (backdating). */
  at?: Date | string;
  sourceUrl?: string;
  starred?: boolean;
  /** Clip details, for entries of kind `clip`. */
  clip?: Clip;
}

/** A valid entry recorded now; throws a ZodError naming the field that is wrong. */
export function buildEntry(input: NewEntry, now = new Date()): TimelineEntry {
  const recordedAt = toInstant(now);
  return TimelineEntry.parse({
    id: crypto.randomUUID(),
    incidentId: input.incidentId,
    at: input.at === undefined ? recordedAt : toInstant(input.at),
    recordedAt,
    author: input.author,
    kind: input.kind,
    text: input.text,
    ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
    starred: input.starred ?? false,
    ...(input.clip ? { clip: input.clip } : {}),
    updatedAt: recordedAt,
  });
}

/** Adds an entry to an existing incident. */
export async function addEntry(db: SitrepDb, input: NewEntry, now = new Date()): Promise<TimelineEntry> {
  const entry = buildEntry(input, now);
  await db.transaction('rw', db.incidents, db.entries, async () => {
    if (!(await db.incidents.get(entry.incidentId))) throw new Error(`No incident with id ${entry.incidentId}`);
    await db.entries.add(entry);
  });
  return entry;
}

function timelineRange(db: SitrepDb, incidentId: string) {
  return db.entries.where('[incidentId+at]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]);
}

/**
 * One incident's timeline in the order things happened (ties: the order they were written);
 * `limit` reads only the earliest entries, for a first screen.
 */
export async function listEntries(
  db: SitrepDb,
  incidentId: string,
  { withDeleted = false, limit }: { withDeleted?: boolean; limit?: number } = {},
): Promise<TimelineEntry[]> {
  const range = timelineRange(db, incidentId);
  const rows = await (limit === undefined ? range : range.limit(limit)).toArray();
  const kept = withDeleted ? rows : rows.filter((e) => !e.deletedAt);
  return kept.toSorted(compareEntries);
}

/** One incident's entries of one kind, in time order, deleted ones left out; read by index. */
export async function listEntriesOfKind(db: SitrepDb, incidentId: string, kind: EntryKind): Promise<TimelineEntry[]> {
  const rows = await db.entries.where('[incidentId+kind]').equals([incidentId, kind]).toArray();
  return rows.filter((e) => !e.deletedAt).sort(compareEntries);
}

/** Edits text, time, kind or star; returns the saved entry. */
export async function editEntry(db: SitrepDb, id: string, edit: EntryEdit, now = new Date()): Promise<TimelineEntry> {
  const patch = EntryEdit.parse(edit);
  return db.transaction('rw', db.entries, async () => {
    const current = await db.entries.get(id);
    if (!current) throw new Error(`No timeline entry with id ${id}`);
    const next = TimelineEntry.parse({ ...current, ...patch, updatedAt: toInstant(now) });
    await db.entries.put(next);
    return next;
  });
}

/** Soft-deletes an entry; `restoreEntry` undoes it. */
export async function deleteEntry(db: SitrepDb, id: string, now = new Date()): Promise<void> {
  await setDeleted(db, id, toInstant(now), now);
}

export async function restoreEntry(db: SitrepDb, id: string, now = new Date()): Promise<void> {
  await setDeleted(db, id, undefined, now);
}

async function setDeleted(db: SitrepDb, id: string, deletedAt: string | undefined, now: Date) {
  await db.transaction('rw', db.entries, async () => {
    const current = await db.entries.get(id);
    if (!current) throw new Error(`No timeline entry with id ${id}`);
    const { deletedAt: _old, ...rest } = current;
    await db.entries.put({ ...rest, ...(deletedAt ? { deletedAt } : {}), updatedAt: toInstant(now) });
  });
}

/**
 * Search across every incident's entries, newest first, at most `limit` hits. Each word of the
 * query must begin a word of the entry ("chec 502" finds "HTTP 502 on /checkout"). The `*terms`
 * index finds the candidates for the longest word, so a rare word costs a few reads, not a scan;
 * a query with no letters or digits ("->") falls back to a scan for the text as typed.
 */
export async function searchEntries(db: SitrepDb, query: string, limit = 200): Promise<TimelineEntry[]> {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const words = termsOf(needle);
  let hits: TimelineEntry[];
  if (words.length === 0) {
    hits = await db.entries.filter((e) => !e.deletedAt && e.text.toLowerCase().includes(needle)).toArray();
  } else {
    const probe = words.reduce((a, b) => (b.length > a.length ? b : a));
    const candidates = await db.entries.where(TERMS_FIELD).startsWith(probe).distinct().toArray();
    hits = candidates.filter((e) => {
      if (e.deletedAt) return false;
      const terms = termsOf(e.text);
      return words.every((w) => terms.some((t) => t.startsWith(w)));
    });
  }
  return hits.toSorted((a, b) => compareEntries(b, a)).slice(0, limit);
}
