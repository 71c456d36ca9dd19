import { afterEach, describe, expect, it } from 'vitest';
import { metricsOver, periodOf, summarize, type PeriodPreset } from '../../src/process/metrics';
import { incidentAt, updateAt, uuid } from './fixtures';

const min = 60_000;
const at = (day: string, hhmm: string) => `2026-${day}T${hhmm}:00.000Z`;

describe('summarize', () => {
  it.each([
    [[], { count: 0 }],
    [[5], { count: 1, median: 5, p90: 5 }],
    [[4, 1], { count: 2, median: 2.5, p90: 4 }],
    [[3, 1, 2], { count: 3, median: 2, p90: 3 }],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { count: 10, median: 5.5, p90: 9 }],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], { count: 11, median: 60, p90: 100 }],
  ])('%j → %j', (values, summary) => expect(summarize(values)).toEqual(summary));
});

describe('metricsOver', () => {
  const checkout = uuid();
  const search = uuid();
  // Three resolved incidents in March, one in February, one still open.
  const a = incidentAt({
    key: 'INC-1',
    severity: 'SEV1',
    startedAt: at('03-02', '10:00'),
    detectedAt: at('03-02', '10:10'),
    acknowledgedAt: at('03-02', '10:12'),
    status: 'resolved',
    resolvedAt: at('03-02', '11:00'),
  });
  const b = incidentAt({
    key: 'INC-2',
    severity: 'SEV2',
    startedAt: at('03-10', '09:00'),
    detectedAt: at('03-10', '09:02'),
    acknowledgedAt: at('03-10', '09:10'),
    mitigatedAt: at('03-10', '09:20'),
    status: 'resolved',
    resolvedAt: at('03-10', '12:00'),
  });
  // Backdated: declared on the 20th, its start moved back to the 19th, before the period's edge case.
  const c = incidentAt({
    key: 'INC-3',
    severity: 'SEV2',
    createdAt: at('03-20', '08:00'),
    startedAt: at('03-19', '22:00'),
    detectedAt: at('03-20', '08:00'),
    acknowledgedAt: at('03-20', '08:30'),
    status: 'resolved',
    resolvedAt: at('03-20', '10:00'),
  });
  const d = incidentAt({
    key: 'INC-4',
    severity: 'SEV2',
    startedAt: at('02-15', '10:00'),
    detectedAt: at('02-15', '10:00'),
    acknowledgedAt: at('02-15', '10:01'),
    status: 'resolved',
    resolvedAt: at('02-15', '10:30'),
  });
  const e = incidentAt({ key: 'INC-5', severity: 'SEV3', startedAt: at('03-25', '10:00'), detectedAt: at('03-25', '10:05') });
  const updates = [
    updateAt(a, at('03-02', '10:15'), { components: [{ componentId: checkout, name: 'Checkout (old name)', from: 'operational', to: 'major_outage' }] }),
    updateAt(a, at('03-02', '11:00'), { components: [{ componentId: checkout, name: 'Checkout', from: 'major_outage', to: 'operational' }] }),
    updateAt(b, at('03-10', '09:15'), {
      components: [
        { componentId: checkout, name: 'Checkout', from: 'operational', to: 'partial_outage' },
        { componentId: search, name: 'Search', from: 'operational', to: 'operational' },
      ],
    }),
    updateAt(c, at('03-20', '08:40'), { components: [{ componentId: search, name: 'Search', from: 'operational', to: 'degraded_performance' }] }),
  ];
  const march = { from: at('03-01', '00:00'), to: at('04-01', '00:00') };
  const metrics = metricsOver({ incidents: [d, a, e, c, b], updates, period: march, componentNames: new Map([[checkout, 'Checkout']]) });

  it('lists the incidents that started in the period, newest first', () => {
    expect(metrics.incidents.map((t) => t.incident.key)).toEqual(['INC-5', 'INC-3', 'INC-2', 'INC-1']);
  });

  it('sums up each measure over every incident that has it', () => {
    // Resolve: 60, 180, 720 (INC-3 from its backdated start) minutes; INC-5 is open.
    expect(metrics.overall.resolve).toEqual({ count: 3, median: 180 * min, p90: 720 * min });
    // Detect: 10, 2, 600, 5 minutes.
    expect(metrics.overall.detect).toEqual({ count: 4, median: 7.5 * min, p90: 600 * min });
  });

  it('by severity', () => {
    expect(metrics.bySeverity.SEV1.resolve).toEqual({ count: 1, median: 60 * min, p90: 60 * min });
    expect(metrics.bySeverity.SEV2.acknowledge).toEqual({ count: 2, median: 19 * min, p90: 30 * min });
    expect(metrics.bySeverity.SEV3.resolve).toEqual({ count: 0 });
    expect(metrics.bySeverity.SEV4.detect).toEqual({ count: 0 });
  });

  it('by component: those an update took out of operational, named as the registry names them now', () => {
    expect(metrics.byComponent.map((c) => [c.name, c.summaries.resolve.count])).toEqual([
      ['Checkout', 2],
      ['Search', 1],
    ]);
    expect(metrics.byComponent[0]!.summaries.mitigate).toEqual({ count: 2, median: 40 * min, p90: 60 * min });
  });

  it('an incident backdated out of the period leaves it', () => {
    const fromThe20th = metricsOver({ incidents: [c], updates, period: { from: at('03-20', '00:00'), to: at('04-01', '00:00') } });
    expect(fromThe20th.incidents).toEqual([]);
  });
});

describe('periodOf follows the local calendar across DST', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  it.each<[string, PeriodPreset, string, { from?: string; to: string }]>([
    // Berlin moves to summer time on 29 March 2026: the month starts at +01:00, April at +02:00.
    ['Europe/Berlin', 'this-month', '2026-03-30T12:00:00.000Z', { from: '2026-02-28T23:00:00.000Z', to: '2026-03-30T12:00:00.000Z' }],
    ['Europe/Berlin', 'last-month', '2026-04-05T12:00:00.000Z', { from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z' }],
    // Today and the six days before, from local midnight: the 23-hour day is counted whole.
    ['Europe/Berlin', 'last-7-days', '2026-04-02T08:00:00.000Z', { from: '2026-03-26T23:00:00.000Z', to: '2026-04-02T08:00:00.000Z' }],
    ['America/New_York', 'last-7-days', '2026-03-10T15:00:00.000Z', { from: '2026-03-04T05:00:00.000Z', to: '2026-03-10T15:00:00.000Z' }],
    ['UTC', 'this-year', '2026-06-01T00:00:00.000Z', { from: '2026-01-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' }],
    ['Europe/Berlin', 'all', '2026-06-01T00:00:00.000Z', { to: '2026-06-01T00:00:00.000Z' }],
  ])('%s %s at %s', (zone, preset, now, period) => {
    process.env.TZ = zone;
    expect(periodOf(preset, new Date(now))).toEqual(period);
  });

  it('an incident just after local midnight on the first is in the month, in Berlin', () => {
    process.env.TZ = 'Europe/Berlin';
    const early = incidentAt({ startedAt: '2026-02-28T23:30:00.000Z' });
    const period = periodOf('this-month', new Date('2026-03-15T12:00:00.000Z'));
    expect(metricsOver({ incidents: [early], updates: [], period }).incidents).toHaveLength(1);
    process.env.TZ = 'UTC';
    expect(metricsOver({ incidents: [early], updates: [], period: periodOf('this-month', new Date('2026-03-15T12:00:00.000Z')) }).incidents).toHaveLength(0);
  });
});
