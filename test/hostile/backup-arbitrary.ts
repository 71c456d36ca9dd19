import fc from 'fast-check';
import { base64, rasterBytes, svgBytes, uuid } from './backup-fixtures';

/**
 * Random version 3 backup documents built from the schema's shapes, with hostile text and
 * instants: most fields valid, some not, ids drawn from a small pool that overlaps the log the
 * property seeds (hostileBaseDoc's ids), so files add, replace, collide and get refused.
 */

/** The import's own time in the property. */
export const IMPORT_NOW = new Date('2026-11-28T12:00:00.000Z');

const HOSTILE_TEXT = [
  '‮gnp.exe',
  '__proto__',
  'constructor',
  'toString',
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.domain)</script>',
  '[{"code":"custom","path":["key"],"message":"x"}]',
  '\u0000\u0007\u001b[31m',
  'INC-999999999',
  'line one\nline two\r\n\tthree',
  '⁦⁩‎‏؜',
  '🙂'.repeat(40),
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  "Robert'); DROP TABLE incidents;--",
];

/** Text up to `max` characters, hostile half the time; when `dirty`, now and then too long for the schema. */
const text = (max: number, dirty: boolean) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 4, arbitrary: fc.string({ maxLength: Math.min(max, 60), unit: 'binary' }) },
    { weight: dirty ? 1 : 0, arbitrary: fc.constant('x'.repeat(max + 1)) },
  );

/** A title-like text: never blank, unless `dirty`. */
const title = (max: number, dirty: boolean) =>
  fc.oneof({ weight: 9, arbitrary: text(max, dirty).filter((t) => t.trim().length > 0) }, { weight: dirty ? 1 : 0, arbitrary: fc.constant('  ') });

const EARLIEST = Date.parse('1970-01-01T00:00:00.000Z');
const LATEST = Date.parse('2999-12-31T23:59:59.999Z');

/** Instants: anywhere in the valid range, around the import (inside and beyond the skew), or (dirty) broken. */
const instantOf = (dirty: boolean) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: EARLIEST, max: LATEST }).map((ms) => new Date(ms).toISOString()) },
    { weight: 5, arbitrary: fc.integer({ min: -6 * 3_600_000, max: 6 * 3_600_000 }).map((ms) => new Date(IMPORT_NOW.getTime() + ms).toISOString()) },
    { weight: 2, arbitrary: fc.constantFrom('2999-12-31T23:59:59.999Z', '2100-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z') },
    {
      weight: dirty ? 1 : 0,
      arbitrary: fc.constantFrom(
        '0000-01-01T00:00:00.000Z',
        '9999-12-31T23:59:59.999Z',
        '1969-12-31T23:59:59.999Z',
        '3000-01-01T00:00:00.000Z',
        '+275760-09-13T00:00:00.000Z',
        '2026-02-30T00:00:00.000Z',
        '2026-11-28T09:10:00Z',
        'not a time',
      ),
    },
  );

const INCIDENT_IDS = [uuid(1), uuid(2), uuid(3), uuid(4)];
const ENTRY_IDS = [uuid(11), uuid(12), uuid(13), uuid(14), uuid(15)];
const COMPONENT_IDS = [uuid(500), uuid(501), uuid(502)];
const UPDATE_IDS = [uuid(800), uuid(801), uuid(802)];
const MAINTENANCE_IDS = [uuid(900), uuid(901)];
const PICTURE_IDS = [uuid(600), uuid(601), uuid(602)];
const HELD_IDS = [uuid(700), uuid(701), uuid(11)];
const RASTERS = ['image/webp', 'image/jpeg', 'image/png', 'image/gif'];

const keyOf = (dirty: boolean) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('INC-1', 'INC-2', 'INC-3', 'INC-999999999', 'INC-99999999', 'INC-100000000') },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 999_999_999 }).map((n) => `INC-${n}`) },
    { weight: dirty ? 1 : 0, arbitrary: fc.constantFrom('INC-0', 'INC-1000000000', 'inc-5', 'INC-01') },
  );

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

/** Drops keys whose value is undefined, as JSON would. */
const defined = <T extends object>(record: T) => JSON.parse(JSON.stringify(record)) as T;

const link = fc.constantFrom('https://grafana.example.com/d/abc?from=now-1h', 'http://127.0.0.1\\@good.example.com/', 'https://xn--80ak6aa92e.com/');
const badLink = fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>alert(1)</script>');

/** A picture as a backup writes it: a raster whose bytes are its type; when dirty, maybe an SVG or another type's bytes. */
const pictureOf = (dirty: boolean) =>
  fc
    .record({
      type: dirty ? fc.constantFrom(...RASTERS, 'image/svg+xml') : fc.constantFrom(...RASTERS),
      bytesOf: dirty ? fc.constantFrom(...RASTERS, 'same', 'same', 'same', 'svg') : fc.constant('same'),
    })
    .map(({ type, bytesOf }) => ({ type, data: base64(bytesOf === 'svg' ? svgBytes() : rasterBytes(bytesOf === 'same' ? type : bytesOf, 24)) }));

function documentOf(dirty: boolean) {
  const t = (max: number) => text(max, dirty);
  const when = instantOf(dirty);
  const picture = pictureOf(dirty);
  const anyLink = dirty ? fc.oneof({ weight: 5, arbitrary: link }, { weight: 1, arbitrary: badLink }) : link;

  const incident = fc
    .record({
      id: fc.constantFrom(...INCIDENT_IDS),
      key: keyOf(dirty),
      title: title(200, dirty),
      severity: fc.constantFrom('SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'),
      status: fc.constantFrom('investigating', 'identified', 'monitoring', 'resolved'),
      impact: t(5000),
      publicTitle: fc.oneof(
        fc.constant(''),
        t(255).map((v) => v.trim()),
      ),
      publicImpact: fc.constant(''),
      manager: t(200),
      startedAt: when,
      detectedAt: optional(when),
      acknowledgedAt: optional(when),
      resolvedAt: optional(when),
      createdAt: when,
      updatedAt: when,
    })
    .map(defined);

  const clip = fc
    .record({
      tool: fc.constantFrom('grafana', 'kibana', 'generic'),
      pageUrl: fc.oneof(link, t(100)),
      pageTitle: t(2000),
      range: optional(fc.record({ from: when, to: when, relative: fc.boolean() })),
      panel: optional(t(2000)),
      componentIds: fc.subarray(COMPONENT_IDS),
    })
    .map(defined);

  const entry = fc
    .record({
      id: fc.constantFrom(...ENTRY_IDS),
      incidentId: fc.constantFrom(...INCIDENT_IDS),
      at: when,
      recordedAt: when,
      author: t(200),
      kind: fc.constantFrom('note', 'clip', 'change', 'decision', 'alert', 'action', 'status'),
      text: t(100_000),
      sourceUrl: optional(anyLink),
      starred: fc.boolean(),
      clip: optional(clip),
      deletedAt: optional(when),
      updatedAt: when,
    })
    .map(defined);

  const component = fc
    .record({
      id: fc.constantFrom(...COMPONENT_IDS),
      name: title(100, dirty).map((v) => (dirty ? v : v.trim())),
      description: fc.constant(''),
      owner: t(100).map((v) => (dirty ? v : v.trim())),
      order: fc.integer({ min: 0, max: 10_000 }),
      public: fc.boolean(),
      status: fc.constantFrom('operational', 'degraded_performance', 'major_outage'),
      dashboardPatterns: fc.array(fc.constantFrom('https://grafana.example.com/d/*', '*'), { maxLength: 2 }),
      updatedAt: when,
    })
    .map(defined);

  const update = fc
    .record({
      id: fc.constantFrom(...UPDATE_IDS),
      incidentId: fc.constantFrom(...INCIDENT_IDS),
      status: fc.constantFrom('investigating', 'resolved'),
      body: title(25_000, dirty).map((v) => (dirty ? v : v.trim())),
      components: fc.constant([]),
      at: when,
      author: t(200),
      updatedAt: when,
    })
    .map(defined);

  const maintenance = fc
    .record({
      id: fc.constantFrom(...MAINTENANCE_IDS),
      title: title(255, dirty).map((v) => (dirty ? v : v.trim())),
      body: title(25_000, dirty).map((v) => (dirty ? v : v.trim())),
      componentIds: fc.subarray(COMPONENT_IDS),
      window: fc.tuple(when, when),
      completedAt: optional(when),
      cancelledAt: optional(when),
      author: t(200),
      createdAt: when,
      updatedAt: when,
    })
    .map(({ window: [a, b], ...rest }) => {
      // Clean windows end after they start; dirty ones may not.
      const [scheduledFor, scheduledUntil] = dirty || a < b ? [a, b] : b < a ? [b, a] : [a, new Date(Date.parse(a) + 3_600_000).toISOString()];
      return defined({ ...rest, scheduledFor, scheduledUntil });
    });

  const screenshot = fc
    .record({ id: fc.constantFrom(...PICTURE_IDS), incidentId: fc.constantFrom(...INCIDENT_IDS), image: picture, thumbnail: picture, takenAt: when })
    .map(({ image, thumbnail, ...rest }) => ({
      ...rest,
      imageType: image.type,
      image: image.data,
      thumbnailType: thumbnail.type,
      thumbnail: thumbnail.data,
      width: 2,
      height: 1,
    }));

  const heldClip = fc
    .record({
      id: fc.constantFrom(...HELD_IDS),
      takenAt: when,
      author: t(200),
      draft: fc.record({ text: t(100_000), clip }),
      screenshot: optional(fc.record({ image: picture, thumbnail: picture })),
    })
    .map(({ screenshot, ...rest }) =>
      defined({
        ...rest,
        screenshot: screenshot && {
          imageType: screenshot.image.type,
          image: screenshot.image.data,
          thumbnailType: screenshot.thumbnail.type,
          thumbnail: screenshot.thumbnail.data,
          width: 2,
          height: 1,
        },
      }),
    );

  const unique = <T extends { id: string }>(arb: fc.Arbitrary<T>, maxLength: number) => fc.uniqueArray(arb, { selector: (r) => r.id, maxLength });

  return fc
    .record({
      format: fc.constant('sitrep-backup'),
      version: fc.constant(3),
      exportedAt: when,
      incidents: fc
        .uniqueArray(incident, { selector: (r) => r.id, maxLength: 3 })
        .map((list) => (dirty ? list : list.filter((r, i) => list.findIndex((o) => o.key === r.key) === i))),
      entries: unique(entry, 4),
      components: unique(component, 2),
      heldClips: unique(heldClip, 2),
      updates: unique(update, 2),
      maintenances: unique(maintenance, 2),
      screenshots: unique(screenshot, 2),
      picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    })
    .map(({ picks, ...doc }) => {
      // Clean files name only their own incidents; dirty ones may name any.
      if (dirty || !doc.incidents.length) return dirty ? doc : { ...doc, entries: [], updates: [], screenshots: [] };
      const ids = doc.incidents.map((i) => i.id);
      const own = <T extends { incidentId: string }>(rows: T[]) => rows.map((r, i) => ({ ...r, incidentId: ids[picks[i % picks.length]! % ids.length]! }));
      return { ...doc, entries: own(doc.entries), updates: own(doc.updates), screenshots: own(doc.screenshots) };
    });
}

/** A backup document: half of them clean (every record valid, hostile text and times), half dirty. */
export const hostileBackup = fc.oneof(documentOf(false), documentOf(true));
