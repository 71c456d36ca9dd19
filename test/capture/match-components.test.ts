import { describe, expect, it } from 'vitest';
import { matchComponents, matchesGlob, matchesPrefix } from '../../src/capture/match-components';
import { COMPONENT_DEFAULTS, type Component } from '../../src/model';

function component(name: string, dashboardPatterns: string[]): Component {
  return { ...COMPONENT_DEFAULTS, id: crypto.randomUUID(), name, owner: 'Team', dashboardPatterns, updatedAt: '2026-11-28T09:00:00.000Z' };
}

const payments = component('Payments', ['https://grafana.example.com/d/abc123']);
const search = component('Search', ['*/d/search-*', 'https://kibana.example.com/app/dashboards#/view/5f1e0c30-search']);
const edge = component('Edge', ['https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=Edge']);
const everyGrafana = component('Observability', ['https://grafana.example.com/*']);
const all = [payments, search, edge, everyGrafana];

describe('matchComponents', () => {
  it.each([
    [
      'a pasted dashboard address, now with a time range and a panel',
      'https://grafana.example.com/d/abc123/checkout?orgId=1&from=now-1h&to=now&viewPanel=4',
      ['Payments', 'Observability'],
    ],
    ['the dashboard address exactly', 'https://grafana.example.com/d/abc123', ['Payments', 'Observability']],
    ['prefixes ignore letter case', 'HTTPS://GRAFANA.EXAMPLE.COM/d/ABC123/Checkout', ['Payments', 'Observability']],
    ['another dashboard whose uid starts the same', 'https://grafana.example.com/d/abc1234/other', ['Observability']],
    ['a look-alike host', 'https://grafana.example.com.evil.test/d/abc123', []],
    ['`*` on both sides, any host', 'https://grafana.internal:3000/grafana/d/search-latency/search?from=now-6h', ['Search']],
    ['`*` patterns are anchored: the middle must be there', 'https://grafana.example.com/d/searchlatency', ['Observability']],
    ['a Kibana dashboard named in the fragment', 'https://kibana.example.com/app/dashboards#/view/5f1e0c30-search?_g=(time:(from:now-15m,to:now))', ['Search']],
    ['a CloudWatch dashboard, range after a ;', 'https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=Edge;start=PT3H', ['Edge']],
    ['a CloudWatch dashboard with a longer name', 'https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=EdgeCache', []],
    ['a page no pattern names', 'https://example.com/', []],
    ['a browser page', 'chrome://extensions/', []],
  ])('%s', (_name, url, names) => {
    expect(
      matchComponents(url, all)
        .map((c) => c.name)
        .sort(),
    ).toEqual([...names].sort());
  });

  it('matches nothing with no components, and keeps the registry order', () => {
    expect(matchComponents('https://grafana.example.com/d/abc123', [])).toEqual([]);
    expect(matchComponents('https://grafana.example.com/d/abc123', [everyGrafana, payments])).toEqual([everyGrafana, payments]);
  });
});

describe('matchesPrefix', () => {
  it.each([
    ['https://grafana.example.com/d/', 'https://grafana.example.com/d/anything', true],
    ['https://grafana.example.com/d/payments-', 'https://grafana.example.com/d/payments-eu', false],
    ['https://grafana.example.com/d/payments', 'https://grafana.example.com/d/payments?orgId=1', true],
    ['https://grafana.example.com/d/payments', 'https://grafana.example.com/d/payments#panel', true],
    ['https://grafana.example.com/d/payments', 'https://grafana.example.com/d/payments.v2', false],
    ['https://prometheus.example.com/graph?g0.expr=', 'https://prometheus.example.com/graph?g0.expr=up', true],
    ['https://grafana.example.com/d/payments/overview', 'https://grafana.example.com/d/payments', false],
  ])('%s vs %s → %s', (prefix, url, expected) => {
    expect(matchesPrefix(url, prefix)).toBe(expected);
  });
});

describe('matchesGlob', () => {
  it.each([
    ['https://grafana.example.com/d/abc123/*', 'https://grafana.example.com/d/abc123/checkout?from=now-1h', true],
    // Regex characters in a URL are literal: `.` is a dot, `?` a question mark, `+` a plus.
    ['https://grafana.example.com/d/a.c?x=1+2*', 'https://grafana.example.com/d/abc?x=1+2&y', false],
    ['https://grafana.example.com/d/a.c?x=1+2*', 'https://grafana.example.com/d/a.c?x=1+2&y', true],
    ['*(prod)*', 'https://logs.example.com/q=(prod)', true],
    ['*', 'anything at all', true],
    ['*/d/*/payments', 'https://g.example.com/d/x/payments', true],
    ['*/d/*/payments', 'https://g.example.com/d/x/payments-eu', false],
    ['HTTPS://G.EXAMPLE.COM/*', 'https://g.example.com/d/x', true],
  ])('%s vs %s → %s', (pattern, url, expected) => {
    expect(matchesGlob(url, pattern)).toBe(expected);
  });

  it('stays linear on a pattern full of stars against a long URL that does not match', () => {
    const url = `https://g.example.com/${'a'.repeat(5000)}`;
    const pattern = `${'*a'.repeat(40)}*b`;
    // A backtracking RegExp of the same pattern would not finish; this returns at once.
    expect(matchesGlob(url, pattern)).toBe(false);
  });
});
