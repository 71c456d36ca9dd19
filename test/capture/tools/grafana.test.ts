import { describe, expect, it } from 'vitest';
import { recognizeGrafana } from '../../../src/capture/tools/grafana.ts';
import { expectNotRecognized, expectRecognized } from './expect-recognized.ts';

// Saturday 28 November 2026, 09:10 UTC (10:10 in Berlin, 04:10 in New York).
const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2030-01-01T00:00:00Z');
const ms = (iso: string) => String(Date.parse(iso));

describe('recognizeGrafana', () => {
  it.each([
    {
      // Grafana docs, "Global variables › $__from and $__to": the play.grafana.org example link
      // (the docs print it with a stray second `?`; this is the URL Grafana itself writes).
      url: 'https://play.grafana.org/d/000000012/grafana-play-home?viewPanel=2&orgId=1&from=now-6h&to=now',
      range: { from: '2026-11-28T03:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panel: '2',
    },
    {
      // Grafana TimeSrv.test.ts "should handle relative times".
      url: 'https://grafana.example.com/d/id?from=now-2d&to=now',
      range: { from: '2026-11-26T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
    {
      // Grafana TimeSrv.test.ts "should handle epochs".
      url: 'https://grafana.example.com/d/id?from=1410337646373&to=1410337665699',
      range: { from: '2014-09-10T08:27:26.373Z', to: '2014-09-10T08:27:45.699Z', relative: false },
    },
    {
      // Grafana TimeSrv.test.ts "should handle formatted dates" (compact UTC form).
      url: 'https://grafana.example.com/d/id?from=20140410T052010&to=20140520T031022',
      range: { from: '2014-04-10T05:20:10.000Z', to: '2014-05-20T03:10:22.000Z', relative: false },
    },
    {
      // Grafana TimeSrv.test.ts "should handle formatted dates without time".
      url: 'https://grafana.example.com/d/id?from=20140410&to=20140520',
      range: { from: '2014-04-10T00:00:00.000Z', to: '2014-05-20T00:00:00.000Z', relative: false },
    },
    {
      // Grafana TimeSrv.test.ts "should handle epochs that look like formatted date without time".
      url: 'https://grafana.example.com/d/id?from=20149999&to=20159999',
      range: { from: '1970-01-01T05:35:49.999Z', to: '1970-01-01T05:35:59.999Z', relative: false },
    },
    {
      // Grafana TimeSrv.test.ts "handles time window specfied as interval string".
      url: 'https://grafana.example.com/d/id?time=1410337645000&time.window=10s',
      range: { from: '2014-09-10T08:27:20.000Z', to: '2014-09-10T08:27:30.000Z', relative: false },
    },
    {
      // Grafana docs, "Control the time range using a URL": `?time=1500000000000&time.window=10000`
      // is 1499999995000 to 1500000005000.
      url: 'https://grafana.example.com/d/abc/payments?orgId=1&time=1500000000000&time.window=10000',
      range: { from: '2017-07-14T02:39:55.000Z', to: '2017-07-14T02:40:05.000Z', relative: false },
    },
    {
      // Grafana TimeSrv.test.ts "corrects inverted from/to dates in ms".
      url: 'https://grafana.example.com/d/id?from=1621436828909&to=1621436818909',
      range: { from: '2021-05-19T15:06:58.909Z', to: '2021-05-19T15:07:08.909Z', relative: false },
    },
    {
      // Grafana TimeSrv.test.ts "corrects inverted from/to dates as relative times".
      url: 'https://grafana.example.com/d/id?from=now&to=now-1h',
      range: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
    {
      // The same day three ways, from the examples README in a Grafana docs fork
      // (dancer1325/grafana docs/sources/dashboards/build-dashboards/manage-dashboard-links/examples).
      url: 'https://play.grafana.org/d/000000016/time-series-graphs?orgId=1&from=1760047200000&to=1760133599000&timezone=browser',
      range: { from: '2025-10-09T22:00:00.000Z', to: '2025-10-10T21:59:59.000Z', relative: false },
    },
    {
      url: 'https://play.grafana.org/d/000000016/time-series-graphs?orgId=1&from=2025-10-09T22:00:00.000Z&to=2025-10-10T21:59:59.000Z&timezone=browser',
      range: { from: '2025-10-09T22:00:00.000Z', to: '2025-10-10T21:59:59.000Z', relative: false },
    },
    {
      url: 'https://play.grafana.org/d/000000016/time-series-graphs?orgId=1&time=1760090399500&time.window=86399000',
      range: { from: '2025-10-09T22:00:00.000Z', to: '2025-10-10T21:59:59.000Z', relative: false },
    },
    {
      // Grafana docs, "Time range controls": "Yesterday" is now-1d/d to now-1d/d; no `timezone`
      // means UTC here.
      url: 'https://grafana.example.com/d/abc/payments?orgId=1&from=now-1d%2Fd&to=now-1d%2Fd',
      range: { from: '2026-11-27T00:00:00.000Z', to: '2026-11-27T23:59:59.999Z', relative: true },
    },
    {
      // "The day so far" (now/d to now) in the dashboard's zone: Berlin midnight is 23:00 UTC.
      url: 'https://grafana.example.com/d/abc/payments?orgId=1&from=now%2Fd&to=now&timezone=Europe%2FBerlin',
      range: { from: '2026-11-27T23:00:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
    {
      // "This week" (now/w to now/w): weeks start on Sunday, Grafana's default `en` locale.
      url: 'https://grafana.example.com/d/abc/payments?from=now%2Fw&to=now%2Fw&timezone=utc',
      range: { from: '2026-11-22T00:00:00.000Z', to: '2026-11-28T23:59:59.999Z', relative: true },
    },
    {
      // "Previous month" (now-1M/M to now-1M/M) in New York: October ends at midnight EDT, UTC-4.
      url: 'https://grafana.example.com/d/abc/payments?from=now-1M%2FM&to=now-1M%2FM&timezone=America%2FNew_York',
      range: { from: '2026-10-01T04:00:00.000Z', to: '2026-11-01T03:59:59.999Z', relative: true },
    },
    {
      // The example: self-hosted under a sub-path, no "grafana" host; `to` absent means now.
      url: 'https://ops.example.com/monitoring/grafana/d/abc/payments?from=now-1h',
      range: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
    {
      // An unknown zone is ignored rather than trusted; Grafana falls back the same way.
      url: 'https://metrics.example.com/d/abc/payments?from=now%2Fd&to=now%2Fd&timezone=Mars%2FOlympus',
      range: { from: '2026-11-28T00:00:00.000Z', to: '2026-11-28T23:59:59.999Z', relative: true },
    },
  ])('resolves $url', ({ url, range, panel }) => {
    // Reopening the frozen link shows the same window, whenever it is reopened.
    const found = expectRecognized(recognizeGrafana, url, { tool: 'grafana', range, panel }, { now: NOW, later: LATER });
    const frozen = new URL(found.frozenUrl);
    expect(frozen.searchParams.get('from')).toBe(ms(range.from));
    expect(frozen.searchParams.get('to')).toBe(ms(range.to));
    expect(frozen.searchParams.has('time')).toBe(false);
    expect(frozen.searchParams.has('time.window')).toBe(false);
  });

  it('keeps every other parameter byte for byte and in order', () => {
    const url = 'https://grafana.example.com/d/abc/payments?orgId=1&var-env=prod&var-svc=a%20b&from=now-6h&to=now&refresh=30s#top';
    expect(recognizeGrafana(new URL(url), NOW)?.frozenUrl).toBe(
      `https://grafana.example.com/d/abc/payments?orgId=1&var-env=prod&var-svc=a%20b&from=${ms('2026-11-28T03:10:00.000Z')}&to=${ms('2026-11-28T09:10:00.000Z')}&refresh=30s#top`,
    );
  });

  it.each([
    // Grafana docs, panel links: `viewPanel`, `editPanel`; solo panels name theirs with `panelId`.
    { url: 'https://grafana.example.com/d/abc/payments?orgId=1&editPanel=3&from=now-1h&to=now', panel: '3' },
    // Grafana 11 (scenes) writes panel keys.
    { url: 'https://grafana.example.com/d/abc/payments?orgId=1&viewPanel=panel-5', panel: 'panel-5' },
    { url: 'https://grafana.example.com/d-solo/abc/payments?orgId=1&panelId=4&from=now-1h&to=now', panel: '4' },
    { url: 'https://grafana.example.com/d/abc/payments?orgId=1&panelId=4', panel: undefined },
  ])('reads the panel of $url', ({ url, panel }) => {
    expect(recognizeGrafana(new URL(url), NOW)?.panel).toBe(panel);
  });

  it.each([
    'https://grafana.example.com/d/abc/payments',
    'https://ops.example.com/d/abc/payments?orgId=1',
    'https://grafana.example.com/dashboard/snapshot/Kx3fZ2?orgId=1',
    'https://grafana.example.com/public-dashboards/8f1e1a6c2b2e4a2f9d0c5b7a3e6d4c21',
    // Grafana TimeSrv.test.ts "should handle bad dates": the dashboard keeps its own range.
    'https://grafana.example.com/d/id?from=20151126T00010%3C%2Fp%3E%3Cspan%20class&to=now',
  ])('recognizes %s without a range and leaves it as it is', (url) => {
    const found = recognizeGrafana(new URL(url), NOW);
    expect(found).toEqual({ tool: 'grafana', frozenUrl: new URL(url).href });
  });

  it('reads the range of app plugins such as Logs Drilldown', () => {
    const url = 'https://grafana.example.com/a/grafana-lokiexplore-app/explore?from=now-15m&to=now&var-ds=loki';
    expect(recognizeGrafana(new URL(url), NOW)?.range).toEqual({
      from: '2026-11-28T08:55:00.000Z',
      to: '2026-11-28T09:10:00.000Z',
      relative: true,
    });
  });

  it.each([
    // Same `/d/<id>/` path, not Grafana: nothing Grafana puts in a URL is there.
    'https://docs.google.com/document/d/1a2b3c4d5e/edit',
    'https://example.com/d/abc/payments/extra/segments?from=now-1h',
    'https://grafana.example.com/dashboards',
    'https://example.com/a/grafana-lokiexplore-app/explore',
  ])('leaves %s to other recognizers', (url) => {
    expectNotRecognized(recognizeGrafana, url, NOW);
  });
});
