import { describe, expect, it } from 'vitest';
import {
  BACKUP_VERSION,
  BackupError,
  backupFileName,
  buildBackup,
  describeSkipped,
  parseBackup,
  serializeBackup,
  upgradeBackupDocument,
  type BackupUpgrade,
} from '../../src/report/backup';
import { decodeHeldClip, decodeImage, decodeScreenshot, encodeHeldClip, encodeScreenshot } from '../../src/report/backup-images';
import { EntryKind } from '../../src/model';
import { v1 } from '../db/written-by/v1';
import { blobContents, makeComponent, makeEntry, makeHeldClip, makeIncident, makeScreenshot, uuid } from './records';

const now = new Date('2026-11-28T12:00:00.000Z');
const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const GIF_HEAD = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]);
const incidentA = makeIncident({ id: uuid(1), key: 'INC-1', createdAt: '2026-11-28T09:00:00.000Z' });
const incidentB = makeIncident({ id: uuid(2), key: 'INC-2', title: 'Search slow', createdAt: '2026-11-28T10:00:00.000Z' });
const entries = [
  makeEntry({ id: uuid(11), incidentId: uuid(1), at: '2026-11-28T09:10:00.000Z' }),
  makeEntry({
    id: uuid(12),
    incidentId: uuid(1),
    at: '2026-11-28T09:20:00.000Z',
    deletedAt: '2026-11-28T09:21:00.000Z',
    updatedAt: '2026-11-28T09:21:00.000Z',
  }),
  makeEntry({ id: uuid(21), incidentId: uuid(2), at: '2026-11-28T10:05:00.000Z', sourceUrl: 'https://grafana.example.com/d/x' }),
];
const validText = serializeBackup(buildBackup({ incidents: [incidentB, incidentA], entries: [...entries].reverse() }, now).backup);

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
    const again = serializeBackup(buildBackup({ incidents: [incidentA, incidentB], entries }, now).backup);
    expect(again).toBe(validText);
  });

  it('never exports what the import would refuse: it leaves the record out and names it', () => {
    const orphan = makeEntry({ incidentId: uuid(3), text: 'Lost note' });
    const { backup, skipped } = buildBackup({ incidents: [incidentA], entries: [orphan, entries[0]!] }, now);
    expect(backup.entries).toEqual([entries[0]]);
    expect(skipped).toEqual([
      {
        table: 'entries',
        id: orphan.id,
        label: 'note “Lost note” on an incident',
        reason: `It was left out because its incident (${uuid(3)}) is not in the backup.`,
      },
    ]);
    expect(describeSkipped(skipped)).toBe(
      `Left out 1 record that would not import again: note “Lost note” on an incident (It was left out because its incident (${uuid(3)}) is not in the backup).`,
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
    ['a version written as text', variant((d) => (d.version = '1')), 'This Sitrep backup has a broken version number ("1"), so it cannot be read.'],
    ['a fractional version', variant((d) => (d.version = 1.5)), 'This Sitrep backup has a broken version number (the number 1.5), so it cannot be read.'],
    ['a negative version', variant((d) => (d.version = -1)), 'This Sitrep backup has a broken version number (the number -1), so it cannot be read.'],
    [
      'a newer version',
      variant((d) => (d.version = BACKUP_VERSION + 1)),
      `This backup is version ${BACKUP_VERSION + 1}, made by a newer Sitrep: update the extension to import it (this one reads backup versions up to ${BACKUP_VERSION}).`,
    ],
    [
      'an older, unsupported version',
      variant((d) => (d.version = 0)),
      `This backup is version 0, older than this Sitrep can import (it reads versions 1 to ${BACKUP_VERSION}).`,
    ],
    ['a missing table', variant((d) => delete d.entries), 'This backup cannot be imported:\n- entries: missing'],
    ['a table that is not a list', variant((d) => (d.incidents = {})), 'This backup cannot be imported:\n- incidents: expected a list, got an object'],
    ['a missing field', variant((d) => delete d.incidents[1].title), 'This backup cannot be imported:\n- incidents[1].title: missing'],
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
    ['the same entry twice', variant((d) => d.entries.push(d.entries[0])), 'This backup cannot be imported:\n- entries[3].id: the same id as entries[0]'],
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
    expect(problems).toContain(`entries[1].kind: expected one of ${EntryKind.options.join(', ')}, got "memo"`);
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
    expect(() => upgradeBackupDocument({ version: 1 }, { 1: (doc) => ({ ...doc }) }, 2)).toThrow('Backup upgrade from version 1 did not produce version 2');
  });
});

describe('version 2: components, held clips and screenshots', () => {
  const screenshot = makeScreenshot({ id: uuid(600), incidentId: uuid(1) });
  const clipEntry = makeEntry({
    id: uuid(13),
    incidentId: uuid(1),
    kind: 'clip',
    text: 'p99 2.4 s',
    clip: { tool: 'grafana', pageUrl: 'https://grafana.example.com/d/abc', pageTitle: 'Checkout', screenshotId: uuid(600), componentIds: [uuid(500)] },
  });
  const component = makeComponent({ id: uuid(500), group: 'API' });
  const held = makeHeldClip({
    screenshot: {
      image: new Blob([PNG_HEAD, new Uint8Array([1, 2, 3])], { type: 'image/png' }),
      thumbnail: new Blob([GIF_HEAD, new Uint8Array([4])], { type: 'image/gif' }),
      width: 2,
      height: 1,
    },
  });

  async function fullBackupText(): Promise<string> {
    return serializeBackup(
      buildBackup(
        {
          incidents: [incidentA, incidentB],
          entries: [...entries, clipEntry],
          components: [component],
          heldClips: [await encodeHeldClip(held)],
          screenshots: [await encodeScreenshot(screenshot)],
        },
        now,
      ).backup,
    );
  }

  it('reads a version 1 file: its log is all there, with no components, held clips or screenshots', () => {
    const file = JSON.stringify({ format: 'sitrep-backup', version: 1, exportedAt: '2026-11-28T02:00:00.000Z', incidents: v1.incidents, entries: v1.entries });
    const backup = parseBackup(file);
    expect(backup.version).toBe(4);
    // Walked up through versions 2 and 3 to 4: nothing public yet, no process records, no tombstones.
    expect(backup).toMatchObject({ postmortems: [], checklists: [], actionItems: [], stakeholders: [], tombstones: [] });
    expect(backup.incidents).toEqual(v1.incidents.map((i) => ({ ...i, publicTitle: '', publicImpact: '' })));
    expect(backup.entries).toEqual(v1.entries);
    expect(backup).toMatchObject({ components: [], heldClips: [], screenshots: [], updates: [], maintenances: [] });
  });

  it('still checks a version 1 file field by field after upgrading it', () => {
    const file = JSON.stringify({
      format: 'sitrep-backup',
      version: 1,
      exportedAt: '2026-11-28T02:00:00.000Z',
      incidents: [{ ...v1.incidents[0], severity: 'P1' }],
      entries: [],
    });
    expect(messageOf(file)).toBe('This backup cannot be imported:\n- incidents[0].severity: expected one of SEV1, SEV2, SEV3, SEV4, SEV5, got "P1"');
  });

  it('writes the pictures as base64 with their types, and reads back the same bytes', async () => {
    const text = await fullBackupText();
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual([
      'format',
      'version',
      'exportedAt',
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
    ]);
    expect(Object.keys(doc.screenshots[0])).toEqual(['id', 'incidentId', 'imageType', 'image', 'thumbnailType', 'thumbnail', 'width', 'height', 'takenAt']);
    expect(doc.screenshots[0]).toMatchObject({ imageType: 'image/webp', thumbnailType: 'image/jpeg' });
    expect(doc.heldClips[0].screenshot).toEqual({
      imageType: 'image/png',
      image: 'iVBORw0KGgoBAgM=',
      thumbnailType: 'image/gif',
      thumbnail: 'R0lGODlhBA==',
      width: 2,
      height: 1,
    });

    const backup = parseBackup(text);
    expect(backup.components).toEqual([component]);
    expect(backup.entries.find((e) => e.id === uuid(13))).toEqual(clipEntry);
    const back = decodeScreenshot(backup.screenshots[0]!);
    expect(await blobContents(back.image)).toEqual(await blobContents(screenshot.image));
    expect(await blobContents(back.thumbnail)).toEqual(await blobContents(screenshot.thumbnail));
    expect({ ...back, image: null, thumbnail: null }).toEqual({ ...screenshot, image: null, thumbnail: null });
    const heldBack = decodeHeldClip(backup.heldClips[0]!);
    expect(await blobContents(heldBack.screenshot!.image)).toEqual({ type: 'image/png', bytes: [...PNG_HEAD, 1, 2, 3] });
    expect({ ...heldBack, screenshot: undefined }).toEqual({ ...held, screenshot: undefined });
  });

  it('writes a held clip without a picture as it is', async () => {
    const plain = makeHeldClip();
    expect(await encodeHeldClip(plain)).toEqual(plain);
    expect(decodeHeldClip(await encodeHeldClip(plain))).toEqual(plain);
  });

  const v2Cases: [string, (doc: any) => void, string][] = [
    [
      'an image that is not base64',
      (d) => (d.screenshots[0].image = 'not base64!'),
      '- screenshots[0].image: expected the picture as base64 text (A–Z, a–z, 0–9, +, /, padded with =), got "not base64!"',
    ],
    [
      'a held clip thumbnail cut short',
      (d) => (d.heldClips[0].screenshot.thumbnail = 'R0lGODlhBA='),
      '- heldClips[0].screenshot.thumbnail: expected the picture as base64 text (A–Z, a–z, 0–9, +, /, padded with =), got "R0lGODlhBA="',
    ],
    [
      'a picture that is not an image',
      (d) => (d.screenshots[0].imageType = 'text/html'),
      '- screenshots[0].imageType: expected a picture type (image/webp, image/jpeg, image/png or image/gif), got "text/html"',
    ],
    [
      'a picture with no type',
      (d) => (d.screenshots[0].thumbnailType = ''),
      '- screenshots[0].thumbnailType: expected a picture type (image/webp, image/jpeg, image/png or image/gif), got ""',
    ],
    [
      'an SVG picture',
      (d) => (d.screenshots[0].imageType = 'image/svg+xml'),
      '- screenshots[0].imageType: expected a picture type (image/webp, image/jpeg, image/png or image/gif), got "image/svg+xml"',
    ],
    [
      'a picture whose bytes are not its type',
      (d) => (d.screenshots[0].imageType = 'image/png'),
      "- screenshots[0].image: the picture's bytes do not match its type, image/png",
    ],
    [
      'a screenshot of an incident not in the file',
      (d) => (d.screenshots[0].incidentId = uuid(9)),
      `- screenshots[0].incidentId: names no incident in this backup (${uuid(9)})`,
    ],
    [
      'a clip whose screenshot is not in the file',
      (d) => (d.screenshots = []),
      `- entries[1].clip.screenshotId: names no screenshot in this backup (${uuid(600)})`,
    ],
    ['the same component twice', (d) => d.components.push(d.components[0]), '- components[1].id: the same id as components[0]'],
    ['a component without a name', (d) => (d.components[0].name = '  '), '- components[0].name: A component needs a name'],
    ['a field a held clip does not have', (d) => (d.heldClips[0].incidentId = uuid(1)), '- heldClips[0]: unknown field "incidentId"'],
    [
      'a field a held clip screenshot does not have',
      (d) => (d.heldClips[0].screenshot.takenAt = '2026-11-28T09:00:00.000Z'),
      '- heldClips[0].screenshot: unknown field "takenAt"',
    ],
    ['a table missing from a version 2 file', (d) => delete d.heldClips, '- heldClips: missing'],
  ];

  it.each(v2Cases)('explains %s', async (_name, edit, problem) => {
    const doc = JSON.parse(await fullBackupText());
    edit(doc);
    expect(messageOf(JSON.stringify(doc))).toBe(`This backup cannot be imported:\n${problem}`);
  });

  it('decodes only raster types, real base64 and bytes of the type, naming the field', () => {
    expect(() => decodeImage({ type: 'image/png', data: 'AQI' }, 'screenshots[4].image')).toThrow(
      /^screenshots\[4\]\.image: the picture is not readable base64 \(Not base64 data/,
    );
    expect(() => decodeImage({ type: 'application/pdf', data: 'AQID' }, 'heldClips[0].screenshot.image')).toThrow(
      'heldClips[0].screenshot.image: expected a picture type (image/webp, image/jpeg, image/png or image/gif), got "application/pdf"',
    );
    expect(() => decodeImage({ type: 'image/png', data: 'AQID' }, 'x')).toThrow("x: the picture's bytes do not match its type, image/png");
    expect(() => decodeImage({ type: 'image/png', data: 'AQI' }, 'x')).toThrow(BackupError);
    expect(decodeImage({ type: 'image/png', data: 'iVBORw0KGgoBAgM=' }, 'x').type).toBe('image/png');
  });
});

describe('version 4: the incident manager’s process and tombstones', () => {
  it('reads a version 3 file with none of either', () => {
    const doc = { ...JSON.parse(validText), version: 3 };
    for (const table of ['postmortems', 'checklists', 'actionItems', 'stakeholders', 'tombstones']) delete doc[table];
    const backup = parseBackup(JSON.stringify(doc));
    expect(backup.version).toBe(4);
    expect(backup).toMatchObject({ postmortems: [], checklists: [], actionItems: [], stakeholders: [], tombstones: [] });
    expect(backup.incidents.map((i) => i.key)).toEqual(['INC-1', 'INC-2']);
  });

  it.each([
    [
      'a post-mortem of an incident not in the file',
      (doc: any) =>
        doc.postmortems.push({
          incidentId: uuid(9),
          status: 'draft',
          authors: [],
          timeline: 'all',
          sections: emptySections(),
          public: emptyPublic(),
          createdAt: doc.exportedAt,
          updatedAt: doc.exportedAt,
        }),
      `postmortems[0].incidentId: names no incident in this backup (${uuid(9)})`,
    ],
    [
      'two checklists of one incident',
      (doc: any) => doc.checklists.push(...[1, 2].map(() => ({ incidentId: uuid(1), ticks: [], updatedAt: doc.exportedAt }))),
      'checklists[1].incidentId: the same incident as checklists[0]',
    ],
    [
      'a tombstone of a table nothing is deleted from for good',
      (doc: any) => doc.tombstones.push({ table: 'incidents', id: uuid(1), deletedAt: doc.exportedAt }),
      'tombstones[0].table: expected one of heldClips, components, stakeholders, actionItems, got "incidents"',
    ],
    [
      'one deletion written twice',
      (doc: any) => doc.tombstones.push(...[1, 2].map(() => ({ table: 'components', id: uuid(5), deletedAt: doc.exportedAt }))),
      'tombstones[1].id: the same id as tombstones[0]',
    ],
  ])('refuses %s, saying where', (_name, edit, problem) => {
    expect(messageOf(variant(edit))).toBe(`This backup cannot be imported:\n- ${problem}`);
  });
});

function emptySections() {
  return { summary: '', impact: '', rootCause: '', trigger: '', detection: '', resolution: '', longTermFix: '', wentWell: '', wentWrong: '', lucky: '' };
}

function emptyPublic() {
  return { opening: '', whatHappened: '', whatWeDid: '', closing: '' };
}
