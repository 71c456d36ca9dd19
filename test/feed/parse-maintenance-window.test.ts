import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStatusFeed } from '../../src/feed/parse';

// `endsAt`, a maintenance window's end, from the field each format really has: Statuspage's
// `scheduled_until`, Instatus's `start` plus `duration` in minutes. cState and Upptime state no
// window, so their events never carry one.
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8'));

/** The fixture's first maintenance (the in-progress AMS one) with its window fields replaced. */
function statuspageMaintenance(fields: Record<string, unknown>) {
  const doc = fixture('statuspage-summary-cloudflare.json');
  const maintenance = doc.scheduled_maintenances[1];
  expect(maintenance.name).toBe('AMS (Amsterdam) datacenter maintenance');
  Object.assign(maintenance, fields);
  for (const [key, value] of Object.entries(fields)) if (value === undefined) delete maintenance[key];
  return parseStatusFeed(doc).maintenances.find((m) => m.id === maintenance.id)!;
}

/** Instatus's summary.json fixture with its maintenance's start and duration replaced. */
function instatusMaintenance(fields: Record<string, unknown>) {
  const doc = fixture('instatus-summary.json');
  Object.assign(doc.activeMaintenances[0], fields);
  const [maintenance] = parseStatusFeed(doc).maintenances;
  expect(maintenance?.name).toBe('Database maintenance');
  return maintenance!;
}

describe('Statuspage: endsAt is scheduled_until', () => {
  it('reads both windows of the Cloudflare summary', () => {
    const { maintenances, incidents } = parseStatusFeed(fixture('statuspage-summary-cloudflare.json'));
    expect(maintenances.map((m) => [m.status, m.startedAt, m.endsAt])).toEqual([
      ['in_progress', '2026-05-15T13:00:00.000Z', '2026-05-17T13:00:00.000Z'],
      ['scheduled', '2026-05-17T12:00:00.000Z', '2026-05-17T13:00:00.000Z'],
    ]);
    expect(incidents.map((e) => e.endsAt)).toEqual([undefined]);
  });

  it.each<[string, Record<string, unknown>, string | undefined, string | undefined]>([
    [
      'an offset, as Statuspage writes in the page zone',
      { scheduled_for: '2015-06-17T00:00:00.000+02:00', scheduled_until: '2015-06-18T00:00:00.000+02:00' },
      '2015-06-16T22:00:00.000Z',
      '2015-06-17T22:00:00.000Z',
    ],
    [
      'a window of no length',
      { scheduled_for: '2026-05-17T13:00:00Z', scheduled_until: '2026-05-17T13:00:00Z' },
      '2026-05-17T13:00:00.000Z',
      '2026-05-17T13:00:00.000Z',
    ],
    ['no scheduled_until', { scheduled_until: undefined }, '2026-05-15T13:00:00.000Z', undefined],
    ['scheduled_until null', { scheduled_until: null }, '2026-05-15T13:00:00.000Z', undefined],
    ['scheduled_until not a time', { scheduled_until: 'until further notice' }, '2026-05-15T13:00:00.000Z', undefined],
    ['scheduled_until an object', { scheduled_until: { at: '2026-05-17T13:00:00Z' } }, '2026-05-15T13:00:00.000Z', undefined],
    ['an end before the start', { scheduled_until: '2026-05-15T12:59:59Z' }, '2026-05-15T13:00:00.000Z', undefined],
    [
      'an end before the start once offsets count',
      { scheduled_for: '2026-05-15T13:00:00Z', scheduled_until: '2026-05-15T14:30:00+02:00' },
      '2026-05-15T13:00:00.000Z',
      undefined,
    ],
    [
      'an end but no start anywhere',
      { scheduled_for: undefined, started_at: undefined, scheduled_until: '2026-05-17T13:00:00Z' },
      undefined,
      '2026-05-17T13:00:00.000Z',
    ],
  ])('%s', (_label, fields, startedAt, endsAt) => {
    const maintenance = statuspageMaintenance(fields);
    expect(maintenance.startedAt).toBe(startedAt);
    expect(maintenance.endsAt).toBe(endsAt);
  });

  it('reads the window of a maintenance that incidents.json lists among the incidents', () => {
    const doc = fixture('statuspage-incidents-emma.json');
    doc.incidents.unshift({
      id: '2dd8nl5nd0qg',
      name: 'Test maintenance',
      status: 'in_progress',
      created_at: '2019-02-21T10:19:09.835-06:00',
      updated_at: '2019-02-21T10:19:10.068-06:00',
      resolved_at: null,
      impact: 'maintenance',
      shortlink: 'http://stspg.io/1G4e',
      scheduled_for: '2019-02-21T10:00:00.000-06:00',
      scheduled_until: '2019-02-21T12:00:00.000-06:00',
      incident_updates: [],
    });
    const maintenance = parseStatusFeed(doc).incidents.find((e) => e.id === '2dd8nl5nd0qg');
    expect(maintenance?.endsAt).toBe('2019-02-21T18:00:00.000Z');
  });
});

describe('Instatus: endsAt is start plus duration minutes', () => {
  it('reads the help page example: "60" minutes after its JavaScript-date start', () => {
    expect(parseStatusFeed(fixture('instatus-summary.json')).maintenances[0]).toMatchObject({
      startedAt: '2022-06-11T18:55:54.000Z',
      endsAt: '2022-06-11T19:55:54.000Z',
    });
  });

  it.each<[string, Record<string, unknown>, string | undefined]>([
    ['a number, as its API writes it', { start: '2020-09-13T18:38:58.326Z', duration: 90 }, '2020-09-13T20:08:58.326Z'],
    ['a string with spaces', { duration: ' 15 ' }, '2022-06-11T19:10:54.000Z'],
    ['a start in another zone', { start: 'Sat Jun 11 2022 20:55:54 GMT+0200 (Central European Summer Time)', duration: '30' }, '2022-06-11T19:25:54.000Z'],
    ['a window across days', { duration: String(3 * 24 * 60) }, '2022-06-14T18:55:54.000Z'],
    ['no duration', { duration: undefined }, undefined],
    ['duration null', { duration: null }, undefined],
    ['duration zero', { duration: '0' }, undefined],
    ['a negative duration', { duration: '-60' }, undefined],
    ['a duration in words', { duration: 'one hour' }, undefined],
    ['a duration past year 9999', { duration: '1e13' }, undefined],
    ['no start', { start: undefined, duration: '60', updatedAt: '2022-06-11T18:00:00Z' }, undefined],
    ['a start that is no time', { start: 'soon', duration: '60', updatedAt: '2022-06-11T18:00:00Z' }, undefined],
  ])('%s', (_label, fields, endsAt) => {
    expect(instatusMaintenance(fields).endsAt).toBe(endsAt);
  });

  it('gives incidents no end, whatever they carry', () => {
    const doc = fixture('instatus-summary.json');
    doc.activeIncidents[0].duration = '60';
    expect(parseStatusFeed(doc).incidents[0]?.endsAt).toBeUndefined();
  });
});

describe('cState and Upptime state no window', () => {
  it.each([
    ['cstate-index-tor.json', (doc: any) => (doc.systems[1].unresolvedIssues[0].resolvedAt = '2025-04-12 12:00:00 +0000 UTC')],
    ['upptime-summary.json', () => {}],
  ])('%s: no event has an end', (file, change) => {
    const doc = fixture(file);
    change(doc);
    const { incidents, maintenances } = parseStatusFeed(doc);
    expect([...incidents, ...maintenances].map((e) => e.endsAt).filter(Boolean)).toEqual([]);
  });
});
