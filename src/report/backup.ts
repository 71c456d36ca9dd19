import * as z from 'zod';
import { Incident, Instant, TimelineEntry, compareText, toInstant } from '../model';

/**
 * The backup file: everything in the log, as one JSON document a responder can keep, mail to a
 * colleague, or import into another browser.
 *
 * Versioning: `version` is bumped whenever the document's shape changes (e.g. a later Sitrep adds
 * `screenshots` or `components` tables). Reading an older file walks BACKUP_UPGRADES one version
 * at a time on the raw JSON, then validates once against the current schema, so only the
 * current schema has to be kept. A file newer than BACKUP_VERSION is refused: this Sitrep cannot
 * know what the newer fields mean, and dropping them silently would lose data.
 */
export const BACKUP_FORMAT = 'sitrep-backup';
export const BACKUP_VERSION = 1;
/** The oldest version this Sitrep still upgrades; raise it only when dropping an upgrade step. */
export const OLDEST_BACKUP_VERSION = 1;

export const Backup = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: Instant,
  incidents: z.array(Incident),
  /** Soft-deleted entries included: that is how a deletion reaches a colleague's log. */
  entries: z.array(TimelineEntry),
});
export type Backup = z.infer<typeof Backup>;

/** A raw backup document of one version, turned into one of the next version. */
export type BackupUpgrade = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgrade steps keyed by the version they read. Version 2 adding screenshots would add
 * `1: (doc) => ({ ...doc, version: 2, screenshots: [] })`.
 */
export const BACKUP_UPGRADES: Readonly<Record<number, BackupUpgrade>> = {};

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

/** The log as a backup document; throws BackupError if a stored record would not import again. */
export function buildBackup(
  log: { incidents: readonly Incident[]; entries: readonly TimelineEntry[] },
  now: Date = new Date(),
): Backup {
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

/** Ids must be unique and every entry must belong to an incident in the same file. */
function findBrokenReferences(backup: Backup): string[] {
  const problems: string[] = [];
  const incidentAt = new Map<string, number>();
  const keyAt = new Map<string, number>();
  backup.incidents.forEach((incident, i) => {
    const sameId = incidentAt.get(incident.id);
    if (sameId !== undefined) problems.push(`incidents[${i}].id: the same id as incidents[${sameId}]`);
    else incidentAt.set(incident.id, i);
    const sameKey = keyAt.get(incident.key);
    if (sameKey !== undefined) problems.push(`incidents[${i}].key: ${incident.key} is also the key of incidents[${sameKey}]`);
    else keyAt.set(incident.key, i);
  });
  const entryAt = new Map<string, number>();
  backup.entries.forEach((entry, i) => {
    const sameId = entryAt.get(entry.id);
    if (sameId !== undefined) problems.push(`entries[${i}].id: the same id as entries[${sameId}]`);
    else entryAt.set(entry.id, i);
    if (!incidentAt.has(entry.incidentId)) {
      problems.push(`entries[${i}].incidentId: names no incident in this backup (${entry.incidentId})`);
    }
  });
  return problems;
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

