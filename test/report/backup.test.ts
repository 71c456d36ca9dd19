import { describe, expect, it } from 'vitest';
import {
  BACKUP_VERSION,
  BackupError,
  backupFileName,
  buildBackup,
  parseBackup,
  serializeBackup,
  upgradeBackupDocument,
  type BackupUpgrade,
} from '../../src/report/backup';
import { makeEntry, makeIncident, uuid } from './records';

const now = new Date('2026-11-28T12:00:00.000Z');
const incidentA = makeIncident({ id: uuid(1), key: 'INC-1', createdAt: '2026-11-28T09:00:00.000Z' });
const incidentB = makeIncident({ id: uuid(2), key: 'INC-2', title: 'Search slow', createdAt: '2026-11-28T10:00:00.000Z' });
const entries = [
  makeEntry({ id: uuid(11), incidentId: uuid(1), at: '2026-11-28T09:10:00.000Z' }),
  makeEntry({ id: uuid(12), incidentId: uuid(1), at: '2026-11-28T09:20:00.000Z', deletedAt: '2026-11-28T09:21:00.000Z', updatedAt: '2026-11-28T09:21:00.000Z' }),
  makeEntry({ id: uuid(21), incidentId: uuid(2), at: '2026-11-28T10:05:00.000Z', sourceUrl: 'https://grafana.example.com/d/x' }),
];
const validText = serializeBackup(buildBackup({ incidents: [incidentB, incidentA], entries: [...entries].reverse() }, now));

/** The valid backup as a plain object, changed by `edit`, back as text. */
function variant(edit: (doc: any) => void): string {
  const doc = JSON.parse(validText);
  edit(doc);
  return JSON.stringify(doc);
}

function messageOf(text: string): string {
  try {
    parseBackup(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    return (error as Error).message;
  }
  throw new Error('parseBackup accepted the file');
}

describe('buildBackup and parseBackup', () => {
  it('round-trips the whole log, soft-deleted entries included', () => {
    const backup = parseBackup(validText);
    expect(backup).toMatchObject({ format: 'sitrep-backup', version: BACKUP_VERSION, exportedAt: now.toISOString() });
    expect(backup.incidents).toEqual([incidentA, incidentB]);
    expect(backup.entries.map((e) => e.id)).toEqual([uuid(11), uuid(12), uuid(21)]);
    expect(backup.entries[1]!.deletedAt).toBe('2026-11-28T09:21:00.000Z');
  });

  it('reads a file an editor saved with a byte-order mark', () => {
    expect(parseBackup(`\uFEFF${validText}`)).toEqual(parseBackup(validText));
  });

  it('writes the same bytes for the same log whatever order it was read in', () => {
    const again = serializeBackup(buildBackup({ incidents: [incidentA, incidentB], entries }, now));
    expect(again).toBe(validText);
  });

  it('refuses to export a log the import would refuse, naming the record', () => {
    const orphan = makeEntry({ incidentId: uuid(3) });
    expect(() => buildBackup({ incidents: [incidentA], entries: [orphan] }, now)).toThrow(
      `This log cannot be exported because a stored record is invalid:\n- entries[0].incidentId: names no incident in this backup (${uuid(3)})`,
    );
  });

  it('names files by export time, safe on every OS', () => {
    expect(backupFileName(now)).toBe('sitrep-backup-2026-11-28T12-00-00Z.json');
  });
});

describe('parseBackup explains what is wrong', () => {
  const cases: [string, string, string][] = [
    ['an empty file', '  \n', 'This file is empty, so it is not a Sitrep backup.'],
    [
      'a file cut off mid-record',
      validText.slice(0, Math.floor(validText.length / 2)),
      'This backup is cut off: the file ends in the middle of the data, as if it was only partly saved or downloaded. Export it again.',
    ],
    [
      'a file cut off inside a string',
      '{"format": "sitrep-backup", "version": 1, "exportedAt": "2026-11-',
      'This backup is cut off: the file ends in the middle of the data, as if it was only partly saved or downloaded. Export it again.',
    ],
    ['plain text', 'INC-1 checkout down', 'This file is not a Sitrep backup: it is not valid JSON ('],
    ['JSON with trailing garbage', '{"format": "sitrep-backup"} }', 'This file is not a Sitrep backup: it is not valid JSON ('],
    ['a JSON list', '[{"id": 1}]', 'This file is not a Sitrep backup: it holds a list, not a backup.'],
    ['a JSON number', '42', 'This file is not a Sitrep backup: it holds the number 42, not a backup.'],
    ['JSON null', 'null', 'This file is not a Sitrep backup: it holds null, not a backup.'],
    ['an object without a format', '{"incidents": []}', 'This file is not a Sitrep backup: it has no "format": "sitrep-backup" marker.'],
    [
      'another tool’s format',
      variant((d) => (d.format = 'statuspage-export')),
      'This file is not a Sitrep backup: its format is "statuspage-export", not "sitrep-backup".',
    ],
    ['no version', variant((d) => delete d.version), 'This Sitrep backup has no version number, so it cannot be read.'],
    [
      'a version written as text',
      variant((d) => (d.version = '1')),
      'This Sitrep backup has a broken version number ("1"), so it cannot be read.',
    ],
    [
      'a fractional version',
      variant((d) => (d.version = 1.5)),
      'This Sitrep backup has a broken version number (the number 1.5), so it cannot be read.',
    ],
    [
      'a negative version',
      variant((d) => (d.version = -1)),
      'This Sitrep backup has a broken version number (the number -1), so it cannot be read.',
    ],
    [
      'a newer version',
      variant((d) => (d.version = BACKUP_VERSION + 1)),
      `This backup is version ${BACKUP_VERSION + 1}, made by a newer Sitrep: update the extension to import it (this one reads backup versions up to ${BACKUP_VERSION}).`,
    ],
    [
      'an older, unsupported version',
      variant((d) => (d.version = 0)),
      'This backup is version 0, older than this Sitrep can import (it reads versions 1 to 1).',
    ],
    [
      'a missing table',
      variant((d) => delete d.entries),
      'This backup cannot be imported:\n- entries: missing',
    ],
    [
      'a table that is not a list',
      variant((d) => (d.incidents = {})),
      'This backup cannot be imported:\n- incidents: expected a list, got an object',
    ],
    [
      'a missing field',
      variant((d) => delete d.incidents[1].title),
      'This backup cannot be imported:\n- incidents[1].title: missing',
    ],
    [
      'an unknown severity',
      variant((d) => (d.incidents[1].severity = 'SEV9')),
      'This backup cannot be imported:\n- incidents[1].severity: expected one of SEV1, SEV2, SEV3, SEV4, SEV5, got "SEV9"',
    ],
    [
      'a wrong type',
      variant((d) => (d.entries[2].starred = 'yes')),
      'This backup cannot be imported:\n- entries[2].starred: expected true or false, got "yes"',
    ],
    [
      'a local time instead of a UTC instant',
      variant((d) => (d.entries[0].at = '2026-11-28 09:10')),
      'This backup cannot be imported:\n- entries[0].at: expected a UTC time like 2026-11-28T09:10:00.000Z, got "2026-11-28 09:10"',
    ],
    [
      'a bad incident key',
      variant((d) => (d.incidents[0].key = 'INC-0')),
      'This backup cannot be imported:\n- incidents[0].key: An incident key looks like INC-42',
    ],
    [
      'a source link that is not http(s)',
      variant((d) => (d.entries[2].sourceUrl = 'javascript:alert(1)')),
      'This backup cannot be imported:\n- entries[2].sourceUrl: expected an http(s) link, got "javascript:alert(1)"',
    ],
    [
      'a field this version does not know',
      variant((d) => (d.incidents[0].colour = 'red')),
      'This backup cannot be imported:\n- incidents[0]: unknown field "colour"',
    ],
    [
      'an entry of an incident not in the file',
      variant((d) => (d.entries[0].incidentId = uuid(9))),
      `This backup cannot be imported:\n- entries[0].incidentId: names no incident in this backup (${uuid(9)})`,
    ],
    [
      'the same incident twice',
      variant((d) => d.incidents.push({ ...d.incidents[0], key: 'INC-3' })),
      'This backup cannot be imported:\n- incidents[2].id: the same id as incidents[0]',
    ],
    [
      'one key on two incidents',
      variant((d) => (d.incidents[1].key = 'INC-1')),
      'This backup cannot be imported:\n- incidents[1].key: INC-1 is also the key of incidents[0]',
    ],
    [
      'the same entry twice',
      variant((d) => d.entries.push(d.entries[0])),
      'This backup cannot be imported:\n- entries[3].id: the same id as entries[0]',
    ],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    const message = messageOf(text);
    if (expected.endsWith('(')) expect(message.startsWith(expected)).toBe(true);
    else expect(message).toBe(expected);
  });

  it('lists the first ten problems of a badly broken file and counts the rest', () => {
    const text = variant((d) => {
      for (const entry of d.entries) {
        entry.kind = 'memo';
        entry.starred = 1;
        entry.author = null;
        entry.at = 5;
      }
    });
    let error: unknown;
    try {
      parseBackup(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BackupError);
    const { message, problems } = error as BackupError;
    expect(problems).toHaveLength(12);
    expect(problems).toContain('entries[1].kind: expected one of note, clip, status, decision, alert, action, got "memo"');
    expect(problems).toContain('entries[2].author: expected text, got null');
    expect(message.split('\n')).toHaveLength(1 + 10 + 1);
    expect(message.endsWith('- …and 2 more problems')).toBe(true);
  });
});

describe('upgradeBackupDocument', () => {
  // A later Sitrep adding a screenshots table reads today's files through a step like this one.
  const toVersion2: BackupUpgrade = (doc) => ({ ...doc, version: 2, screenshots: [] });

  it('walks a document up one version at a time', () => {
    const doc = { ...JSON.parse(validText), version: 1 };
    const upgraded = upgradeBackupDocument(doc, { 1: toVersion2 }, 2);
    expect(upgraded).toMatchObject({ version: 2, screenshots: [] });
    expect(upgraded.incidents).toEqual(doc.incidents);
  });

  it('leaves a current document alone', () => {
    const doc = { ...JSON.parse(validText), version: 1 };
    expect(upgradeBackupDocument(doc, {}, 1)).toBe(doc);
  });

  it('explains a version it has no step for', () => {
    expect(() => upgradeBackupDocument({ version: 1 }, {}, 3)).toThrow(
      'This backup is version 1, and this Sitrep cannot convert version 1 backups. Import it into the Sitrep that made it and export again.',
    );
  });

  it('catches a step that forgets to bump the version', () => {
    expect(() => upgradeBackupDocument({ version: 1 }, { 1: (doc) => ({ ...doc }) }, 2)).toThrow(
      'Backup upgrade from version 1 did not produce version 2',
    );
  });
});
