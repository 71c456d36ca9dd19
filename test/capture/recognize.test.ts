import { describe, expect, it } from 'vitest';
import { ClipTool } from '../../src/model';
import { RECOGNIZERS, recognize } from '../../src/capture/recognize.ts';

const NOW = new Date('2026-11-28T09:10:00.000Z');

describe('recognize', () => {
  // One URL per tool, to check the dispatcher sends each to its recognizer and that no earlier
  // recognizer claims it. Sources are cited in each tool's own test table.
  it.each([
    ['https://ops.example.com/monitoring/grafana/d/abc/payments?from=now-1h', 'grafana'],
    ['https://play.grafana.org/d/000000012/grafana-play-home?viewPanel=2&orgId=1&from=now-6h&to=now', 'grafana'],
    [
      'https://grafana.example.com/explore?orgId=1&left=%7B%22datasource%22%3A%22Local%22%2C%22queries%22%3A%5B%7B%22expr%22%3A%22metric%22%7D%5D%7D',
      'grafana-explore',
    ],
    ['http://localhost:9090/graph?g0.expr=up&g0.tab=0&g0.range_input=1h', 'prometheus'],
    ['https://prometheus.example.com/query?g0.expr=up&g0.tab=graph', 'prometheus'],
    ['http://alertmanager/#/alerts?filter=%7Bseverity%3D%22warning%22%7D', 'alertmanager'],
    ["http://localhost:5601/app/discover#/?_g=(time:(from:now-15m,to:now))&_a=(query:(language:kuery,query:''))", 'kibana'],
    ["https://search.example.com/_dashboards/app/data-explorer/discover#?_g=(time:(from:now-15m,to:now))&_q=(query:(language:kuery,query:''))", 'opensearch'],
    [
      'https://app.datadoghq.com/dashboard/4vk-yhn-iju/obsevability-ops?fromUser=false&refresh_mode=sliding&from_ts=1762247296394&to_ts=1762333696394&live=true',
      'datadog',
    ],
    ['https://sms.sentry.io/issues/?project=4505904603660288&statsPeriod=14d', 'sentry'],
    [
      'http://localhost:16686/search?end=1704133081894000&limit=20&lookback=1h&maxDuration&minDuration&service=perfect-group-allocation&start=1704129481894000',
      'jaeger',
    ],
    [
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Flambda$252Flog-test/log-events$3FfilterPattern$3DENGINE_42$26start$3D-3600000',
      'cloudwatch',
    ],
    ['https://console.cloud.google.com/logs/query;query=severity%3E%3DERROR;timeRange=PT1H?project=acme', 'gcp-logging'],
    ['https://ui.honeycomb.io/acme/environments/prod/datasets/api?query=%7B%22time_range%22%3A300%7D', 'honeycomb'],
    ['https://example.com/blog/post?from=now-1h', 'generic'],
    ['https://docs.google.com/document/d/1a2b3c4d5e/edit', 'generic'],
  ])('%s is %s', (url, tool) => {
    expect(recognize(url, NOW).tool).toBe(tool);
  });

  it('returns the full recognition for a dashboard URL', () => {
    expect(recognize('https://ops.example.com/monitoring/grafana/d/abc/payments?from=now-1h&to=now&viewPanel=3', NOW)).toEqual({
      tool: 'grafana',
      range: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panel: '3',
      frozenUrl: 'https://ops.example.com/monitoring/grafana/d/abc/payments?from=1795853400000&to=1795857000000&viewPanel=3',
    });
  });

  it.each([
    '',
    'not a url',
    '/relative/path?from=now-1h',
    'grafana.example.com/d/abc/x?from=now-1h',
    'http://',
    'chrome://extensions',
    'about:blank',
    'file:///tmp/report.html',
  ])('keeps %j as a generic clip, unchanged', (url) => {
    expect(recognize(url, NOW)).toEqual({ tool: 'generic', frozenUrl: url });
  });

  it('never throws on hostile input', () => {
    const nasty = [
      'https://grafana.example.com/d/abc/x?from=now-99999999999y&to=now',
      'https://grafana.example.com/explore?panes=%7B%22a%22%3A%7B%22range%22%3A%7B%22from%22%3A%7B%7D%7D%7D%7D',
      "https://kibana.example.com/app/discover#/?_g=(time:(from:'",
      'https://kibana.example.com/app/discover#/?_g=%E0%A4%A',
      'https://p.example.com/graph?g0.expr=up&g0.end_input=9999999-99-99&g0.range_input=99999999999999999999y',
      `https://grafana.example.com/d/abc/x?from=${'9'.repeat(400)}&to=now`,
    ];
    for (const url of nasty) expect(() => recognize(url, NOW)).not.toThrow();
  });

  it('defaults `now` to the current time', () => {
    const before = Date.now();
    const range = recognize('https://grafana.example.com/d/abc/x?from=now-1h&to=now').range;
    expect(Date.parse(range?.to ?? '')).toBeGreaterThanOrEqual(before);
    expect(Date.parse(range?.to ?? '')).toBeLessThanOrEqual(Date.now());
  });

  it('refuses an invalid `now`', () => {
    expect(() => recognize('https://grafana.example.com/d/abc/x?from=now-1h', new Date(Number.NaN))).toThrow('`now` is an invalid Date');
  });

  it('has one recognizer for every tool the model names but generic', () => {
    expect(RECOGNIZERS).toHaveLength(ClipTool.options.length - 1);
  });
});

describe('each recognizer on hostile input', () => {
  it.each([
    'https://grafana.example.com/d/abc/x?from=now-99999999999y&to=now',
    'https://grafana.example.com/explore?left=%5B%22now-99999999999y%22%2C%22now%22%2C%22x%22%5D',
    'https://p.example.com/graph?g0.expr=up&g0.tab=0&g0.range_input=99999999999999999999y',
    'https://kibana.example.com/app/discover#/?_g=(time:(from:now-99999999999y,to:now))',
    "https://kibana.example.com/app/discover#/?_g=(time:(from:'",
  ])('answers %s without a range instead of throwing', (url) => {
    const answers = RECOGNIZERS.map((recognizer) => recognizer(new URL(url), NOW)).filter((found) => found !== undefined);
    // Each URL is some tool's shape: a test no recognizer answers would check nothing.
    expect(answers.length).toBeGreaterThan(0);
    for (const found of answers) expect(found.range).toBeUndefined();
  });
});
