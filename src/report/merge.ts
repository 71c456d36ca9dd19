import type { Incident, IncidentKey, TimelineEntry } from '../model';
import type { Backup } from './backup';

/**
 * Merging a backup into the log, as a pure plan. Records are matched by id (a UUID, global), so
 * the same backup twice or a colleague's copy of the same incident never duplicates anything.
 *
 * - The copy with the later `updatedAt` wins. Soft deletion and undo both bump `updatedAt`, so
 *   they propagate like any other edit.
 * - Equal `updatedAt` but different content (two clocks agreeing to the millisecond) is settled
 *   by comparing the records' JSON, so both colleagues end up with the same copy whichever of
 *   them imports first.
 * - An incident keeps the key it has here: people already call it INC-7 in chat. A new incident
 *   whose key is taken here by a different incident gets a fresh key from `allocateKey`.
 */

/** The log as it is now: every incident (their keys matter) and at least the entries the backup names. */
export interface LocalRecords {
  incidents: readonly Incident[];
  entries: readonly TimelineEntry[];
}

/** Hands out an unused key; the merge skips any it returns that are already taken. */
export type KeyAllocator = () => IncidentKey;

export interface Rekeyed {
  /** The key in the backup. */
  from: IncidentKey;
  /** The key it was given here. */
  to: IncidentKey;
  title: string;
}

export interface ImportSummary {
  incidentsAdded: number;
  incidentsUpdated: number;
  entriesAdded: number;
  entriesUpdated: number;
  /** Records in the backup that changed nothing here: identical, or the local copy is newer. */
  unchanged: number;
  rekeyed: Rekeyed[];
}

export interface MergePlan {
  /** Incidents to put (new and updated), with their final keys. */
  incidents: Incident[];
  /** Entries to put (new and updated). */
  entries: TimelineEntry[];
  summary: ImportSummary;
}

/** Up to this many refusals in a row from the allocator means it is broken, not unlucky. */
const MAX_ALLOCATION_TRIES = 10_000;

export function planBackupMerge(local: LocalRecords, backup: Backup, allocateKey: KeyAllocator): MergePlan {
  const summary: ImportSummary = {
    incidentsAdded: 0,
    incidentsUpdated: 0,
    entriesAdded: 0,
    entriesUpdated: 0,
    unchanged: 0,
    rekeyed: [],
  };
  const localIncidents = new Map(local.incidents.map((i) => [i.id, i]));
  const localEntries = new Map(local.entries.map((e) => [e.id, e]));
  const taken = new Set<string>(local.incidents.map((i) => i.key));
  // Keys the backup's new incidents keep must not be handed to a re-keyed one.
  for (const incident of backup.incidents) if (!localIncidents.has(incident.id)) taken.add(incident.key);
  const localKeyOwner = new Map(local.incidents.map((i) => [i.key, i.id]));

  const incidents: Incident[] = [];
  for (const incoming of backup.incidents) {
    const current = localIncidents.get(incoming.id);
    if (current) {
      const candidate = { ...incoming, key: current.key };
      if (pickNewer(current, candidate) === 'incoming') {
        incidents.push(candidate);
        summary.incidentsUpdated++;
      } else summary.unchanged++;
      continue;
    }
    if (localKeyOwner.has(incoming.key)) {
      const key = freshKey(allocateKey, taken);
      summary.rekeyed.push({ from: incoming.key, to: key, title: incoming.title });
      incidents.push({ ...incoming, key });
    } else incidents.push(incoming);
    summary.incidentsAdded++;
  }

  const entries: TimelineEntry[] = [];
  for (const incoming of backup.entries) {
    const current = localEntries.get(incoming.id);
    if (!current) {
      entries.push(incoming);
      summary.entriesAdded++;
    } else if (pickNewer(current, incoming) === 'incoming') {
      entries.push(incoming);
      summary.entriesUpdated++;
    } else summary.unchanged++;
  }
  return { incidents, entries, summary };
}

function freshKey(allocateKey: KeyAllocator, taken: Set<string>): IncidentKey {
  for (let tries = 0; tries < MAX_ALLOCATION_TRIES; tries++) {
    const key = allocateKey();
    if (!taken.has(key)) {
      taken.add(key);
      return key;
    }
  }
  throw new Error(`The incident key allocator returned only keys already in use (${MAX_ALLOCATION_TRIES} tries)`);
}

type Versioned = { updatedAt: string } & object;

/** Which copy to keep: the later updatedAt; on a tie, the same choice on every machine. */
function pickNewer(current: Versioned, incoming: Versioned): 'current' | 'incoming' {
  if (incoming.updatedAt !== current.updatedAt) return incoming.updatedAt > current.updatedAt ? 'incoming' : 'current';
  if (sameRecord(current, incoming)) return 'current';
  return canonicalJson(incoming) > canonicalJson(current) ? 'incoming' : 'current';
}

/** Flat records; an absent optional field and `undefined` are the same thing. */
function sameRecord(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (ra[key] !== rb[key]) return false;
  return true;
}

function canonicalJson(record: object): string {
  const entries = Object.entries(record).filter(([, v]) => v !== undefined);
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One or two sentences for the import result, naming every re-keyed incident. */
export function describeImportSummary(summary: ImportSummary): string {
  const added = joinCounts([
    [summary.incidentsAdded, 'incident'],
    [summary.entriesAdded, 'timeline entry'],
  ]);
  const updated = joinCounts([
    [summary.incidentsUpdated, 'incident'],
    [summary.entriesUpdated, 'timeline entry'],
  ]);
  const parts: string[] = [];
  if (added) parts.push(`added ${added}`);
  if (updated) parts.push(`updated ${updated}`);
  let text = parts.length
    ? `Imported: ${parts.join('; ')}.`
    : 'Nothing new: everything in this backup is already in the log.';
  if (parts.length && summary.unchanged) {
    text += ` ${count(summary.unchanged, 'record was', 'records were')} already up to date.`;
  }
  for (const { from, to, title } of summary.rekeyed) {
    text += ` ${from} “${title}” is ${to} here, because ${from} was already taken.`;
  }
  return text;
}

function joinCounts(counts: [number, string][]): string {
  return counts
    .filter(([n]) => n > 0)
    .map(([n, noun]) => count(n, noun, noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`))
    .join(' and ');
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
