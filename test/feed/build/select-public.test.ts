import { describe, expect, it } from 'vitest';
import { selectPublic } from '../../../src/feed/build';
import type { Severity } from '../../../src/model';
import { makeComponent, makeIncident, makeMaintenance, makeUpdate, NOW, SITE, uuid } from './site-fixtures';

const empty = { components: [], incidents: [], updates: [], maintenances: [] };

describe('selectPublic', () => {
  it('takes the page from the site settings and URL', () => {
    expect(selectPublic(empty, SITE, NOW)).toEqual({
      page: { id: 'acme-status', name: 'Acme', url: 'https://status.acme.example/', timeZone: 'Europe/Berlin' },
      components: [],
      incidents: [],
      maintenances: [],
      withheldIds: [],
      historyDays: 90,
      now: NOW,
    });
  });

  it.each<[Severity, string]>([
    ['SEV1', 'critical'],
    ['SEV2', 'major'],
    ['SEV3', 'minor'],
    ['SEV4', 'minor'],
    ['SEV5', 'none'],
  ])('publishes a %s incident with impact %s', (severity, impact) => {
    const log = { ...empty, incidents: [makeIncident(100, { severity })], updates: [makeUpdate(uuid(100))] };
    expect(selectPublic(log, SITE, NOW).incidents[0]!.impact).toBe(impact);
  });

  it('publishes an incident as its public title and its updates in time order, its status the last update says', () => {
    const log = {
      ...empty,
      // Resolved internally, but the public has only heard "identified" so far.
      incidents: [makeIncident(100, { publicTitle: 'Slow logins', status: 'resolved', startedAt: '2026-03-10T08:55:00.000Z' })],
      updates: [
        makeUpdate(uuid(100), { id: uuid(2), at: '2026-03-10T09:30:00.000Z', status: 'identified', body: 'Second' }),
        makeUpdate(uuid(100), { id: uuid(1), at: '2026-03-10T09:00:00.000Z', body: 'First' }),
      ],
    };
    expect(selectPublic(log, SITE, NOW).incidents).toEqual([
      {
        id: uuid(100),
        name: 'Slow logins',
        impact: 'major',
        status: 'identified',
        startedAt: '2026-03-10T08:55:00.000Z',
        updates: [
          { id: uuid(1), status: 'investigating', body: 'First', at: '2026-03-10T09:00:00.000Z', components: [] },
          { id: uuid(2), status: 'identified', body: 'Second', at: '2026-03-10T09:30:00.000Z', components: [] },
        ],
      },
    ]);
  });

  it('holds back incidents without a public title or without an update, naming only their ids', () => {
    const log = {
      ...empty,
      incidents: [makeIncident(100, { publicTitle: '' }), makeIncident(101), makeIncident(102)],
      updates: [makeUpdate(uuid(100)), makeUpdate(uuid(102))],
    };
    const input = selectPublic(log, SITE, NOW);
    expect(input.incidents.map((i) => i.id)).toEqual([uuid(102)]);
    expect(input.withheldIds).toEqual([uuid(100), uuid(101)]);
  });

  it('publishes the public fields of public components only', () => {
    const log = {
      ...empty,
      components: [
        makeComponent(1, {
          name: 'API',
          description: 'The API',
          group: 'Core',
          order: 3,
          status: 'degraded_performance',
          updatedAt: '2026-03-01T00:00:00.000Z',
        }),
        makeComponent(2, { name: 'Secret', public: false }),
        makeComponent(3, { name: 'Web' }),
      ],
    };
    const input = selectPublic(log, SITE, NOW);
    expect(input.components).toEqual([
      { id: uuid(1), name: 'API', description: 'The API', group: 'Core', order: 3, status: 'degraded_performance', updatedAt: '2026-03-01T00:00:00.000Z' },
      { id: uuid(3), name: 'Web', description: '', order: 3, status: 'operational', updatedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(input.withheldIds).toEqual([uuid(2)]);
  });

  it('publishes a maintenance without its author, naming public components only', () => {
    const log = {
      ...empty,
      components: [makeComponent(1), makeComponent(2, { public: false })],
      maintenances: [makeMaintenance(200, { componentIds: [uuid(1), uuid(2)], completedAt: '2026-03-10T15:00:00.000Z' })],
    };
    expect(selectPublic(log, SITE, NOW).maintenances).toEqual([
      {
        id: uuid(200),
        title: 'Maintenance 200',
        body: 'We will upgrade the database. Expect short pauses.',
        componentIds: [uuid(1)],
        scheduledFor: '2026-03-10T14:00:00.000Z',
        scheduledUntil: '2026-03-10T16:00:00.000Z',
        completedAt: '2026-03-10T15:00:00.000Z',
        createdAt: '2026-03-01T10:00:00.000Z',
        updatedAt: '2026-03-01T10:00:00.000Z',
      },
    ]);
  });
});
