import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedError, parseStatusFeed, type StatusSnapshot } from '../../src/feed/parse';
import { time } from '../../src/feed/parse/read';
import { SummaryJson } from '../../src/feed/schema';
import { summaryJsonArbitrary } from './summary-arbitrary';

const isWebLink = (url: string | undefined) => url === undefined || /^https?:\/\/[^/]/.test(url);

function checkShape(snapshot: StatusSnapshot): void {
  expect(snapshot.description).toMatch(/\S/);
  expect(snapshot.page.name).toMatch(/\S/);
  for (const e of [...snapshot.incidents, ...snapshot.maintenances]) {
    expect(e.name.length).toBeLessThanOrEqual(200);
    expect(Number.isNaN(Date.parse(e.updatedAt))).toBe(false);
    expect(isWebLink(e.url)).toBe(true);
    if (e.latest) expect(e.latest.body.length).toBeLessThanOrEqual(5000);
  }
  expect(isWebLink(snapshot.page.url)).toBe(true);
}

describe('parseStatusFeed on every summary.json the strict schema accepts', () => {
  it('parses without throwing and keeps the components, indicator, incidents and maintenance', () => {
    fc.assert(
      fc.property(summaryJsonArbitrary, (doc) => {
        // The generator itself is held to the schema, so the property covers published documents only.
        expect(SummaryJson.safeParse(doc).error).toBeUndefined();
        const leaves = doc.components.filter((c) => !c.group);
        for (const input of [doc, JSON.stringify(doc)]) {
          const snapshot = parseStatusFeed(input);
          expect(snapshot.format).toBe('statuspage');
          expect(snapshot.indicator).toBe(doc.status.indicator);
          expect(snapshot.components.map((c) => [c.id, c.status])).toEqual(leaves.map((c) => [c.id, c.status]));
          expect(snapshot.components.filter((c) => c.group).length).toBe(leaves.filter((c) => c.group_id).length);
          expect(snapshot.incidents.map((e) => e.id).sort()).toEqual(doc.incidents.map((e) => e.id).sort());
          expect(snapshot.maintenances.map((e) => e.id).sort()).toEqual(doc.scheduled_maintenances.map((e) => e.id).sort());
          const started = snapshot.incidents.map((e) => e.startedAt!);
          expect(started).toEqual([...started].sort().reverse());
          for (const e of snapshot.incidents) {
            const source = doc.incidents.find((i) => i.id === e.id)!;
            expect(e.url).toBe(source.shortlink);
            expect(e.latest?.at).toBe(source.incident_updates[0]?.display_at);
          }
          for (const e of snapshot.maintenances) {
            const source = doc.scheduled_maintenances.find((m) => m.id === e.id)!;
            expect([e.startedAt, e.endsAt]).toEqual([time(source.scheduled_for), time(source.scheduled_until)]);
          }
          checkShape(snapshot);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseStatusFeed on anything at all', () => {
  const loosely = fc.record(
    {
      page: fc.oneof(fc.anything(), fc.record({ name: fc.anything(), url: fc.anything(), status: fc.anything() })),
      status: fc.oneof(fc.anything(), fc.record({ indicator: fc.anything(), description: fc.anything() })),
      components: fc.oneof(fc.anything(), fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'status', 'group', 'group_id'), fc.anything()))),
      incidents: fc.oneof(
        fc.anything(),
        fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'status', 'impact', 'shortlink', 'incident_updates', 'started_at'), fc.anything())),
      ),
      systems: fc.anything(),
      activeIncidents: fc.anything(),
    },
    { requiredKeys: [] },
  );

  it.each([
    ['any value', fc.anything()],
    ['any JSON text', fc.json()],
    ['any JSON text, cut short', fc.json().chain((json) => fc.nat(json.length).map((n) => json.slice(0, n)))],
    ['a document with the right keys and junk values', loosely],
    ['an Upptime-like list with junk entries', fc.array(fc.record({ name: fc.anything(), slug: fc.anything(), status: fc.anything() }))],
  ])('returns a snapshot or throws FeedError, never anything else, for %s', (_label, arbitrary: fc.Arbitrary<unknown>) => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        try {
          checkShape(parseStatusFeed(input));
        } catch (e) {
          if (!(e instanceof FeedError)) throw e;
          expect(e.message.length).toBeLessThan(600);
        }
      }),
      { numRuns: 300 },
    );
  });
});
