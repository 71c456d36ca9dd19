import { describe, expect, it } from 'vitest';
import { declareIncident } from '../../src/db';
import { importBackupText } from '../../src/db/backup-repo';
import { BackupError } from '../../src/report/backup';
import { freshDb } from '../db/fresh-db';
import { at, errorOf, hostileBaseDoc, rasterBytes, screenshotRow, snapshotLog, svgBytes, uuid } from './backup-fixtures';

const text = (s: string) => new TextEncoder().encode(s);

/** Pictures no screenshot may be: active documents, or bytes that are not what the type says. */
const refused: [string, { type: string; bytes: Uint8Array }][] = [
  ['an SVG with a script', { type: 'image/svg+xml', bytes: svgBytes() }],
  ['an SVG calling itself a PNG', { type: 'image/png', bytes: svgBytes() }],
  ['an SVG calling itself a WebP', { type: 'image/webp', bytes: svgBytes() }],
  ['HTML calling itself a JPEG', { type: 'image/jpeg', bytes: text('<!doctype html><script>alert(1)</script>') }],
  ['a JPEG calling itself a WebP', { type: 'image/webp', bytes: rasterBytes('image/jpeg') }],
  ['a PNG calling itself a GIF', { type: 'image/gif', bytes: rasterBytes('image/png') }],
  ['a RIFF file that is not WebP (WAVE)', { type: 'image/webp', bytes: text('RIFF\u0024\u0000\u0000\u0000WAVEfmt ') }],
  ['a BMP (raster, but not a type Sitrep keeps)', { type: 'image/bmp', bytes: text('BM6\u0000\u0000\u0000') }],
  ['an icon', { type: 'image/x-icon', bytes: new Uint8Array([0, 0, 1, 0, 1, 0]) }],
  ['no bytes at all', { type: 'image/png', bytes: new Uint8Array() }],
  ['a JPEG cut after two bytes', { type: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8]) }],
  ['a type with parameters', { type: 'image/png;charset=utf-8', bytes: rasterBytes('image/png') }],
];

const accepted = ['image/webp', 'image/jpeg', 'image/png', 'image/gif'].map((type) => [type] as [string]);

const where: [string, (doc: ReturnType<typeof hostileBaseDoc>, picture: { type: string; bytes: Uint8Array }) => void, RegExp][] = [
  [
    'a screenshot',
    (doc, picture) => doc.screenshots.push(screenshotRow(600, picture, { type: 'image/jpeg', bytes: rasterBytes('image/jpeg') })),
    /screenshots\[0\]\.image/,
  ],
  [
    'a screenshot thumbnail',
    (doc, picture) => doc.screenshots.push(screenshotRow(600, { type: 'image/webp', bytes: rasterBytes('image/webp') }, picture)),
    /screenshots\[0\]\.thumbnail/,
  ],
  [
    'a held clip',
    (doc, picture) =>
      doc.heldClips.push({
        id: uuid(700),
        takenAt: '2026-11-28T09:00:00.000Z',
        author: 'Bo',
        draft: { text: 'held', clip: { tool: 'generic', pageUrl: 'https://example.com/', pageTitle: 'x', componentIds: [] } },
        screenshot: { ...screenshotRow(0, picture), id: undefined, incidentId: undefined, takenAt: undefined },
      }),
    /heldClips\[0\]\.screenshot\.image/,
  ],
];

describe('only real raster pictures are imported', () => {
  describe.each(where)('in %s', (_place, put, field) => {
    it.each(refused)('refuses %s, naming the field, and changes nothing', async (_name, picture) => {
      const db = freshDb();
      await declareIncident(db, { title: 'Mine', severity: 'SEV3' }, { author: 'Ana', now: at('09:00') });
      const before = await snapshotLog(db);
      const doc = hostileBaseDoc();
      put(doc, picture);
      const error = await errorOf(importBackupText(db, JSON.stringify(doc), at('12:00')));
      expect(error).toBeInstanceOf(BackupError);
      expect(error.message).toMatch(field);
      expect(await snapshotLog(db)).toEqual(before);
    });

    it.each(accepted)('accepts %s whose bytes are one', async (type) => {
      const db = freshDb();
      const doc = hostileBaseDoc();
      put(doc, { type, bytes: rasterBytes(type) });
      await importBackupText(db, JSON.stringify(doc), at('12:00'));
      const stored = [
        ...(await db.screenshots.toArray()).flatMap((s) => [s.image, s.thumbnail]),
        ...(await db.heldClips.toArray()).flatMap((h) => (h.screenshot ? [h.screenshot.image] : [])),
      ];
      expect(stored.map((b) => b.type)).toContain(type);
    });
  });
});
