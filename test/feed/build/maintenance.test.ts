import { describe, expect, it } from 'vitest';
import { buildSite, selectPublic } from '../../../src/feed/build';
import { MAINTENANCE_WORDS } from '../../../src/feed/build/event-docs';
import type { ScheduledMaintenance } from '../../../src/feed/schema';
import type { Maintenance } from '../../../src/model';
import { json, makeComponent, makeIncident, makeMaintenance, makeUpdate, SITE, uuid } from './site-fixtures';

// One maintenance of the Web component, announced on 1 March for 10 March 14:00–16:00 UTC.
const WEB = uuid(2);
const window = { componentIds: [WEB], scheduledFor: '2026-03-10T14:00:00.000Z', scheduledUntil: '2026-03-10T16:00:00.000Z' };

function publish(now: string, overrides: Partial<Maintenance> = {}, extra: { webDegradedByIncident?: boolean } = {}) {
  const log = {
    components: [
      makeComponent(1, { name: 'API' }),
      makeComponent(2, { name: 'Web', status: extra.webDegradedByIncident ? 'degraded_performance' : 'operational' }),
    ],
    incidents: extra.webDegradedByIncident ? [makeIncident(100, { startedAt: '2026-03-10T14:30:00.000Z' })] : [],
    updates: extra.webDegradedByIncident
      ? [
          makeUpdate(uuid(100), {
            at: '2026-03-10T14:35:00.000Z',
            components: [{ componentId: WEB, name: 'Web', from: 'under_maintenance', to: 'degraded_performance' }],
          }),
        ]
      : [],
    maintenances: [makeMaintenance(200, { title: 'Web upgrade', ...window, ...overrides })],
  };
  const { files } = buildSite(selectPublic(log, SITE, new Date(now)));
  const all: ScheduledMaintenance[] = json(files, 'api/v2/scheduled-maintenances.json').scheduled_maintenances;
  const summary = json(files, 'api/v2/summary.json');
  return {
    maintenance: all[0]!,
    inSummary: summary.scheduled_maintenances.length > 0,
    web: summary.components.find((c: { id: string }) => c.id === WEB).status,
    indicator: summary.status.indicator,
  };
}

const steps = (m: ScheduledMaintenance) => m.incident_updates.map((u) => [u.status, u.display_at, u.body]);
const NOTICE = 'We will upgrade the database. Expect short pauses.';

describe('a maintenance moves through its lifecycle by the clock', () => {
  it.each<
    [string, string, Partial<Maintenance>, { status: string; resolvedAt: string | null; steps: string[][]; web: string; indicator: string; inSummary: boolean }]
  >([
    [
      'before its window: scheduled, announced',
      '2026-03-09T12:00:00.000Z',
      {},
      {
        status: 'scheduled',
        resolvedAt: null,
        steps: [['scheduled', '2026-03-01T10:00:00.000Z', NOTICE]],
        web: 'operational',
        indicator: 'none',
        inSummary: true,
      },
    ],
    [
      'during its window: in progress, its components under maintenance',
      '2026-03-10T15:00:00.000Z',
      {},
      {
        status: 'in_progress',
        resolvedAt: null,
        steps: [
          ['in_progress', '2026-03-10T14:00:00.000Z', MAINTENANCE_WORDS.inProgress],
          ['scheduled', '2026-03-01T10:00:00.000Z', NOTICE],
        ],
        web: 'under_maintenance',
        indicator: 'maintenance',
        inSummary: true,
      },
    ],
    [
      'after its window: completed when the window closed',
      '2026-03-10T16:00:00.000Z',
      {},
      {
        status: 'completed',
        resolvedAt: '2026-03-10T16:00:00.000Z',
        steps: [
          ['completed', '2026-03-10T16:00:00.000Z', MAINTENANCE_WORDS.completed],
          ['in_progress', '2026-03-10T14:00:00.000Z', MAINTENANCE_WORDS.inProgress],
          ['scheduled', '2026-03-01T10:00:00.000Z', NOTICE],
        ],
        web: 'operational',
        indicator: 'none',
        inSummary: false,
      },
    ],
    [
      'completed early: completed when it was',
      '2026-03-10T15:30:00.000Z',
      { completedAt: '2026-03-10T15:10:00.000Z' },
      {
        status: 'completed',
        resolvedAt: '2026-03-10T15:10:00.000Z',
        steps: [
          ['completed', '2026-03-10T15:10:00.000Z', MAINTENANCE_WORDS.completed],
          ['in_progress', '2026-03-10T14:00:00.000Z', MAINTENANCE_WORDS.inProgress],
          ['scheduled', '2026-03-01T10:00:00.000Z', NOTICE],
        ],
        web: 'operational',
        indicator: 'none',
        inSummary: false,
      },
    ],
    [
      'cancelled before it began: completed with a note, never in progress',
      '2026-03-10T15:00:00.000Z',
      { cancelledAt: '2026-03-09T08:00:00.000Z' },
      {
        status: 'completed',
        resolvedAt: '2026-03-09T08:00:00.000Z',
        steps: [
          ['completed', '2026-03-09T08:00:00.000Z', 'This maintenance was cancelled.'],
          ['scheduled', '2026-03-01T10:00:00.000Z', NOTICE],
        ],
        web: 'operational',
        indicator: 'none',
        inSummary: false,
      },
    ],
    [
      'cancelled while running: completed with a note',
      '2026-03-10T15:30:00.000Z',
      { cancelledAt: '2026-03-10T14:20:00.000Z' },
      {
        status: 'completed',
        resolvedAt: '2026-03-10T14:20:00.000Z',
        steps: [
          ['completed', '2026-03-10T14:20:00.000Z', 'This maintenance was cancelled.'],
          ['in_progress', '2026-03-10T14:00:00.000Z', MAINTENANCE_WORDS.inProgress],
          ['scheduled', '2026-03-01T10:00:00.000Z', NOTICE],
        ],
        web: 'operational',
        indicator: 'none',
        inSummary: false,
      },
    ],
  ])('%s', (_label, now, overrides, expected) => {
    const { maintenance, web, indicator, inSummary } = publish(now, overrides);
    expect({ status: maintenance.status, resolvedAt: maintenance.resolved_at, steps: steps(maintenance), web, indicator, inSummary }).toEqual(expected);
  });

  it('publishes its window, impact and components as Statuspage does', () => {
    const { maintenance } = publish('2026-03-10T15:00:00.000Z');
    expect(maintenance).toMatchObject({
      id: uuid(200),
      name: 'Web upgrade',
      impact: 'maintenance',
      scheduled_for: '2026-03-10T14:00:00.000Z',
      scheduled_until: '2026-03-10T16:00:00.000Z',
      created_at: '2026-03-01T10:00:00.000Z',
      updated_at: '2026-03-10T14:00:00.000Z',
      shortlink: `https://status.acme.example/incidents/${uuid(200)}.html`,
      components: [expect.objectContaining({ id: WEB, status: 'under_maintenance' })],
    });
    expect(maintenance.incident_updates[0]!.affected_components).toEqual([
      { code: WEB, name: 'Web', old_status: 'operational', new_status: 'under_maintenance' },
    ]);
  });

  it('leaves a component an open incident marks worse as the incident says', () => {
    const { web, indicator } = publish('2026-03-10T15:00:00.000Z', {}, { webDegradedByIncident: true });
    expect(web).toBe('degraded_performance');
    // The open incident (SEV2) speaks for the page.
    expect(indicator).toBe('major');
  });
});
