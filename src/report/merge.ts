import * as z from 'zod';
import {
  ActionItem,
  Component,
  HeldClip,
  Incident,
  IncidentChecklist,
  Instant,
  LATEST_INSTANT,
  MAX_INCIDENT_NUMBER,
  Maintenance,
  Postmortem,
  Stakeholder,
  StatusUpdate,
  TimelineEntry,
  Tombstone,
  isRecord,
  toInstant,
} from '../model';
import type { IncidentKey, Screenshot, TombstoneTable } from '../model';
import { BACKUP_TABLES, oneLine, recordKey, recordLabel, type Backup, type BackupTable } from './backup';
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
 * - Components, status updates, maintenances, post-mortems, checklists, action items and
 *   stakeholders merge like entries (the later `updatedAt` wins). Post-mortems and checklists,
 *   one per incident, are matched by their incident's id.
 * - A tombstone (a record deleted for good, see model/tombstone.ts) wins over every copy: the
 *   record is skipped wherever a tombstone names it, here or in the file, and the file's new
 *   tombstones are recorded here and delete the local copies they name. Undo puts them back.
 * - Screenshots and held clips never change once written, so one already here is skipped. A held
 *   clip that was placed here became the entry with its id, so it is skipped too: a backup made
 *   before placing it does not bring it back.
 * - No record is later than the import itself: a time after `now` plus IMPORT_CLOCK_SKEW_MS
 *   (a file dated 2999, a colleague's clock far ahead) is taken as that moment, so it cannot win
 *   every later merge. Only what happened is clamped: a maintenance window ahead stays ahead,
 *   and a clip's range is what the dashboard showed.
 * - The plan says record by record what it changes (`changes`, for the preview) and keeps the
 *   local copies it replaces (`replaced`, for undo).
 */

/** How far ahead of this machine's clock a colleague's clock may run before their times are clamped. */
export const IMPORT_CLOCK_SKEW_MS = 5 * 60_000;

/** The instants of each table that say when something happened or was written: none is after now. */
const HAPPENED_AT = {
  incidents: ['startedAt', 'detectedAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt', 'createdAt', 'updatedAt'],
  entries: ['at', 'recordedAt', 'deletedAt', 'updatedAt'],
  components: ['updatedAt'],
  updates: ['at', 'updatedAt'],
  maintenances: ['completedAt', 'cancelledAt', 'createdAt', 'updatedAt'],
  postmortems: ['createdAt', 'updatedAt'],
  checklists: ['updatedAt'],
  actionItems: ['createdAt', 'updatedAt'],
  stakeholders: ['updatedAt'],
  tombstones: ['deletedAt'],
  screenshots: ['takenAt'],
  heldClips: ['takenAt'],
} as const satisfies Record<BackupTable, readonly string[]>;

export interface ClampedBackup {
  backup: Backup;
  /** `table:id` of every record that had a time clamped. */
  clamped: Set<string>;
  /** The latest time a clamped record claimed. */
  latestClaimed?: string;
}

/** The backup with every time of what happened no later than `now` plus the skew. */
export function clampBackupTimes(backup: Backup, now: Date): ClampedBackup {
  const limit = toInstant(Math.min(now.getTime() + IMPORT_CLOCK_SKEW_MS, Date.parse(LATEST_INSTANT)));
  const clamped = new Set<string>();
  let latestClaimed: string | undefined;
  function clampRows<T extends object>(table: BackupTable, rows: readonly T[]): T[] {
    const fields: readonly string[] = HAPPENED_AT[table];
    return rows.map((row) => {
      let out: T | undefined;
      for (const field of fields) {
        const value = (row as Record<string, unknown>)[field];
        if (typeof value === 'string' && value > limit) {
          out ??= { ...row };
          (out as Record<string, unknown>)[field] = limit;
          if (!latestClaimed || value > latestClaimed) latestClaimed = value;
        }
      }
      // A clip's alert time and sightings happened too: a file cannot date them in the future.
      const clip = (row as { clip?: { alertedAt?: string; sightings?: { at: string }[] } }).clip;
      if (clip) {
        const late = (at: string | undefined) => at !== undefined && at > limit;
        if (late(clip.alertedAt) || clip.sightings?.some((s) => late(s.at))) {
          for (const at of [clip.alertedAt, ...(clip.sightings ?? []).map((s) => s.at)]) {
            if (at !== undefined && late(at) && (!latestClaimed || at > latestClaimed)) latestClaimed = at;
          }
          out ??= { ...row };
          (out as Record<string, unknown>).clip = {
            ...clip,
            ...(late(clip.alertedAt) && { alertedAt: limit }),
            ...(clip.sightings && { sightings: clip.sightings.map((s) => (late(s.at) ? { ...s, at: limit } : s)) }),
          };
        }
      }
      if (!out) return row;
      clamped.add(`${table}:${recordKey(table, row)}`);
      return out;
    });
  }
  return {
    backup: {
      ...backup,
      incidents: clampRows('incidents', backup.incidents),
      entries: clampRows('entries', backup.entries),
      components: clampRows('components', backup.components),
      updates: clampRows('updates', backup.updates),
      maintenances: clampRows('maintenances', backup.maintenances),
      postmortems: clampRows('postmortems', backup.postmortems),
      checklists: clampRows('checklists', backup.checklists),
      actionItems: clampRows('actionItems', backup.actionItems),
      stakeholders: clampRows('stakeholders', backup.stakeholders),
      tombstones: clampRows('tombstones', backup.tombstones),
      screenshots: clampRows('screenshots', backup.screenshots),
      heldClips: clampRows('heldClips', backup.heldClips),
    },
    clamped,
    ...(latestClaimed && { latestClaimed }),
  };
}

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
  /** At least the post-mortems and checklists of the backup's incidents. */
  postmortems?: readonly Postmortem[];
  checklists?: readonly IncidentChecklist[];
  /** At least the action items and stakeholders the backup names, by record or by tombstone. */
  actionItems?: readonly ActionItem[];
  stakeholders?: readonly Stakeholder[];
  /** The held clips here that the backup's tombstones name (components likewise, in `components`). */
  heldClips?: readonly HeldClip[];
  /** Every deletion recorded here. */
  tombstones?: readonly Tombstone[];
}

/**
 * Hands out an unused key, given the keys already taken here or kept by the backup; the merge
 * skips any it returns that are taken anyway. Throws (BackupError) when no key is left.
 */
export type KeyAllocator = (taken: ReadonlySet<string>) => IncidentKey;

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
  postmortemsAdded: number;
  postmortemsUpdated: number;
  checklistsAdded: number;
  checklistsUpdated: number;
  actionItemsAdded: number;
  actionItemsUpdated: number;
  stakeholdersAdded: number;
  stakeholdersUpdated: number;
  screenshotsAdded: number;
  heldClipsAdded: number;
  /** Records here deleted because the backup's tombstones name them. */
  deleted: number;
  /** Records in the backup that changed nothing here: identical, or the local copy is newer. */
  unchanged: number;
  rekeyed: Rekeyed[];
}

/** One record an import will write, as the preview lists it. */
export interface RecordChange {
  table: BackupTable;
  id: string;
  /** `add`: new here; `replace`: the local copy gives way to the backup's; `delete`: a tombstone in the backup removes it here. */
  action: 'add' | 'replace' | 'delete';
  /** For `replace`: the backup's copy is newer (else: edited at the same moment, settled by content). */
  newer?: boolean;
  label: string;
  /** The version written (tables whose records change), as undo checks it. */
  updatedAt?: string;
  /** For `replace`: the version of the local copy it replaces. */
  replacesUpdatedAt?: string;
  /** A time in the backup was later than the import and was taken as the import's time. */
  clamped?: true;
  rekeyed?: { from: IncidentKey; to: IncidentKey };
}

/** The local copies an import replaces or deletes (pictures are only ever added). */
export interface ReplacedRecords {
  incidents: Incident[];
  entries: TimelineEntry[];
  components: Component[];
  updates: StatusUpdate[];
  maintenances: Maintenance[];
  postmortems: Postmortem[];
  checklists: IncidentChecklist[];
  actionItems: ActionItem[];
  stakeholders: Stakeholder[];
  /** Only ever deleted, by a tombstone. */
  heldClips: HeldClip[];
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
  postmortems: Postmortem[];
  checklists: IncidentChecklist[];
  actionItems: ActionItem[];
  stakeholders: Stakeholder[];
  /** The backup's tombstones not recorded here yet. */
  tombstones: Tombstone[];
  /** Local records those tombstones delete. */
  deletions: { table: TombstoneTable; id: string }[];
  /** New screenshots and held clips, their pictures decoded back to Blobs. */
  screenshots: Screenshot[];
  heldClips: HeldClip[];
  summary: ImportSummary;
  /** Every record written, in table order; what the preview shows and the import must match. */
  changes: RecordChange[];
  replaced: ReplacedRecords;
  /** The latest future time the backup claimed, if any was clamped. */
  latestClaimed?: string;
}

export interface MergeOptions {
  /** The import's own time: later times in the backup are clamped to it (plus the skew). */
  now: Date;
}

/** Up to this many refusals in a row from the allocator means it is broken, not unlucky. */
const MAX_ALLOCATION_TRIES = 10_000;

export function planBackupMerge(local: LocalRecords, file: Backup, allocateKey: KeyAllocator, { now }: MergeOptions): MergePlan {
  const { backup, clamped, latestClaimed } = clampBackupTimes(file, now);
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
    postmortemsAdded: 0,
    postmortemsUpdated: 0,
    checklistsAdded: 0,
    checklistsUpdated: 0,
    actionItemsAdded: 0,
    actionItemsUpdated: 0,
    stakeholdersAdded: 0,
    stakeholdersUpdated: 0,
    screenshotsAdded: 0,
    heldClipsAdded: 0,
    deleted: 0,
    unchanged: 0,
    rekeyed: [],
  };
  const replaced: ReplacedRecords = {
    incidents: [],
    entries: [],
    components: [],
    updates: [],
    maintenances: [],
    postmortems: [],
    checklists: [],
    actionItems: [],
    stakeholders: [],
    heldClips: [],
  };
  const changes: RecordChange[] = [];
  const localIncidents = new Map(local.incidents.map((i) => [i.id, i]));
  const taken = new Set<string>(local.incidents.map((i) => i.key));
  // Keys the backup's new incidents keep must not be handed to a re-keyed one.
  for (const incident of backup.incidents) if (!localIncidents.has(incident.id)) taken.add(incident.key);
  const localKeyOwner = new Map(local.incidents.map((i) => [i.key, i.id]));

  /** Which copy wins; a clamped copy that differs from the local one only in its times changes nothing. */
  function decide<T extends Versioned>(table: BackupTable, current: T, incoming: T): 'current' | 'incoming' {
    if (clamped.has(`${table}:${recordKey(table, incoming)}`) && sameRecord(withoutTimes(table, current), withoutTimes(table, incoming))) return 'current';
    return pickNewer(current, incoming);
  }
  function note(table: BackupTable, record: object, current: object | undefined, extra: Partial<RecordChange> = {}) {
    const id = recordKey(table, record);
    const updatedAt = versionOf(record);
    changes.push({
      table,
      id,
      action: current ? 'replace' : 'add',
      ...(current && { newer: (updatedAt ?? '') > (versionOf(current) ?? ''), replacesUpdatedAt: versionOf(current) ?? '' }),
      label: '',
      ...(updatedAt !== undefined && { updatedAt }),
      ...(clamped.has(`${table}:${id}`) && { clamped: true as const }),
      ...extra,
    });
  }

  const incidents: Incident[] = [];
  for (const incoming of backup.incidents) {
    const current = localIncidents.get(incoming.id);
    if (current) {
      const candidate = { ...incoming, key: current.key };
      if (decide('incidents', current, candidate) === 'incoming') {
        incidents.push(candidate);
        replaced.incidents.push(current);
        note('incidents', candidate, current);
        summary.incidentsUpdated++;
      } else summary.unchanged++;
      continue;
    }
    if (localKeyOwner.has(incoming.key)) {
      const key = freshKey(allocateKey, taken);
      summary.rekeyed.push({ from: incoming.key, to: key, title: incoming.title });
      const rekeyed = { ...incoming, key };
      incidents.push(rekeyed);
      note('incidents', rekeyed, undefined, { rekeyed: { from: incoming.key, to: key } });
    } else {
      incidents.push(incoming);
      note('incidents', incoming, undefined);
    }
    summary.incidentsAdded++;
  }

  // Tombstones: the file's new ones are recorded here; a record either side deleted stays deleted.
  const deadHere = new Set((local.tombstones ?? []).map(tombstoneKey));
  const tombstones = backup.tombstones.filter((t) => !deadHere.has(tombstoneKey(t)));
  const dead = new Set([...deadHere, ...tombstones.map(tombstoneKey)]);
  const alive = <T extends { id: string }>(table: TombstoneTable, rows: readonly T[]): T[] =>
    rows.filter((row) => {
      if (!dead.has(tombstoneKey({ table, id: row.id }))) return true;
      summary.unchanged++;
      return false;
    });

  const merge = <T extends Versioned>(table: BackupTable, here: readonly T[] | undefined, incoming: readonly T[], replacedRows: T[]) =>
    mergeByKey(table, here, incoming, summary, replacedRows, decide, note);
  const entries = merge('entries', local.entries, backup.entries, replaced.entries);
  const components = merge('components', local.components, alive('components', backup.components), replaced.components);
  const updates = merge('updates', local.updates, backup.updates, replaced.updates);
  const maintenances = merge('maintenances', local.maintenances, backup.maintenances, replaced.maintenances);
  const postmortems = merge('postmortems', local.postmortems, backup.postmortems, replaced.postmortems);
  const checklists = merge('checklists', local.checklists, backup.checklists, replaced.checklists);
  const actionItems = merge('actionItems', local.actionItems, alive('actionItems', backup.actionItems), replaced.actionItems);
  const stakeholders = merge('stakeholders', local.stakeholders, alive('stakeholders', backup.stakeholders), replaced.stakeholders);

  const deletions: MergePlan['deletions'] = [];
  const named = {
    heldClips: new Map((local.heldClips ?? []).map((r) => [r.id, r])),
    components: new Map((local.components ?? []).map((r) => [r.id, r])),
    stakeholders: new Map((local.stakeholders ?? []).map((r) => [r.id, r])),
    actionItems: new Map((local.actionItems ?? []).map((r) => [r.id, r])),
  };
  for (const { table, id } of tombstones) {
    const current = named[table].get(id);
    if (!current) continue;
    deletions.push({ table, id });
    (replaced[table] as object[]).push(current);
    summary.deleted++;
    changes.push({
      table,
      id,
      action: 'delete',
      label: recordLabel(table, current, (incidentId) => localIncidents.get(incidentId)?.key),
      ...(versionOf(current) !== undefined && { replacesUpdatedAt: versionOf(current) }),
    });
  }

  const screenshotsHere = new Set(local.screenshotIds ?? []);
  const screenshots: Screenshot[] = [];
  backup.screenshots.forEach((incoming, i) => {
    if (screenshotsHere.has(incoming.id)) summary.unchanged++;
    else {
      screenshots.push(decodeScreenshot(incoming, `screenshots[${i}]`));
      note('screenshots', incoming, undefined);
      summary.screenshotsAdded++;
    }
  });

  const heldHere = new Set(local.heldClipIds ?? []);
  const heldClips: HeldClip[] = [];
  backup.heldClips.forEach((incoming, i) => {
    if (heldHere.has(incoming.id) || dead.has(tombstoneKey({ table: 'heldClips', id: incoming.id }))) summary.unchanged++;
    else {
      heldClips.push(decodeHeldClip(incoming, `heldClips[${i}]`));
      note('heldClips', incoming, undefined);
      summary.heldClipsAdded++;
    }
  });

  // Labels name incidents by the key they will have here.
  const keys = new Map<string, string>([
    ...local.incidents.map((i): [string, string] => [i.id, i.key]),
    ...incidents.map((i): [string, string] => [i.id, i.key]),
  ]);
  const written = new Map<string, object>();
  for (const [table, rows] of [
    ['incidents', incidents],
    ['entries', entries],
    ['components', components],
    ['updates', updates],
    ['maintenances', maintenances],
    ['postmortems', postmortems],
    ['checklists', checklists],
    ['actionItems', actionItems],
    ['stakeholders', stakeholders],
    ['screenshots', backup.screenshots],
    ['heldClips', backup.heldClips],
  ] as const) {
    for (const row of rows) written.set(`${table}:${recordKey(table, row)}`, row);
  }
  for (const change of changes)
    if (change.action !== 'delete') change.label = recordLabel(change.table, written.get(`${change.table}:${change.id}`), (id) => keys.get(id));

  return {
    incidents,
    entries,
    components,
    updates,
    maintenances,
    postmortems,
    checklists,
    actionItems,
    stakeholders,
    tombstones,
    deletions,
    screenshots,
    heldClips,
    summary,
    changes,
    replaced,
    ...(latestClaimed && { latestClaimed }),
  };
}

/** A record without the times clamping may change: what is left is its content. */
function withoutTimes(table: BackupTable, record: object): object {
  const out: Record<string, unknown> = { ...record };
  for (const field of HAPPENED_AT[table]) delete out[field];
  return out;
}

type CountOf = { [K in keyof ImportSummary]: ImportSummary[K] extends number ? K : never }[keyof ImportSummary];

/** `heldClips:<id>`: what a tombstone names. */
function tombstoneKey({ table, id }: Pick<Tombstone, 'table' | 'id'>): string {
  return `${table}:${id}`;
}

/**
 * Records matched by key (see recordKey): new ones are added, the winning copy replaces, the rest
 * count as unchanged.
 */
function mergeByKey<T extends Versioned>(
  table: BackupTable,
  local: readonly T[] | undefined,
  incoming: readonly T[],
  summary: ImportSummary,
  replaced: T[],
  decide: (table: BackupTable, current: T, incoming: T) => 'current' | 'incoming',
  note: (table: BackupTable, record: T, current: T | undefined) => void,
): T[] {
  const added = `${table}Added` as CountOf;
  const updated = `${table}Updated` as CountOf;
  const here = new Map((local ?? []).map((r) => [recordKey(table, r), r]));
  const out: T[] = [];
  for (const record of incoming) {
    const current = here.get(recordKey(table, record));
    if (!current) {
      out.push(record);
      note(table, record, undefined);
      summary[added]++;
    } else if (decide(table, current, record) === 'incoming') {
      out.push(record);
      replaced.push(current);
      note(table, record, current);
      summary[updated]++;
    } else summary.unchanged++;
  }
  return out;
}

function freshKey(allocateKey: KeyAllocator, taken: Set<string>): IncidentKey {
  for (let tries = 0; tries < MAX_ALLOCATION_TRIES; tries++) {
    const key = allocateKey(taken);
    if (!taken.has(key)) {
      taken.add(key);
      return key;
    }
  }
  throw new Error(`The incident key allocator returned only keys already in use (${MAX_ALLOCATION_TRIES} tries)`);
}

type Versioned = { updatedAt: string } & object;

/** A record's `updatedAt`, for tables that have one (pictures and held clips never change). */
function versionOf(record: object): string | undefined {
  return 'updatedAt' in record && typeof record.updatedAt === 'string' ? record.updatedAt : undefined;
}

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
    isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
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
    [summary.postmortemsAdded, 'post-mortem'],
    [summary.checklistsAdded, 'checklist'],
    [summary.actionItemsAdded, 'action item'],
    [summary.stakeholdersAdded, 'stakeholder'],
  ]);
  const updated = joinCounts([
    [summary.incidentsUpdated, 'incident'],
    [summary.entriesUpdated, 'timeline entry'],
    [summary.componentsUpdated, 'component'],
    [summary.updatesUpdated, 'status update'],
    [summary.maintenancesUpdated, 'maintenance'],
    [summary.postmortemsUpdated, 'post-mortem'],
    [summary.checklistsUpdated, 'checklist'],
    [summary.actionItemsUpdated, 'action item'],
    [summary.stakeholdersUpdated, 'stakeholder'],
  ]);
  const parts: string[] = [];
  if (added) parts.push(`added ${added}`);
  if (updated) parts.push(`updated ${updated}`);
  if (summary.deleted) parts.push(`deleted ${count(summary.deleted, 'record', 'records')} deleted where the backup was made`);
  let text = parts.length ? `Imported: ${parts.join('; ')}.` : 'Nothing new: everything in this backup is already in the log.';
  if (parts.length && summary.unchanged) {
    text += ` ${count(summary.unchanged, 'record was', 'records were')} already up to date.`;
  }
  for (const { from, to, title } of summary.rekeyed) {
    text += ` ${from} “${oneLine(title)}” is ${to} here, because ${from} was already taken.`;
  }
  return text;
}

/** `1 incident, 4 timeline entries and 2 screenshots` */
function joinCounts(counts: [number, string][]): string {
  const parts = counts.filter(([n]) => n > 0).map(([n, noun]) => count(n, noun, noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const NOUNS: Record<BackupTable, [one: string, many: string]> = {
  incidents: ['incident', 'incidents'],
  entries: ['timeline entry', 'timeline entries'],
  components: ['component', 'components'],
  updates: ['status update', 'status updates'],
  maintenances: ['maintenance', 'maintenances'],
  postmortems: ['post-mortem', 'post-mortems'],
  checklists: ['checklist', 'checklists'],
  actionItems: ['action item', 'action items'],
  stakeholders: ['stakeholder', 'stakeholders'],
  tombstones: ['deletion', 'deletions'],
  screenshots: ['screenshot', 'screenshots'],
  heldClips: ['held clip', 'held clips'],
};

/**
 * What an import will do, one sentence per kind of change, before it does anything:
 * `3 timeline entries will be replaced by newer copies.` The records themselves are in
 * `plan.changes`, for the list under these lines.
 */
export function describeImportPreview(plan: Pick<MergePlan, 'changes' | 'summary' | 'latestClaimed'>): string[] {
  const lines: string[] = [];
  // One pass over the changes (100,000 for a whole log), counted per table.
  const counts = new Map<BackupTable, { added: number; newer: number; tied: number; deleted: number }>();
  for (const c of plan.changes) {
    let of = counts.get(c.table);
    if (!of) counts.set(c.table, (of = { added: 0, newer: 0, tied: 0, deleted: 0 }));
    if (c.action === 'add') of.added++;
    else if (c.action === 'delete') of.deleted++;
    else if (c.newer) of.newer++;
    else of.tied++;
  }
  for (const table of Object.keys(NOUNS) as BackupTable[]) {
    const [one, many] = NOUNS[table];
    const { added = 0, newer = 0, tied = 0, deleted = 0 } = counts.get(table) ?? {};
    if (added) lines.push(`${count(added, one, many)} will be added.`);
    if (deleted) lines.push(`${count(deleted, one, many)} will be deleted, as ${deleted === 1 ? 'it was' : 'they were'} where the backup was made.`);
    if (newer) lines.push(`${count(newer, one, many)} will be replaced by ${newer === 1 ? 'a newer copy' : 'newer copies'}.`);
    if (tied) lines.push(`${count(tied, one, many)} will be replaced by ${tied === 1 ? 'a copy' : 'copies'} edited at the same moment.`);
  }
  for (const change of plan.changes) {
    if (change.rekeyed) lines.push(`${change.rekeyed.from} in the file will be ${change.label} here, because ${change.rekeyed.from} is taken.`);
  }
  const clamped = plan.changes.filter((c) => c.clamped).length;
  if (clamped) {
    const latest = plan.latestClaimed ? ` (as late as ${plan.latestClaimed.slice(0, 16).replace('T', ' ')} UTC)` : '';
    lines.push(
      `${clamped === 1 ? '1 record claims a time' : `${clamped} records claim times`} after now${latest}; ${clamped === 1 ? 'it is' : 'they are'} dated now instead.`,
    );
  }
  if (!plan.changes.length) lines.push('Nothing new: everything in this backup is already in the log.');
  else if (plan.summary.unchanged) lines.push(`${count(plan.summary.unchanged, 'record is', 'records are')} already up to date here.`);
  return lines;
}

/** The one row of the undo table: it is replaced by each import and removed by undo or erase. */
export const IMPORT_UNDO_ID = 'last-import';

/** A record an import wrote, as undo checks it is still as written. */
export const WrittenRecord = z.strictObject({
  table: z.enum(BACKUP_TABLES),
  id: z.string().min(1).max(200),
  action: z.enum(['add', 'replace', 'delete']),
  label: z.string().max(500),
  updatedAt: Instant.optional(),
});
export type WrittenRecord = z.infer<typeof WrittenRecord>;

const CounterValue = z.int().min(1).max(MAX_INCIDENT_NUMBER);

/**
 * What undoing the last import needs: the local copies it replaced (private notes: erasing the log
 * removes them too), what it wrote, and the INC counter before and after it.
 */
export const ImportUndo = z.strictObject({
  id: z.literal(IMPORT_UNDO_ID),
  importedAt: Instant,
  fileName: z.string().max(500).optional(),
  counterBefore: CounterValue.optional(),
  counterAfter: CounterValue.optional(),
  written: z.array(WrittenRecord),
  replaced: z.strictObject({
    incidents: z.array(Incident),
    entries: z.array(TimelineEntry),
    components: z.array(Component),
    updates: z.array(StatusUpdate),
    maintenances: z.array(Maintenance),
    // Absent in undo rows written before backup version 4.
    postmortems: z.array(Postmortem).optional(),
    checklists: z.array(IncidentChecklist).optional(),
    actionItems: z.array(ActionItem).optional(),
    stakeholders: z.array(Stakeholder).optional(),
    heldClips: z.array(HeldClip).optional(),
  }),
  /** The tombstones the import recorded: undo removes them. */
  tombstones: z.array(Tombstone).optional(),
});
export type ImportUndo = z.infer<typeof ImportUndo>;
