import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, selectPublic } from '../../../src/feed/build';
import { componentHistories, historyWindow, uptimePercent, type ComponentHistory } from '../../../src/feed/build/component-history';
import type { IncidentLog } from '../../../src/feed/build/select-public';
import type { ComponentStatus, StatusUpdate } from '../../../src/model';
import { fileBody, makeComponent, makeIncident, makeMaintenance, makeUpdate, NOW, SITE, uuid } from './site-fixtures';

// Bars are UTC days whatever the zone the page is built or read in: this file runs in New York,
// across the March DST change, to prove it.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const API = uuid(1);
const WINDOW = historyWindow(NOW, 90); // 2025-12-11T00:00Z … 2026-03-10T15:00Z
const WINDOW_MS = WINDOW.end - WINDOW.start;
const HOUR = 3_600_000;

/** An incident that set API to `status` at `from` and resolved at `to` (still open when undefined). */
interface Span {
  n: number;
  from: string;
  to?: string;
  status: ComponentStatus;
}

function logOf(spans: Span[], maintenances: IncidentLog['maintenances'] = []): IncidentLog {
  const updates: StatusUpdate[] = [];
  for (const s of spans) {
    updates.push(makeUpdate(uuid(s.n), { at: s.from, components: [{ componentId: API, name: 'API', from: 'operational', to: s.status }] }));
    if (s.to)
      updates.push(makeUpdate(uuid(s.n), { at: s.to, status: 'resolved', components: [{ componentId: API, name: 'API', from: s.status, to: 'operational' }] }));
  }
  return {
    components: [
      makeComponent(1, { name: 'API', status: spans.some((s) => !s.to) ? spans.find((s) => !s.to)!.status : 'operational' }),
      makeComponent(2, { name: 'Web' }),
    ],
    incidents: spans.map((s) => makeIncident(s.n, { publicTitle: `Incident ${s.n}`, startedAt: s.from })),
    updates,
    maintenances,
  };
}

function historyOf(log: IncidentLog): Map<string, ComponentHistory> {
  const { state } = buildSite(selectPublic(log, SITE, NOW));
  const current = new Map(state.components.filter((c) => !c.group).map((c) => [c.id, c.status]));
  return componentHistories(current, state.incidents, state.scheduled_maintenances, WINDOW);
}

/** The days that are not plain operational, as `day status [event names]`. */
const marked = (h: ComponentHistory) =>
  h.bars.filter((b) => b.status !== 'operational' || b.events.length).map((b) => `${b.day} ${b.status} [${b.events.map((e) => e.name).join(', ')}]`);

describe('component history: daily bars and uptime', () => {
  it('runs in a zone with DST, where UTC and local days differ', () => {
    expect(new Date('2026-03-08T04:30:00.000Z').getDate()).toBe(7);
    expect(new Date('2026-03-08T06:30:00.000Z').getTimezoneOffset()).toBe(300); // EST
    expect(new Date('2026-03-08T08:00:00.000Z').getTimezoneOffset()).toBe(240); // EDT
  });

  it('shows one bar per UTC day, oldest first, today last', () => {
    const api = historyOf(logOf([])).get(API)!;
    expect(api.bars).toHaveLength(90);
    expect(api.bars[0]!.day).toBe('2025-12-11');
    expect(api.bars[89]!.day).toBe('2026-03-10');
    expect(marked(api)).toEqual([]);
    expect(api.uptime).toBe(1);
  });

  it.each<[string, Span[], string[], number]>([
    [
      'a one-hour major outage: full downtime',
      [{ n: 100, from: '2026-03-05T10:00:00.000Z', to: '2026-03-05T11:00:00.000Z', status: 'major_outage' }],
      ['2026-03-05 major_outage [Incident 100]'],
      1 * HOUR,
    ],
    [
      'a two-hour partial outage: 30 % downtime',
      [{ n: 100, from: '2026-03-05T10:00:00.000Z', to: '2026-03-05T12:00:00.000Z', status: 'partial_outage' }],
      ['2026-03-05 partial_outage [Incident 100]'],
      0.3 * 2 * HOUR,
    ],
    [
      'degraded performance: up',
      [{ n: 100, from: '2026-03-05T10:00:00.000Z', to: '2026-03-05T15:00:00.000Z', status: 'degraded_performance' }],
      ['2026-03-05 degraded_performance [Incident 100]'],
      0,
    ],
    [
      'a partial outage overlapping a major one counts once, at the heavier weight',
      [
        { n: 100, from: '2026-03-05T10:00:00.000Z', to: '2026-03-05T11:00:00.000Z', status: 'major_outage' },
        { n: 101, from: '2026-03-05T10:30:00.000Z', to: '2026-03-05T12:00:00.000Z', status: 'partial_outage' },
      ],
      ['2026-03-05 major_outage [Incident 100, Incident 101]'],
      1 * HOUR + 0.3 * 1 * HOUR,
    ],
    [
      'an outage over midnight UTC marks both days',
      [{ n: 100, from: '2026-03-05T23:00:00.000Z', to: '2026-03-06T01:00:00.000Z', status: 'major_outage' }],
      ['2026-03-05 major_outage [Incident 100]', '2026-03-06 major_outage [Incident 100]'],
      2 * HOUR,
    ],
    [
      'an open incident lasts until now',
      [{ n: 100, from: '2026-03-09T22:00:00.000Z', status: 'major_outage' }],
      ['2026-03-09 major_outage [Incident 100]', '2026-03-10 major_outage [Incident 100]'],
      17 * HOUR,
    ],
    [
      // 23:30 EST on 7 March to 01:30 EST on 8 March, hours before New York moves to EDT: two local days, one UTC day.
      'an outage across the New York DST night falls on its UTC day',
      [{ n: 100, from: '2026-03-08T04:30:00.000Z', to: '2026-03-08T06:30:00.000Z', status: 'major_outage' }],
      ['2026-03-08 major_outage [Incident 100]'],
      2 * HOUR,
    ],
    [
      'an incident that ended before the window leaves no trace',
      [{ n: 100, from: '2025-11-01T10:00:00.000Z', to: '2025-11-01T11:00:00.000Z', status: 'major_outage' }],
      [],
      0,
    ],
    [
      'one that began before the window counts from its start',
      [{ n: 100, from: '2025-12-10T22:00:00.000Z', to: '2025-12-11T02:00:00.000Z', status: 'major_outage' }],
      ['2025-12-11 major_outage [Incident 100]'],
      2 * HOUR,
    ],
    [
      'a status set and cleared at once still marks its day',
      [{ n: 100, from: '2026-03-05T10:00:00.000Z', to: '2026-03-05T10:00:00.000Z', status: 'major_outage' }],
      ['2026-03-05 major_outage [Incident 100]'],
      0,
    ],
  ])('%s', (_label, spans, days, downtime) => {
    const api = historyOf(logOf(spans)).get(API)!;
    expect(marked(api)).toEqual(days);
    expect(api.uptime).toBeCloseTo(1 - downtime / WINDOW_MS, 12);
    // The other component saw none of it.
    expect(marked(historyOf(logOf(spans)).get(uuid(2))!)).toEqual([]);
  });

  it('follows each change of one incident: major, then partial, then resolved', () => {
    const log = logOf([]);
    log.incidents = [makeIncident(100, { publicTitle: 'Stepped', startedAt: '2026-03-05T10:00:00.000Z' })];
    const change = (at: string, from: ComponentStatus, to: ComponentStatus, status: StatusUpdate['status'] = 'identified') =>
      makeUpdate(uuid(100), { at, status, components: [{ componentId: API, name: 'API', from, to }] });
    log.updates = [
      change('2026-03-05T10:00:00.000Z', 'operational', 'major_outage'),
      change('2026-03-05T11:00:00.000Z', 'major_outage', 'partial_outage'),
      makeUpdate(uuid(100), { at: '2026-03-05T13:00:00.000Z', status: 'resolved' }),
    ];
    const api = historyOf(log).get(API)!;
    expect(marked(api)).toEqual(['2026-03-05 major_outage [Stepped]']);
    // 1 h major + 2 h partial (until the resolution, which named no component).
    expect(api.uptime).toBeCloseTo(1 - (1 * HOUR + 0.3 * 2 * HOUR) / WINDOW_MS, 12);
  });

  it("colours a maintenance's days as maintenance and counts it as up", () => {
    const log = logOf(
      [],
      [
        makeMaintenance(200, {
          title: 'API upgrade',
          componentIds: [API],
          scheduledFor: '2026-03-09T22:00:00.000Z',
          scheduledUntil: '2026-03-10T02:00:00.000Z',
        }),
      ],
    );
    const api = historyOf(log).get(API)!;
    expect(marked(api)).toEqual(['2026-03-09 under_maintenance [API upgrade]', '2026-03-10 under_maintenance [API upgrade]']);
    expect(api.uptime).toBe(1);
  });

  it('leaves out a maintenance cancelled before it began', () => {
    const log = logOf(
      [],
      [
        makeMaintenance(200, {
          componentIds: [API],
          scheduledFor: '2026-03-09T22:00:00.000Z',
          scheduledUntil: '2026-03-10T02:00:00.000Z',
          cancelledAt: '2026-03-09T12:00:00.000Z',
        }),
      ],
    );
    expect(marked(historyOf(log).get(API)!)).toEqual([]);
  });

  it.each([
    [1, '100.00 %'],
    [0.9999, '99.99 %'],
    [0.99999, '99.99 %'],
    [0.12345, '12.34 %'],
    [0, '0.00 %'],
  ])('prints uptime %f as %s, rounded down so downtime never shows as 100 %', (uptime, text) => {
    expect(uptimePercent(uptime)).toBe(text);
  });
});

describe('the bars on the status page', () => {
  const log = logOf([{ n: 100, from: '2026-03-08T04:30:00.000Z', to: '2026-03-08T06:30:00.000Z', status: 'major_outage' }]);
  const page = fileBody(buildSite(selectPublic(log, SITE, NOW)).files, 'index.html');
  const bars = (name: string) => {
    const list = page.match(new RegExp(`<ol class="bars" aria-label="${name}: status by UTC day, last 90 days">(.*?)</ol>`))![1]!;
    return list.match(/<li.*?<\/li>/g)!;
  };

  it('has 90 bars per component, the outage on its UTC day, focusable with its incident named', () => {
    const api = bars('API');
    expect(api).toHaveLength(90);
    // 8 March is the 88th day of the window (10 March is the 90th).
    expect(api[87]).toBe('<li class="s4" tabindex="0"><span class="tip">8 Mar 2026: Major outage — Incident 100</span></li>');
    expect(api[86]).toBe('<li class="s0"><span class="tip">7 Mar 2026: No downtime</span></li>');
    expect(api.filter((bar) => bar.includes('tabindex'))).toHaveLength(1);
    expect(bars('Web').every((bar) => bar.startsWith('<li class="s0"><span class="tip">'))).toBe(true);
  });

  it('prints each uptime and says the bars are UTC days', () => {
    expect(page).toContain('<span class="meta">99.90 % uptime</span>');
    expect(page).toContain('<span class="meta">100.00 % uptime</span>');
    expect(page).toContain('One bar per UTC day');
  });
});
