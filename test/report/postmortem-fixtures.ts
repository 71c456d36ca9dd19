import type { ActionItem, Postmortem, StatusUpdate } from '../../src/model';
import { makeEntry, makeIncident, uuid } from './records';

/** An incident that starts before midnight UTC and ends after it: its timeline spans two days. */
export const overnight = makeIncident({
  title: 'Checkout errors after deploy',
  publicTitle: 'Payments failing',
  impact: 'Card payments failed for EU customers.',
  publicImpact: 'Some payments failed.',
  severity: 'SEV2',
  status: 'resolved',
  startedAt: '2026-11-28T22:50:00.000Z',
  detectedAt: '2026-11-28T22:55:00.000Z',
  acknowledgedAt: '2026-11-28T23:00:00.000Z',
  mitigatedAt: '2026-11-29T00:40:00.000Z',
  resolvedAt: '2026-11-29T01:10:00.000Z',
  manager: 'Ana',
});

export function makePostmortem(overrides: Partial<Postmortem> = {}): Postmortem {
  return {
    incidentId: uuid(1),
    status: 'draft',
    authors: ['Ana', 'Bo'],
    timeline: 'starred',
    sections: {
      summary: '',
      impact: '',
      rootCause: '',
      trigger: '',
      detection: '',
      resolution: '',
      longTermFix: '',
      wentWell: '',
      wentWrong: '',
      lucky: '',
    },
    public: { opening: '', whatHappened: '', whatWeDid: '', closing: '' },
    createdAt: '2026-11-29T09:00:00.000Z',
    updatedAt: '2026-11-29T09:00:00.000Z',
    ...overrides,
  };
}

export function makeActionItem(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: uuid(9000),
    incidentId: uuid(1),
    text: 'Add a canary stage to the deploy',
    kind: 'prevention',
    owner: 'Payments team',
    status: 'open',
    createdAt: '2026-11-29T09:10:00.000Z',
    updatedAt: '2026-11-29T09:10:00.000Z',
    ...overrides,
  };
}

export function makeUpdate(n: number, at: string, components: StatusUpdate['components'], overrides: Partial<StatusUpdate> = {}): StatusUpdate {
  return { id: uuid(7000 + n), incidentId: uuid(1), status: 'identified', body: `Update ${n}`, components, at, author: 'Ana', updatedAt: at, ...overrides };
}

export const API = uuid(500);
export const SEARCH = uuid(501);

/** The overnight incident's timeline: an alert, a screenshot clip, a decision, a code change. */
export function overnightEntries() {
  return [
    makeEntry({
      at: '2026-11-28T22:55:00.000Z',
      kind: 'alert',
      text: 'PagerDuty PT4KHLK: Error rate above 5%',
      starred: true,
      sourceUrl: 'https://acme.pagerduty.com/incidents/PT4KHLK',
    }),
    makeEntry({ at: '2026-11-28T23:05:00.000Z', kind: 'code', text: 'Deploy 4121 of checkout-api', sourceUrl: 'https://github.com/acme/api/pull/412' }),
    makeEntry({
      at: '2026-11-28T23:20:00.000Z',
      kind: 'clip',
      text: '5xx by route',
      starred: true,
      sourceUrl: 'https://grafana.example.com/d/abc?from=now-1h&to=now',
      clip: {
        tool: 'grafana',
        pageUrl: 'https://grafana.example.com/d/abc?from=now-1h&to=now',
        pageTitle: 'Checkout',
        frozenUrl: 'https://grafana.example.com/d/abc?from=1764367200000&to=1764370800000',
        range: { from: '2026-11-28T22:00:00.000Z', to: '2026-11-28T23:00:00.000Z', relative: true },
        panelTitle: '5xx rate by route',
        screenshotId: uuid(800),
        componentIds: [API],
      },
    }),
    makeEntry({ at: '2026-11-29T00:35:00.000Z', kind: 'decision', text: 'Roll back deploy 4121', starred: true }),
    makeEntry({ at: '2026-11-29T00:50:00.000Z', kind: 'note', text: 'Error rate back to baseline' }),
  ];
}

export function overnightUpdates(): StatusUpdate[] {
  return [
    makeUpdate(1, '2026-11-28T23:10:00.000Z', [
      { componentId: API, name: 'Checkout API', from: 'operational', to: 'partial_outage' },
      { componentId: SEARCH, name: 'Search', from: 'operational', to: 'degraded_performance' },
    ]),
    makeUpdate(2, '2026-11-28T23:40:00.000Z', [{ componentId: API, name: 'Checkout API', from: 'partial_outage', to: 'major_outage' }]),
    makeUpdate(3, '2026-11-29T00:45:00.000Z', [{ componentId: API, name: 'Checkout API', from: 'major_outage', to: 'operational' }], {
      status: 'resolved',
      body: 'Payments work again. We are sorry.',
    }),
  ];
}
