import * as z from 'zod';
import { COMPONENT_DEFAULTS, Component, HeldClip, Incident, Instant, Maintenance, Screenshot, StatusUpdate, TimelineEntry, compareText, toInstant } from '../model';

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
 */
export const BACKUP_FORMAT = 'sitrep-backup';
export const BACKUP_VERSION = 3;
/** The oldest version this Sitrep still upgrades; raise it only when dropping an upgrade step. */
export const OLDEST_BACKUP_VERSION = 1;

/** The type a picture's bytes are in, as its Blob said (`image/webp`, `image/jpeg`). */
export const ImageType = z
  .string()
  .regex(/^image\/[a-z0-9][a-z0-9.+-]{0,99}$/i, { error: (issue) => `expected an image type like image/webp, got ${describeValue(issue.input)}` });

/** A picture's bytes as padded base64 (describeIssue words the error). */
export const Base64Image = z.base64();

/** A Screenshot row, its two Blobs written out as base64 with their types. */
export const BackupScreenshot = z.strictObject({
  id: Screenshot.shape.id,
  incidentId: Screenshot.shape.incidentId,
  imageType: ImageType,
  image: Base64Image,
  thumbnailType: ImageType,
  thumbnail: Base64Image,
  width: Screenshot.shape.width,
  height: Screenshot.shape.height,
  takenAt: Screenshot.shape.takenAt,
});
export type BackupScreenshot = z.infer<typeof BackupScreenshot>;

export const BackupHeldScreenshot = BackupScreenshot.omit({ id: true, incidentId: true, takenAt: true });
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
};

/** Maps the objects of a raw list, leaving anything else for validation to name. */
function mapRecords(list: unknown, map: (record: Record<string, unknown>, index: number) => Record<string, unknown>): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((item: unknown, i) => (item && typeof item === 'object' && !Array.isArray(item) ? map(item as Record<string, unknown>, i) : item));
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
  screenshots?: readonly BackupScreenshot[];
}

/** The log as a backup document; throws BackupError if a stored record would not import again. */
export function buildBackup(log: BackupContents, now: Date = new Date()): Backup {
  const doc = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: toInstant(now),
    // A stable order makes two exports of the same log byte-identical and diffable.
    incidents: [...log.incidents].sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id)),
    entries: [...log.entries].sort(
      (a, b) =>
        compareText(a.incidentId, b.incidentId) ||
        compareText(a.at, b.at) ||
        compareText(a.recordedAt, b.recordedAt) ||
        compareText(a.id, b.id),
    ),
    components: [...(log.components ?? [])].sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id)),
    heldClips: [...(log.heldClips ?? [])].sort((a, b) => compareText(a.takenAt, b.takenAt) || compareText(a.id, b.id)),
    updates: [...(log.updates ?? [])].sort((a, b) => compareText(a.incidentId, b.incidentId) || compareText(a.at, b.at) || compareText(a.id, b.id)),
    maintenances: [...(log.maintenances ?? [])].sort((a, b) => compareText(a.scheduledFor, b.scheduledFor) || compareText(a.id, b.id)),
    screenshots: [...(log.screenshots ?? [])].sort(
      (a, b) => compareText(a.incidentId, b.incidentId) || compareText(a.takenAt, b.takenAt) || compareText(a.id, b.id),
    ),
  };
  // Strict when writing: an export the import would refuse is found now, not on restore day.
  return validateBackup(doc, 'This log cannot be exported because a stored record is invalid');
}

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
      throw new BackupError(
        'This backup is cut off: the file ends in the middle of the data, as if it was only partly saved or downloaded. Export it again.',
      );
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
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new BackupError(`This file is not a Sitrep backup: it holds ${describeValue(doc)}, not a backup.`);
  }
  const record = doc as Record<string, unknown>;
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

function validateBackup(doc: unknown, lead = 'This backup cannot be imported'): Backup {
  const parsed = Backup.safeParse(doc, { error: describeIssue });
  const problems = parsed.success
    ? findBrokenReferences(parsed.data)
    : parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  if (parsed.success && !problems.length) return parsed.data;
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `- ${p}`);
  const more = problems.length - listed.length;
  if (more > 0) listed.push(`- …and ${more} more ${more === 1 ? 'problem' : 'problems'}`);
  throw new BackupError(`${lead}:\n${listed.join('\n')}`, problems);
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
  return problems;
}

/** Where each id first appears in a table; a repeat is a problem. */
function uniqueIds(table: string, rows: readonly { id: string }[], problems: string[]): Map<string, number> {
  const at = new Map<string, number>();
  rows.forEach((row, i) => {
    const same = at.get(row.id);
    if (same !== undefined) problems.push(`${table}[${i}].id: the same id as ${table}[${same}]`);
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
      return issue.origin === 'string' ? (issue.minimum === 1 ? 'must not be empty' : `shorter than ${issue.minimum} characters`) : `fewer than ${issue.minimum} items`;
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

