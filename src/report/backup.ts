import * as z from 'zod';
import {
  ActionItem,
  COMPONENT_DEFAULTS,
  Component,
  ENTRY_KIND_LABELS,
  HeldClip,
  Incident,
  IncidentChecklist,
  Instant,
  Maintenance,
  Postmortem,
  Screenshot,
  Stakeholder,
  StatusUpdate,
  TimelineEntry,
  Tombstone,
  compareText,
  isRecord,
  toInstant,
} from '../model';
import { base64ToBytes } from './base64';

/**
 * The backup file: everything in the log, as one JSON document a responder can keep, mail to a
 * colleague, or import into another browser.
 *
 * Versioning: `version` is bumped whenever the document's shape changes. Reading an older file
 * walks BACKUP_UPGRADES one version at a time on the raw JSON, then validates once against the
 * current schema, so only the current schema has to be kept. A file newer than BACKUP_VERSION is
 * refused: this Sitrep cannot know what the newer fields mean, and dropping them silently would
 * lose data.
 *
 * - Version 1: incidents and entries.
 * - Version 2: components, held clips and screenshots (pictures as base64 text, see
 *   backup-images.ts).
 * - Version 3: publishing. Public status updates and maintenances; incidents' public title and
 *   impact; components' status-page fields; internal changes are entries of kind `change`.
 * - Version 4: the incident manager's process (post-mortems, checklists, stakeholders, action
 *   items) and tombstones: what was deleted for good (a discarded held clip, a removed component),
 *   so an older backup imported later does not bring it back.
 */
export const BACKUP_FORMAT = 'sitrep-backup';
export const BACKUP_VERSION = 4;
/** The oldest version this Sitrep still upgrades; raise it only when dropping an upgrade step. */
export const OLDEST_BACKUP_VERSION = 1;

/**
 * The picture types a backup may hold: rasters only. Sitrep writes WebP and JPEG; PNG and GIF are
 * harmless and common. Never SVG or anything else a browser would run as a document in the
 * extension's origin.
 */
export const RASTER_TYPES = ['image/webp', 'image/jpeg', 'image/png', 'image/gif'] as const;
export const ImageType = z.enum(RASTER_TYPES, {
  error: (issue) => `expected a picture type (${RASTER_TYPES.slice(0, -1).join(', ')} or ${RASTER_TYPES.at(-1)}), got ${describeValue(issue.input)}`,
});
export type ImageType = z.infer<typeof ImageType>;

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const startsWith = (bytes: Uint8Array, head: readonly number[], at = 0) => head.every((b, i) => bytes[at + i] === b);

/** How each type's bytes begin (its magic number); a picture whose bytes say otherwise is refused. */
const SIGNATURES: Record<ImageType, (bytes: Uint8Array) => boolean> = {
  'image/webp': (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8),
  'image/jpeg': (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  'image/png': (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/gif': (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')),
};

/** True when `bytes` begin as a picture of `type` says they must. */
export function bytesMatchType(type: string, bytes: Uint8Array): boolean {
  return Object.hasOwn(SIGNATURES, type) && SIGNATURES[type as ImageType](bytes);
}

/** The same, reading only the first 12 bytes (16 base64 characters) of a picture in a backup. */
function base64MatchesType(type: string, data: string): boolean {
  const head = data.length > 16 ? data.slice(0, 16) : data;
  try {
    return bytesMatchType(type, base64ToBytes(head));
  } catch {
    return false;
  }
}

/** A picture's bytes as padded base64 (describeIssue words the error). */
export const Base64Image = z.base64();

const PICTURE_FIELDS = [
  ['imageType', 'image'],
  ['thumbnailType', 'thumbnail'],
] as const;

/**
 * Each picture's bytes must be what its type says; a bad type or base64 is reported by its own
 * field. Runs even when another field is wrong, so a file's every problem is named at once.
 */
const PICTURE_CHECK = { when: (payload: z.core.ParsePayload) => typeof payload.value === 'object' && payload.value !== null };

function checkPictureBytes(pictures: Record<'imageType' | 'image' | 'thumbnailType' | 'thumbnail', string>, ctx: z.core.$RefinementCtx) {
  for (const [typeField, dataField] of PICTURE_FIELDS) {
    const type = pictures[typeField];
    const data = pictures[dataField];
    if (!ImageType.safeParse(type).success || !Base64Image.safeParse(data).success) continue;
    if (!base64MatchesType(type, data)) {
      ctx.addIssue({ code: 'custom', path: [dataField], input: data, message: `the picture's bytes do not match its type, ${type}` });
    }
  }
}

const backupScreenshotShape = {
  id: Screenshot.shape.id,
  incidentId: Screenshot.shape.incidentId,
  imageType: ImageType,
  image: Base64Image,
  thumbnailType: ImageType,
  thumbnail: Base64Image,
  width: Screenshot.shape.width,
  height: Screenshot.shape.height,
  takenAt: Screenshot.shape.takenAt,
};

/** A Screenshot row, its two Blobs written out as base64 with their types. */
export const BackupScreenshot = z.strictObject(backupScreenshotShape).superRefine(checkPictureBytes, PICTURE_CHECK);
export type BackupScreenshot = z.infer<typeof BackupScreenshot>;

const { id: _id, incidentId: _incidentId, takenAt: _takenAt, ...heldScreenshotShape } = backupScreenshotShape;
export const BackupHeldScreenshot = z.strictObject(heldScreenshotShape).superRefine(checkPictureBytes, PICTURE_CHECK);
export type BackupHeldScreenshot = z.infer<typeof BackupHeldScreenshot>;

/** A HeldClip row, its optional picture encoded like a screenshot's. */
export const BackupHeldClip = HeldClip.omit({ screenshot: true }).extend({ screenshot: BackupHeldScreenshot.optional() });
export type BackupHeldClip = z.infer<typeof BackupHeldClip>;

export const Backup = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: Instant,
  incidents: z.array(Incident),
  /** Soft-deleted entries included: that is how a deletion reaches a colleague's log. */
  entries: z.array(TimelineEntry),
  components: z.array(Component),
  /** Clips still waiting to be placed on an incident: a clip is never lost, not even in a move. */
  heldClips: z.array(BackupHeldClip),
  /** Public status updates, exactly as published. */
  updates: z.array(StatusUpdate),
  maintenances: z.array(Maintenance),
  /** One per incident, keyed by its incident id. */
  postmortems: z.array(Postmortem),
  checklists: z.array(IncidentChecklist),
  actionItems: z.array(ActionItem),
  stakeholders: z.array(Stakeholder),
  /** Records deleted for good: an import skips them and deletes its own copies. */
  tombstones: z.array(Tombstone),
  /** Last: the pictures are the bulk of the file, and the records above stay easy to read. */
  screenshots: z.array(BackupScreenshot),
});
export type Backup = z.infer<typeof Backup>;

/** A raw backup document of one version, turned into one of the next version. */
export type BackupUpgrade = (doc: Record<string, unknown>) => Record<string, unknown>;

/** Upgrade steps keyed by the version they read. */
export const BACKUP_UPGRADES: Readonly<Record<number, BackupUpgrade>> = {
  // Version 1 had no components, held clips or screenshots. Fields the file has anyway are
  // kept, so validation names them rather than this step dropping them unseen.
  1: (doc) => ({ components: [], heldClips: [], screenshots: [], ...doc, version: 2 }),
  // Version 2 knew nothing public: empty public text, components operational in name order, and
  // every `status` entry was an internal change (as in the database's version 3 upgrade).
  2: (doc) => ({
    updates: [],
    maintenances: [],
    ...doc,
    incidents: mapRecords(doc.incidents, (i) => ({ publicTitle: '', publicImpact: '', ...i })),
    components: mapRecords(doc.components, (c, n) => ({ ...COMPONENT_DEFAULTS, order: n, ...c })),
    entries: mapRecords(doc.entries, (e) => (e.kind === 'status' ? { ...e, kind: 'change' } : e)),
    version: 3,
  }),
  // Version 3 had neither the incident manager's process nor tombstones: nothing was deleted then
  // that a tombstone could name.
  3: (doc) => ({ postmortems: [], checklists: [], actionItems: [], stakeholders: [], tombstones: [], ...doc, version: 4 }),
};

/** Maps the objects of a raw list, leaving anything else for validation to name. */
function mapRecords(list: unknown, map: (record: Record<string, unknown>, index: number) => Record<string, unknown>): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((item: unknown, i) => (isRecord(item) ? map(item, i) : item));
}

/** What is wrong with a backup file, in words a responder can act on. */
export class BackupError extends Error {
  override name = 'BackupError';
  /** One line per problem (`incidents[3].severity: expected one of …`), for a list in the UI. */
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = []) {
    super(message);
    this.problems = problems;
  }
}

/** What goes into a backup; the pictures already encoded (see backup-images.ts: reading a Blob is async). */
export interface BackupContents {
  incidents: readonly Incident[];
  entries: readonly TimelineEntry[];
  components?: readonly Component[];
  heldClips?: readonly BackupHeldClip[];
  updates?: readonly StatusUpdate[];
  maintenances?: readonly Maintenance[];
  postmortems?: readonly Postmortem[];
  checklists?: readonly IncidentChecklist[];
  actionItems?: readonly ActionItem[];
  stakeholders?: readonly Stakeholder[];
  tombstones?: readonly Tombstone[];
  screenshots?: readonly BackupScreenshot[];
}

/** The tables of a backup, in the order they are written. */
export const BACKUP_TABLES = [
  'incidents',
  'entries',
  'components',
  'heldClips',
  'updates',
  'maintenances',
  'postmortems',
  'checklists',
  'actionItems',
  'stakeholders',
  'tombstones',
  'screenshots',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Tables of one row per incident, keyed by the incident's id; the others are keyed by `id`. */
const KEYED_BY_INCIDENT: ReadonlySet<BackupTable> = new Set(['postmortems', 'checklists']);

/** The field a table's records are known by: `incidentId` for post-mortems and checklists, else `id`. */
function recordKeyField(table: BackupTable): 'id' | 'incidentId' {
  return KEYED_BY_INCIDENT.has(table) ? 'incidentId' : 'id';
}

/** A record's key (see recordKeyField), from a row that may be invalid. */
export function recordKey(table: BackupTable, row: unknown): string {
  const key = isRecord(row) ? row[recordKeyField(table)] : undefined;
  return typeof key === 'string' ? key : String(key);
}

/** A stored record an export left out, because the import would refuse it; named for the responder. */
export interface SkippedRecord {
  table: BackupTable;
  id: string;
  /** What a person knows it by: `INC-3 “Checkout errors”`, `note “Paged Bo” on INC-3`. */
  label: string;
  /** One sentence: what is wrong with it. */
  reason: string;
}

export interface BuiltBackup {
  backup: Backup;
  /** Records left out; everything else is in `backup`. */
  skipped: SkippedRecord[];
}

/** What each table's records must be to import again. */
const RECORD_SCHEMAS: Record<BackupTable, z.ZodType> = {
  incidents: Incident,
  entries: TimelineEntry,
  components: Component,
  heldClips: BackupHeldClip,
  updates: StatusUpdate,
  maintenances: Maintenance,
  postmortems: Postmortem,
  checklists: IncidentChecklist,
  actionItems: ActionItem,
  stakeholders: Stakeholder,
  tombstones: Tombstone,
  screenshots: BackupScreenshot,
};

/**
 * The log as a backup document. A stored record the import would refuse (written by an older
 * Sitrep, or damaged) is left out and named, never the whole log: a responder can always take
 * the rest with them. Records that lean on a skipped one (an incident's entries, a clip's
 * screenshot) are left out with it, so the file always imports again.
 */
export function buildBackup(log: BackupContents, now: Date = new Date()): BuiltBackup {
  const skipped: SkippedRecord[] = [];
  const keyOf = incidentKeyLookup(log.incidents);
  const skip = (table: BackupTable, row: unknown, reason: string) =>
    skipped.push({ table, id: recordKey(table, row), label: recordLabel(table, row, keyOf), reason });

  /** The rows that pass their schema, once each (first copy of an id wins), and pass `fits`. */
  function keep<T>(table: BackupTable, rows: readonly unknown[] | undefined, fits: (row: T) => string | undefined = () => undefined): T[] {
    const seen = new Set<string>();
    const out: T[] = [];
    for (const row of rows ?? []) {
      const parsed = RECORD_SCHEMAS[table].safeParse(row, { error: describeIssue });
      if (!parsed.success) {
        skip(table, row, problemSentence(parsed.error.issues[0]!));
        continue;
      }
      const record = parsed.data as T;
      const key = recordKey(table, record);
      const misfit = seen.has(key) ? `another record has the same ${recordKeyField(table) === 'id' ? 'id' : 'incident'}.` : fits(record);
      if (misfit) skip(table, row, `It was left out because ${misfit}`);
      else {
        seen.add(key);
        out.push(record);
      }
    }
    return out;
  }

  const keys = new Set<string>();
  const incidents = keep<Incident>('incidents', log.incidents, (i) => {
    if (keys.has(i.key)) return `another incident has the key ${i.key}.`;
    keys.add(i.key);
    return undefined;
  });
  const incidentIds = new Set(incidents.map((i) => i.id));
  const onKeptIncident = (row: { incidentId: string }) =>
    incidentIds.has(row.incidentId) ? undefined : `its incident (${keyOf(row.incidentId) ?? row.incidentId}) is not in the backup.`;
  const screenshots = keep<BackupScreenshot>('screenshots', log.screenshots, onKeptIncident);
  const screenshotIds = new Set(screenshots.map((s) => s.id));
  const entries = keep<TimelineEntry>('entries', log.entries, (e) => {
    const screenshotId = e.clip?.screenshotId;
    return onKeptIncident(e) ?? (screenshotId !== undefined && !screenshotIds.has(screenshotId) ? 'its screenshot is not in the backup.' : undefined);
  });
  const doc = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: toInstant(now),
    // A stable order makes two exports of the same log byte-identical and diffable.
    incidents: incidents.sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id)),
    entries: entries.sort(
      (a, b) => compareText(a.incidentId, b.incidentId) || compareText(a.at, b.at) || compareText(a.recordedAt, b.recordedAt) || compareText(a.id, b.id),
    ),
    components: keep<Component>('components', log.components).sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id)),
    heldClips: keep<BackupHeldClip>('heldClips', log.heldClips).sort((a, b) => compareText(a.takenAt, b.takenAt) || compareText(a.id, b.id)),
    updates: keep<StatusUpdate>('updates', log.updates, onKeptIncident).sort(
      (a, b) => compareText(a.incidentId, b.incidentId) || compareText(a.at, b.at) || compareText(a.id, b.id),
    ),
    maintenances: keep<Maintenance>('maintenances', log.maintenances).sort((a, b) => compareText(a.scheduledFor, b.scheduledFor) || compareText(a.id, b.id)),
    postmortems: keep<Postmortem>('postmortems', log.postmortems, onKeptIncident).sort((a, b) => compareText(a.incidentId, b.incidentId)),
    checklists: keep<IncidentChecklist>('checklists', log.checklists, onKeptIncident).sort((a, b) => compareText(a.incidentId, b.incidentId)),
    actionItems: keep<ActionItem>('actionItems', log.actionItems, onKeptIncident).sort(
      (a, b) => compareText(a.incidentId, b.incidentId) || compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id),
    ),
    stakeholders: keep<Stakeholder>('stakeholders', log.stakeholders).sort((a, b) => a.order - b.order || compareText(a.id, b.id)),
    tombstones: keep<Tombstone>('tombstones', log.tombstones).sort((a, b) => compareText(a.table, b.table) || compareText(a.id, b.id)),
    screenshots: screenshots.sort((a, b) => compareText(a.incidentId, b.incidentId) || compareText(a.takenAt, b.takenAt) || compareText(a.id, b.id)),
  };
  // Every record passed its schema above (the same schemas as Backup's lists), so only the
  // references are checked again, not every record a second time: a failure is a bug here.
  return { backup: checkReferences(doc as Backup, 'This log could not be exported'), skipped };
}

/** `Skipped 2 records that would not import again: INC-7 “x” (startedAt: …); note “y” on INC-3 (…).` */
export function describeSkipped(skipped: readonly SkippedRecord[]): string {
  if (!skipped.length) return '';
  const listed = skipped.slice(0, MAX_LISTED_PROBLEMS).map((s) => `${s.label} (${s.reason.replace(/\.$/, '')})`);
  const more = skipped.length - listed.length;
  if (more > 0) listed.push(`${more} more`);
  const n = skipped.length;
  return `Left out ${n} ${n === 1 ? 'record' : 'records'} that would not import again: ${listed.join('; ')}.`;
}

/** The first schema problem of a record as a sentence: `Its at: expected a time from 1970 to 2999 (UTC), got "0000-…".` */
function problemSentence(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `${formatPath(issue.path)}: ` : '';
  return `${where}${oneLine(issue.message)}.`.replace(/\.\.$/, '.');
}

/** Maps an incident id to its key, from rows that may be invalid. */
function incidentKeyLookup(incidents: readonly unknown[]): (id: string) => string | undefined {
  const keys = new Map<string, string>();
  for (const row of incidents) {
    const { id, key } = (row ?? {}) as Record<string, unknown>;
    if (typeof id === 'string' && typeof key === 'string') keys.set(id, oneLine(key).slice(0, 20));
  }
  return (id) => keys.get(id);
}

/** Line breaks, tabs and bidirectional controls: nothing a one-line, readable name may hold. */
const UNSAFE_IN_A_LINE = /[\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]+/g;

/** Text on one line, without bidirectional controls, for a name in a message. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_IN_A_LINE, ' ').trim();
}

/** `“Paged Bo”`, cut to 60 characters, safe on one line. */
function quoted(value: unknown): string {
  const text = typeof value === 'string' ? oneLine(value) : '';
  return `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;
}

/**
 * What a person knows a record by, from a row that may be invalid: `INC-3 “Checkout errors”`,
 * `note “Paged Bo” on INC-3`, `maintenance “Database upgrade”`. `keyOf` names incidents by key.
 */
export function recordLabel(table: BackupTable, row: unknown, keyOf: (incidentId: string) => string | undefined = () => undefined): string {
  const r = isRecord(row) ? row : {};
  const incident = typeof r.incidentId === 'string' ? ` on ${keyOf(r.incidentId) ?? 'an incident'}` : '';
  switch (table) {
    case 'incidents':
      return `${typeof r.key === 'string' ? oneLine(r.key).slice(0, 20) : 'incident'} ${quoted(r.title)}`;
    case 'entries': {
      const kind =
        typeof r.kind === 'string' && Object.hasOwn(ENTRY_KIND_LABELS, r.kind)
          ? ENTRY_KIND_LABELS[r.kind as keyof typeof ENTRY_KIND_LABELS].toLowerCase()
          : 'entry';
      return `${kind} ${quoted(r.text)}${incident}`;
    }
    case 'components':
      return `component ${quoted(r.name)}`;
    case 'updates':
      return `status update ${quoted(r.body)}${incident}`;
    case 'maintenances':
      return `maintenance ${quoted(r.title)}`;
    case 'heldClips':
      return `held clip ${quoted((r.draft as Record<string, unknown> | undefined)?.text)}`;
    case 'postmortems':
      return `post-mortem${incident}`;
    case 'checklists':
      return `checklist${incident}`;
    case 'actionItems':
      return `action item ${quoted(r.text)}${incident}`;
    case 'stakeholders':
      return `stakeholder ${quoted(r.name)}`;
    case 'tombstones':
      return `deletion of a ${typeof r.table === 'string' && Object.hasOwn(DELETED_NOUNS, r.table) ? DELETED_NOUNS[r.table as keyof typeof DELETED_NOUNS] : 'record'}`;
    case 'screenshots':
      return `screenshot${incident}${typeof r.takenAt === 'string' ? ` taken ${oneLine(r.takenAt).slice(0, 24)}` : ''}`;
  }
}

const DELETED_NOUNS = { heldClips: 'held clip', components: 'component', stakeholders: 'stakeholder', actionItems: 'action item' } as const;

/** The backup as file text. */
export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** `sitrep-backup-2026-11-28T09-10-00Z.json`: sorts by time and is a valid name on every OS. */
export function backupFileName(now: Date = new Date()): string {
  return `sitrep-backup-${toInstant(now).slice(0, 19).replaceAll(':', '-')}Z.json`;
}

/** Reads a backup file; throws BackupError saying what is wrong. Nothing is written here. */
export function parseBackup(input: string): Backup {
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  const text = input.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new BackupError('This file is empty, so it is not a Sitrep backup.');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    if (endsEarly(text)) {
      throw new BackupError('This backup is cut off: the file ends in the middle of the data, as if it was only partly saved or downloaded. Export it again.');
    }
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new BackupError(`This file is not a Sitrep backup: it is not valid JSON${detail}.`);
  }
  return validateBackup(upgradeBackupDocument(checkEnvelope(doc)));
}

/** Walks a raw document from its version up to `target`, one step at a time. */
export function upgradeBackupDocument(
  doc: Record<string, unknown> & { version: number },
  upgrades: Readonly<Record<number, BackupUpgrade>> = BACKUP_UPGRADES,
  target: number = BACKUP_VERSION,
): Record<string, unknown> {
  let current: Record<string, unknown> = doc;
  for (let version = doc.version; version < target; version++) {
    const step = upgrades[version];
    if (!step) {
      throw new BackupError(
        `This backup is version ${doc.version}, and this Sitrep cannot convert version ${version} backups. Import it into the Sitrep that made it and export again.`,
      );
    }
    current = step(current);
    if (current.version !== version + 1) throw new Error(`Backup upgrade from version ${version} did not produce version ${version + 1}`);
  }
  return current;
}

function checkEnvelope(doc: unknown): Record<string, unknown> & { version: number } {
  if (!isRecord(doc)) {
    throw new BackupError(`This file is not a Sitrep backup: it holds ${describeValue(doc)}, not a backup.`);
  }
  const record = doc;
  if (record.format !== BACKUP_FORMAT) {
    throw new BackupError(
      record.format === undefined
        ? `This file is not a Sitrep backup: it has no "format": "${BACKUP_FORMAT}" marker.`
        : `This file is not a Sitrep backup: its format is ${describeValue(record.format)}, not "${BACKUP_FORMAT}".`,
    );
  }
  const { version } = record;
  if (version === undefined) throw new BackupError('This Sitrep backup has no version number, so it cannot be read.');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    throw new BackupError(`This Sitrep backup has a broken version number (${describeValue(version)}), so it cannot be read.`);
  }
  if (version > BACKUP_VERSION) {
    throw new BackupError(
      `This backup is version ${version}, made by a newer Sitrep: update the extension to import it (this one reads backup versions up to ${BACKUP_VERSION}).`,
    );
  }
  if (version < OLDEST_BACKUP_VERSION) {
    throw new BackupError(
      `This backup is version ${version}, older than this Sitrep can import (it reads versions ${OLDEST_BACKUP_VERSION} to ${BACKUP_VERSION}).`,
    );
  }
  return record as Record<string, unknown> & { version: number };
}

const MAX_LISTED_PROBLEMS = 10;

/** Backups that came out of a full schema parse here, with every record as the parse returned it. */
const parsedBackups = new WeakSet<Backup>();

/**
 * The records of `backup`'s `table` that passed its schema in parseBackup and are still the very
 * objects it returned; empty for a backup made any other way. A record an import writes
 * unchanged need not be parsed a second time (100,000 entries cost seconds without zod's JIT).
 */
export function parsedRecords(backup: Backup, table: BackupTable): ReadonlySet<unknown> {
  return parsedBackups.has(backup) ? new Set<unknown>(backup[table]) : new Set();
}

function validateBackup(doc: unknown, lead = 'This backup cannot be imported'): Backup {
  const parsed = Backup.safeParse(doc, { error: describeIssue });
  if (!parsed.success)
    throw problemsError(
      lead,
      parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    );
  checkReferences(parsed.data, lead);
  parsedBackups.add(parsed.data);
  return parsed.data;
}

function checkReferences(backup: Backup, lead: string): Backup {
  const problems = findBrokenReferences(backup);
  if (problems.length) throw problemsError(lead, problems);
  return backup;
}

function problemsError(lead: string, problems: string[]): BackupError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `- ${p}`);
  const more = problems.length - listed.length;
  if (more > 0) listed.push(`- …and ${more} more ${more === 1 ? 'problem' : 'problems'}`);
  return new BackupError(`${lead}:\n${listed.join('\n')}`, problems);
}

/**
 * Ids must be unique; every entry and screenshot must belong to an incident in the same file,
 * and every clip's screenshot must be in it too.
 */
function findBrokenReferences(backup: Backup): string[] {
  const problems: string[] = [];
  const incidentAt = uniqueIds('incidents', backup.incidents, problems);
  const keyAt = new Map<string, number>();
  backup.incidents.forEach((incident, i) => {
    const sameKey = keyAt.get(incident.key);
    if (sameKey !== undefined) problems.push(`incidents[${i}].key: ${incident.key} is also the key of incidents[${sameKey}]`);
    else keyAt.set(incident.key, i);
  });
  const screenshotAt = uniqueIds('screenshots', backup.screenshots, problems);
  uniqueIds('entries', backup.entries, problems);
  backup.entries.forEach((entry, i) => {
    if (!incidentAt.has(entry.incidentId)) {
      problems.push(`entries[${i}].incidentId: names no incident in this backup (${entry.incidentId})`);
    }
    const screenshotId = entry.clip?.screenshotId;
    if (screenshotId !== undefined && !screenshotAt.has(screenshotId)) {
      problems.push(`entries[${i}].clip.screenshotId: names no screenshot in this backup (${screenshotId})`);
    }
  });
  backup.screenshots.forEach((screenshot, i) => {
    if (!incidentAt.has(screenshot.incidentId)) {
      problems.push(`screenshots[${i}].incidentId: names no incident in this backup (${screenshot.incidentId})`);
    }
  });
  uniqueIds('components', backup.components, problems);
  uniqueIds('heldClips', backup.heldClips, problems);
  uniqueIds('updates', backup.updates, problems);
  backup.updates.forEach((update, i) => {
    if (!incidentAt.has(update.incidentId)) problems.push(`updates[${i}].incidentId: names no incident in this backup (${update.incidentId})`);
  });
  uniqueIds('maintenances', backup.maintenances, problems);
  const belongs = (table: string, rows: readonly { incidentId: string }[]) =>
    rows.forEach((row, i) => {
      if (!incidentAt.has(row.incidentId)) problems.push(`${table}[${i}].incidentId: names no incident in this backup (${row.incidentId})`);
    });
  // One post-mortem and one checklist per incident: the incident id is their key.
  uniqueIds(
    'postmortems',
    backup.postmortems.map((p) => ({ id: p.incidentId })),
    problems,
    'incidentId',
  );
  belongs('postmortems', backup.postmortems);
  uniqueIds(
    'checklists',
    backup.checklists.map((c) => ({ id: c.incidentId })),
    problems,
    'incidentId',
  );
  belongs('checklists', backup.checklists);
  uniqueIds('actionItems', backup.actionItems, problems);
  belongs('actionItems', backup.actionItems);
  uniqueIds('stakeholders', backup.stakeholders, problems);
  uniqueIds('tombstones', backup.tombstones, problems);
  return problems;
}

/** Where each id first appears in a table; a repeat is a problem. */
function uniqueIds(table: string, rows: readonly { id: string }[], problems: string[], field = 'id'): Map<string, number> {
  const at = new Map<string, number>();
  rows.forEach((row, i) => {
    const same = at.get(row.id);
    if (same !== undefined) problems.push(`${table}[${i}].${field}: the same ${field === 'id' ? 'id' : 'incident'} as ${table}[${same}]`);
    else at.set(row.id, i);
  });
  return at;
}

/** `incidents[3].severity` */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(the whole file)';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** Issue messages in responder words; schema-level messages (e.g. the INC-42 hint) take precedence. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const got = describeValue(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'missing' : `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${got}`;
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map(String).join(', ')}, got ${got}`;
    case 'invalid_format':
      if (issue.format === 'datetime') return `expected a UTC time like 2026-11-28T09:10:00.000Z, got ${got}`;
      if (issue.format === 'uuid') return `expected an id (UUID), got ${got}`;
      if (issue.format === 'url') return `expected an http(s) link, got ${got}`;
      if (issue.format === 'base64') return `expected the picture as base64 text (A–Z, a–z, 0–9, +, /, padded with =), got ${got}`;
      return `badly formed (${issue.format}): ${got}`;
    case 'too_big':
      return issue.origin === 'string' ? `longer than ${issue.maximum} characters` : `more than ${issue.maximum} items`;
    case 'too_small':
      return issue.origin === 'string'
        ? issue.minimum === 1
          ? 'must not be empty'
          : `shorter than ${issue.minimum} characters`
        : `fewer than ${issue.minimum} items`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return undefined;
  }
}

/** A short, safe description of any JSON value for an error message. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return `the number ${value}`;
  return String(value);
}

/**
 * True when JSON text stops inside a string or with brackets still open: the file was cut off.
 * Engines word JSON.parse errors differently, so this looks at the text itself.
 */
function endsEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const ch of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return inString || depth > 0;
}
