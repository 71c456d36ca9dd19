import { describe, expect, it } from 'vitest';
import { prometheusDurationMs, recognizePrometheus } from '../../../src/capture/tools/prometheus.ts';
import { expectNotRecognized, expectRecognized } from './expect-recognized.ts';

const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2030-01-01T00:00:00Z');

describe('recognizePrometheus', () => {
  it.each([
    {
      // Prometheus web/ui/react-app/src/utils/urlParams.test.ts: the old UI's two panels, a graph
      // ending 2019-10-25 23:37 UTC and a table evaluated now.
      url:
        'http://localhost:9090/graph?g0.expr=rate(node_cpu_seconds_total%7Bmode%3D%22system%22%7D%5B1m%5D)&g0.tab=0&g0.stacked=0' +
        '&g0.range_input=1h&g0.end_input=2019-10-25%2023%3A37&g0.moment_input=2019-10-25%2023%3A37' +
        '&g1.expr=node_filesystem_avail_bytes&g1.tab=1&g1.stacked=0&g1.range_input=1h',
      query: 'rate(node_cpu_seconds_total{mode="system"}[1m])',
      range: { from: '2019-10-25T22:37:00.000Z', to: '2019-10-25T23:37:00.000Z', relative: false },
      frozen: { 'g0.end_input': '2019-10-25 23:37:00', 'g1.moment_input': '2026-11-28 09:10:00' },
    },
    {
      // Prometheus web/ui/mantine-ui/src/pages/query/urlStateEncoding.test.ts, "decodes complex
      // panel with all parameters" (the v3 UI).
      url:
        'https://prometheus.example.com/query?g0.expr=rate(http_requests_total%5B5m%5D)&g0.show_tree=1&g0.tab=graph' +
        '&g0.display_mode=stacked&g0.y_axis_min=0&g0.show_exemplars=1&g0.range_input=1h' +
        '&g0.end_input=2024-01-15%2012%3A30%3A45&g0.res_type=fixed&g0.res_step=15',
      query: 'rate(http_requests_total[5m])',
      range: { from: '2024-01-15T11:30:45.000Z', to: '2024-01-15T12:30:45.000Z', relative: false },
      frozen: { 'g0.end_input': '2024-01-15 12:30:45', 'g0.moment_input': '2024-01-15 12:30:45', 'g0.res_step': '15' },
    },
    {
      // urlStateEncoding.test.ts "decodes range_input parameter": 2h, ending now.
      url: 'https://prometheus.example.com/query?g0.expr=up&g0.tab=graph&g0.range_input=2h',
      query: 'up',
      range: { from: '2026-11-28T07:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      frozen: { 'g0.end_input': '2026-11-28 09:10:00', 'g0.range_input': '2h' },
    },
    {
      // urlStateEncoding.test.ts "decodes moment_input parameter": a table evaluates one instant.
      url: 'https://prometheus.example.com/query?g0.expr=up&g0.moment_input=2024-01-15%2012%3A30%3A45',
      query: 'up',
      range: { from: '2024-01-15T12:30:45.000Z', to: '2024-01-15T12:30:45.000Z', relative: false },
      frozen: { 'g0.moment_input': '2024-01-15 12:30:45' },
    },
    {
      // urlStateEncoding.test.ts "decodes single panel with expr only": table tab, 1h default.
      url: 'https://prometheus.example.com/query?g0.expr=up',
      query: 'up',
      range: { from: '2026-11-28T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      frozen: { 'g0.moment_input': '2026-11-28 09:10:00', 'g0.range_input': '1h' },
    },
    {
      // Thanos Query uses the same UI parameters; here under a sub-path and with a v3-style
      // compound duration (formatPrometheusDuration writes `1h30m`).
      url: 'https://ops.example.com/thanos/graph?g0.expr=sum(up)&g0.tab=0&g0.range_input=1h30m',
      query: 'sum(up)',
      range: { from: '2026-11-28T07:40:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      frozen: { 'g0.range_input': '1h30m' },
    },
  ])('resolves $url', ({ url, query, range, frozen }) => {
    const found = expectRecognized(recognizePrometheus, url, { tool: 'prometheus', range, query }, { now: NOW, later: LATER });
    const frozenUrl = new URL(found.frozenUrl);
    for (const [name, value] of Object.entries(frozen)) expect(frozenUrl.searchParams.get(name)).toBe(value);
  });

  it('freezes "now" to the whole second the frozen URL can hold', () => {
    const found = recognizePrometheus(new URL('https://p.example.com/graph?g0.expr=up&g0.tab=0'), new Date('2026-11-28T09:10:00.789Z'));
    expect(found?.range).toEqual({ from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true });
  });

  it('names a Prometheus page without a query as Prometheus, with nothing to freeze', () => {
    const url = 'https://prometheus.example.com/graph';
    expect(recognizePrometheus(new URL(url), NOW)).toEqual({ tool: 'prometheus', frozenUrl: url });
  });

  it.each(['https://example.com/graph?expr=up', 'https://example.com/query?q=up', 'https://example.com/search?g0=expr'])(
    'leaves %s to other recognizers',
    (url) => {
      expectNotRecognized(recognizePrometheus, url, NOW);
    },
  );
});

describe('prometheusDurationMs', () => {
  // Prometheus web/ui/react-app/src/utils/timeFormat.test.ts parseRange cases, plus v3 compounds.
  it.each([
    ['1y', 31_536_000_000],
    ['1w', 604_800_000],
    ['2d', 172_800_000],
    ['1h', 3_600_000],
    ['7m', 420_000],
    ['63s', 63_000],
    ['1h30m', 5_400_000],
    ['1d2h3m4s5ms', 93_784_005],
  ])('%s is %d ms', (text, expected) => {
    expect(prometheusDurationMs(text)).toBe(expected);
  });

  it.each(['', '1x', 'h', '1.5h'])('rejects %j', (text) => {
    expect(prometheusDurationMs(text)).toBeUndefined();
  });
});
