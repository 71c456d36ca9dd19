import type { Component, HeldClip, Incident, IncidentKey, Maintenance, Screenshot, StatusUpdate, TimelineEntry } from '../model';
import type { Backup } from './backup';
import { decodeHeldClip, decodeScreenshot } from './backup-images';

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
 * - Components, status updates and maintenances merge like entries (the later `updatedAt` wins).
 * - Screenshots and held clips never change once written, so one already here is skipped. A held
 *   clip that was placed here became the entry with its id, so it is skipped too: a backup made
 *   before placing it does not bring it back.
 */

/**
 * The log as it is now: every incident (their keys matter) and at least the entries and
 * components the backup names. Pictures are not read to compare, only their ids.
 */
export interface LocalRecords {
  incidents: readonly Incident[];
  entries: readonly TimelineEntry[];
  components?: readonly Component[];
  /** At least the status updates and maintenances the backup names. */
  updates?: readonly StatusUpdate[];
  maintenances?: readonly Maintenance[];
  /** Which of the backup's screenshots are stored here already. */
  screenshotIds?: Iterable<string>;
  /** Which of the backup's held clips are held here already, or were placed here (an entry has the id). */
  heldClipIds?: Iterable<string>;
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
  componentsAdded: number;
  componentsUpdated: number;
  updatesAdded: number;
  updatesUpdated: number;
  maintenancesAdded: number;
  maintenancesUpdated: number;
  screenshotsAdded: number;
  heldClipsAdded: number;
  /** Records in the backup that changed nothing here: identical, or the local copy is newer. */
  unchanged: number;
  rekeyed: Rekeyed[];
}

export interface MergePlan {
  /** Incidents to put (new and updated), with their final keys. */
  incidents: Incident[];
  /** Entries to put (new and updated). */
  entries: TimelineEntry[];
  /** Components to put (new and updated). */
  components: Component[];
  updates: StatusUpdate[];
  maintenances: Maintenance[];
  /** New screenshots and held clips, their pictures decoded back to Blobs. */
  screenshots: Screenshot[];
  heldClips: HeldClip[];
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
    componentsAdded: 0,
    componentsUpdated: 0,
    updatesAdded: 0,
    updatesUpdated: 0,
    maintenancesAdded: 0,
    maintenancesUpdated: 0,
    screenshotsAdded: 0,
    heldClipsAdded: 0,
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

  const components = mergeById(local.components, backup.components, summary, 'componentsAdded', 'componentsUpdated');
  const updates = mergeById(local.updates, backup.updates, summary, 'updatesAdded', 'updatesUpdated');
  const maintenances = mergeById(local.maintenances, backup.maintenances, summary, 'maintenancesAdded', 'maintenancesUpdated');

  const screenshotsHere = new Set(local.screenshotIds ?? []);
  const screenshots: Screenshot[] = [];
  backup.screenshots.forEach((incoming, i) => {
    if (screenshotsHere.has(incoming.id)) summary.unchanged++;
    else {
      screenshots.push(decodeScreenshot(incoming, `screenshots[${i}]`));
      summary.screenshotsAdded++;
    }
  });

  const heldHere = new Set(local.heldClipIds ?? []);
  const heldClips: HeldClip[] = [];
  backup.heldClips.forEach((incoming, i) => {
    if (heldHere.has(incoming.id)) summary.unchanged++;
    else {
      heldClips.push(decodeHeldClip(incoming, `heldClips[${i}]`));
      summary.heldClipsAdded++;
    }
  });
  return { incidents, entries, components, updates, maintenances, screenshots, heldClips, summary };
}

type CountOf = { [K in keyof ImportSummary]: ImportSummary[K] extends number ? K : never }[keyof ImportSummary];

/** Records matched by id: new ones are added, the later `updatedAt` wins, the rest count as unchanged. */
function mergeById<T extends { id: string; updatedAt: string }>(
  local: readonly T[] | undefined,
  incoming: readonly T[],
  summary: ImportSummary,
  added: CountOf,
  updated: CountOf,
): T[] {
  const here = new Map((local ?? []).map((r) => [r.id, r]));
  const out: T[] = [];
  for (const record of incoming) {
    const current = here.get(record.id);
    if (!current) {
      out.push(record);
      summary[added]++;
    } else if (pickNewer(current, record) === 'incoming') {
      out.push(record);
      summary[updated]++;
    } else summary.unchanged++;
  }
  return out;
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

/**
 * Field by field; nested values (a clip, a list of patterns) compare by content. An absent
 * optional field and `undefined` are the same thing.
 */
function sameRecord(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) {
    const x = ra[key];
    const y = rb[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (canonicalJson(x) !== canonicalJson(y)) return false;
  }
  return true;
}

/** JSON with object keys sorted at every depth, so key order never decides a merge. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** One or two sentences for the import result, naming every re-keyed incident. */
export function describeImportSummary(summary: ImportSummary): string {
  const added = joinCounts([
    [summary.incidentsAdded, 'incident'],
    [summary.entriesAdded, 'timeline entry'],
    [summary.screenshotsAdded, 'screenshot'],
    [summary.componentsAdded, 'component'],
    [summary.updatesAdded, 'status update'],
    [summary.maintenancesAdded, 'maintenance'],
    [summary.heldClipsAdded, 'held clip'],
  ]);
  const updated = joinCounts([
    [summary.incidentsUpdated, 'incident'],
    [summary.entriesUpdated, 'timeline entry'],
    [summary.componentsUpdated, 'component'],
    [summary.updatesUpdated, 'status update'],
    [summary.maintenancesUpdated, 'maintenance'],
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

/** `1 incident, 4 timeline entries and 2 screenshots` */
function joinCounts(counts: [number, string][]): string {
  const parts = counts
    .filter(([n]) => n > 0)
    .map(([n, noun]) => count(n, noun, noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
