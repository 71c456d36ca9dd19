import { describe, expect, it } from 'vitest';
import type { Clip } from '../../src/model';
import { buildTimelineMarkdown } from '../../src/report/timeline-markdown';
import { makeEntry, makeIncident } from './records';

const URL_ = 'https://grafana.example.com/d/pay-01/payments?from=1796038679783&to=1796042279783';

function clip(over: Partial<Clip> = {}): Clip {
  return {
    tool: 'grafana',
    pageUrl: URL_,
    pageTitle: 'Payments - Grafana',
    frozenUrl: URL_,
    componentIds: [],
    range: { from: '2026-11-28T10:13:00.000Z', to: '2026-11-28T11:13:00.000Z', relative: true },
    ...over,
  };
}

function linkLine(c: Clip | undefined, timeZone: string): string {
  const incident = makeIncident({ startedAt: '2026-11-28T10:00:00.000Z' });
  const entry = makeEntry({ at: '2026-11-28T11:13:30.000Z', kind: 'clip', text: 'Spike', sourceUrl: URL_, ...(c && { clip: c }) });
  return buildTimelineMarkdown(incident, [entry], { timeZone, now: new Date('2026-11-28T12:00:00.000Z') })
    .split('\n')
    .find((l) => l.includes('Spike'))!;
}

describe("a clip's Markdown link is named by its panel and window", () => {
  it.each<[string, Clip | undefined, string, string]>([
    ['panel title and window, UTC', clip({ panelTitle: '5xx rate by route' }), 'UTC', '[5xx rate by route · 10:13–11:13 UTC]'],
    ['the panel the URL names', clip({ panel: '7' }), 'UTC', '[panel 7 · 10:13–11:13 UTC]'],
    ['the dashboard when no panel', clip({ dashboardTitle: 'Payments overview' }), 'UTC', '[Payments overview · 10:13–11:13 UTC]'],
    ['Berlin local time', clip({ panelTitle: '5xx rate by route' }), 'Europe/Berlin', '[5xx rate by route · 11:13–12:13 CET]'],
    ['page words cannot make a link', clip({ panelTitle: 'a](https://evil.example) [b' }), 'UTC', '[a\\](https://evil.example) \\[b · 10:13–11:13 UTC]'],
    ['no clip: the host, as before', undefined, 'UTC', '[grafana.example.com]'],
  ])('%s', (_name, c, zone, text) => {
    const line = linkLine(c, zone);
    expect(line).toContain(`(${text}(<${URL_}>))`);
  });

  it('a window across a DST change says both days and zones (New York, 1 Nov 2026)', () => {
    const c = clip({ panelTitle: 'Latency', range: { from: '2026-11-01T05:30:00.000Z', to: '2026-11-01T06:30:00.000Z', relative: false } });
    expect(linkLine(c, 'America/New_York')).toContain('[Latency · 2026-11-01 01:30 EDT – 2026-11-01 01:30 EST]');
  });
});
