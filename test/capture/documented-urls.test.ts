/**
 * Frozen links checked against each tool's documented URL format, not against our own output.
 *
 * Every expected string below was written by hand from the tool's documentation (cited above each
 * table) and the fixed `NOW`; epoch values were worked out once with `date -u -d <iso> +%s`, never by
 * calling the code. Where no documentation of the URL was found, the comment says so and the
 * expectation rests on the tool's documented API parameters or its own share links instead.
 *
 * Nothing here reads the machine's zone: zones are passed explicitly, and the file also runs under
 * America/New_York and Australia/Lord_Howe (vitest.config.ts), where it must give the same answers.
 */
import { describe, expect, it } from 'vitest';
import { recognize, type Recognized } from '../../src/capture/recognize.ts';

// Saturday 28 November 2026, 09:10:00 UTC. New York is UTC−5 that day, Lord Howe UTC+11 (summer time).
const NOW = new Date('2026-11-28T09:10:00.000Z');
// Epoch milliseconds, by hand: `date -u -d 2026-11-28T09:10:00Z +%s` is 1795857000, and so on.
const MS = {
  now: '1795857000000', // 09:10
  minus15m: '1795856100000', // 08:55
  minus30m: '1795855200000', // 08:40
  minus1h: '1795853400000', // 08:10
  minus2h: '1795849800000', // 07:10
  minus6h: '1795835400000', // 03:10
  minus1d: '1795770600000', // 27 Nov 09:10
} as const;
const LATER = new Date('2030-01-01T00:00:00.000Z');

type Range = NonNullable<Recognized['range']>;
const relative = (from: string, to: string): Range => ({ from, to, relative: true });
const absolute = (from: string, to: string): Range => ({ from, to, relative: false });

/** The reading of `url` at `NOW`, asserted to be `tool`'s. */
function read(url: string, tool: Recognized['tool'], zone?: string): Recognized {
  const found = recognize(url, NOW, zone);
  expect(found.tool).toBe(tool);
  return found;
}

/** A frozen link, reopened long after, still shows the same instants. */
function expectStillFrozen(found: Recognized, zone?: string): void {
  const reopened = recognize(found.frozenUrl, LATER, zone);
  expect(reopened.range).toEqual(found.range && { ...found.range, relative: false });
}

/** The decoded value of `name` in a `#route?query` fragment. */
function hashParam(url: string, name: string): string | null {
  const hash = new URL(url).hash;
  return new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get(name);
}

describe('Grafana dashboards', () => {
  // https://grafana.com/docs/grafana/latest/visualizations/dashboards/variables/global-variables/:
  // "$__from and $__to … always interpolated as epoch milliseconds", and the example link
  // "https://play.grafana.org/d/000000012/grafana-play-home?viewPanel=2&orgId=1&from=now-6h&to=now".
  // https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/create-dashboard-url-variables/
  // ("Controlling time range using the URL"): `from`/`to` as epoch ms or relative, and
  // `?time=1500000000000&time.window=10000` for 1499999995000 to 1500000005000.
  // https://docs.aws.amazon.com/grafana/latest/userguide/dashboard-time-range-controls.md: "To display
  // the full period of the unit (such as day…), append /<time unit>".
  it.each([
    {
      url: 'https://play.grafana.org/d/000000012/grafana-play-home?viewPanel=2&orgId=1&from=now-6h&to=now',
      frozen: `https://play.grafana.org/d/000000012/grafana-play-home?viewPanel=2&orgId=1&from=${MS.minus6h}&to=${MS.now}`,
      range: relative('2026-11-28T03:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: `https://grafana.example.com/d/abc123/payments?orgId=1&from=${MS.minus2h}&to=${MS.now}`,
      frozen: `https://grafana.example.com/d/abc123/payments?orgId=1&from=${MS.minus2h}&to=${MS.now}`,
      range: absolute('2026-11-28T07:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: 'https://grafana.example.com/d/abc123/payments?orgId=1&time=1500000000000&time.window=10000',
      frozen: 'https://grafana.example.com/d/abc123/payments?orgId=1&from=1499999995000&to=1500000005000',
      range: absolute('2017-07-14T02:39:55.000Z', '2017-07-14T02:40:05.000Z'),
    },
    {
      // "Today" in the dashboard's zone: Lord Howe's 28 November runs 27 Nov 13:00Z to 28 Nov 12:59:59.999Z
      // (`date -u -d 2026-11-27T13:00:00Z +%s` is 1795784400; the day ends 86 400 000 ms − 1 later).
      url: 'https://grafana.example.com/d/abc123/payments?from=now/d&to=now/d&timezone=Australia/Lord_Howe',
      frozen: 'https://grafana.example.com/d/abc123/payments?from=1795784400000&to=1795870799999&timezone=Australia/Lord_Howe',
      range: relative('2026-11-27T13:00:00.000Z', '2026-11-28T12:59:59.999Z'),
    },
  ])('$url', ({ url, frozen, range }) => {
    const found = read(url, 'grafana');
    expect(found.range).toEqual(range);
    expect(found.frozenUrl).toBe(frozen);
    expectStillFrozen(found);
  });
});

describe('Grafana Explore', () => {
  // No documentation of Explore's `panes` URL state was found (docs corpus, then pages). The
  // expectation rests on Grafana's documented `RawTimeRange` (`from`/`to`: "DateTime | string",
  // https://grafana.com/docs/grafana/v8.3/packages_api/data/rawtimerange/) and on dashboards' epoch-ms
  // form above: a frozen pane holds `range: {from: "<epoch ms>", to: "<epoch ms>"}`.
  const pane = (range: { from: string; to: string }) =>
    encodeURIComponent(JSON.stringify({ q1: { datasource: 'prom', queries: [{ refId: 'A', expr: 'up' }], range } }));
  it.each([
    {
      url: `https://grafana.example.com/explore?schemaVersion=1&panes=${pane({ from: 'now-1h', to: 'now' })}&orgId=1`,
      paneRange: { from: MS.minus1h, to: MS.now },
      range: relative('2026-11-28T08:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: `https://grafana.example.com/explore?schemaVersion=1&panes=${pane({ from: MS.minus2h, to: MS.now })}&orgId=1`,
      paneRange: { from: MS.minus2h, to: MS.now },
      range: absolute('2026-11-28T07:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
  ])('$paneRange.from', ({ url, paneRange, range }) => {
    const found = read(url, 'grafana-explore');
    expect(found.range).toEqual(range);
    const params = new URL(found.frozenUrl).searchParams;
    expect(JSON.parse(params.get('panes') ?? '{}')).toEqual({
      q1: { datasource: 'prom', queries: [{ refId: 'A', expr: 'up' }], range: paneRange },
    });
    expect(params.get('schemaVersion')).toBe('1');
    expect(params.get('orgId')).toBe('1');
  });
});

describe('Prometheus', () => {
  // https://prometheus.io/docs/visualization/browser/ documents only that "The expression browser is
  // available at /graph"; no documentation of its `gN.*` parameters was found. The expectation rests
  // on the UI's own share links: `g0.range_input` a duration, `g0.end_input` the graph's end as
  // `YYYY-MM-DD HH:mm:ss` in UTC (the v3 UI's form; the old UI wrote minutes and reads both).
  it.each([
    {
      url: 'http://prometheus.example.com:9090/graph?g0.expr=up&g0.tab=0&g0.range_input=1h',
      frozen:
        'http://prometheus.example.com:9090/graph?g0.expr=up&g0.tab=0&g0.range_input=1h&g0.end_input=2026-11-28%2009%3A10%3A00&g0.moment_input=2026-11-28%2009%3A10%3A00',
      range: relative('2026-11-28T08:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: 'https://prometheus.example.com/query?g0.expr=rate(http_requests_total%5B5m%5D)&g0.tab=graph&g0.range_input=6h&g0.end_input=2026-11-27%2012%3A00%3A00',
      frozen:
        'https://prometheus.example.com/query?g0.expr=rate(http_requests_total%5B5m%5D)&g0.tab=graph&g0.range_input=6h&g0.end_input=2026-11-27%2012%3A00%3A00&g0.moment_input=2026-11-27%2012%3A00%3A00',
      range: absolute('2026-11-27T06:00:00.000Z', '2026-11-27T12:00:00.000Z'),
    },
    {
      // The old UI's minutes form is written back with seconds.
      url: 'http://localhost:9090/graph?g0.expr=up&g0.tab=0&g0.range_input=30m&g0.end_input=2026-11-27%2012%3A00',
      frozen:
        'http://localhost:9090/graph?g0.expr=up&g0.tab=0&g0.range_input=30m&g0.end_input=2026-11-27%2012%3A00%3A00&g0.moment_input=2026-11-27%2012%3A00%3A00',
      range: absolute('2026-11-27T11:30:00.000Z', '2026-11-27T12:00:00.000Z'),
    },
  ])('$url', ({ url, frozen, range }) => {
    const found = read(url, 'prometheus');
    expect(found.range).toEqual(range);
    expect(found.frozenUrl).toBe(frozen);
    expectStillFrozen(found);
  });
});

describe('Alertmanager', () => {
  // https://pkg.go.dev/github.com/prometheus/alertmanager/ui/app (the UI's README), "Filtering on the
  // alerts page": "http://alertmanager/#/alerts?silenced=true", "…?receiver=backend", and
  // "http://alertmanager/#/alerts?filter=%7Bseverity%3D%22warning%22%2C%20owner%3D%22backend%22%7D".
  // Alertmanager shows what fires now: no range, and the link is kept as it is.
  it.each([
    { url: 'http://alertmanager/#/alerts?silenced=true', query: undefined },
    { url: 'http://alertmanager/#/alerts?receiver=backend', query: undefined },
    {
      url: 'http://alertmanager/#/alerts?filter=%7Bseverity%3D%22warning%22%2C%20owner%3D%22backend%22%7D',
      query: '{severity="warning", owner="backend"}',
    },
    {
      url: 'http://alertmanager/#/silences?filter=%7Bseverity%3D%22warning%22%2C%20owner%3D%22backend%22%7D',
      query: '{severity="warning", owner="backend"}',
    },
  ])('$url', ({ url, query }) => {
    const found = read(url, 'alertmanager');
    expect(found.range).toBeUndefined();
    expect(found.query).toBe(query);
    expect(found.frozenUrl).toBe(url);
  });
});

describe('Kibana and OpenSearch Dashboards', () => {
  // Kibana: https://discuss.elastic.co/t/kibana-g-and-a-parameters-in-the-dashboards-url-string/264642
  // (answered by Elastic: "_g parameter is 'global state'… encoded in 'Rison' format"), with the link
  // "/app/dashboards#/view/Summary?_g=(filters:!(),refreshInterval:(pause:!t,value:0),time:(from:
  // '2020-12-15T00:00:00.000Z',to:'2021-02-05T04:30:00.000Z'))". No page of Kibana's own guide on the
  // `_g` format was found.
  // OpenSearch Dashboards: no documentation of its URL state was found; the Kibana 7.10 fork keeps
  // the same `_g=(…time:(from:…,to:…))` rison (its Data Explorer adds `_q`), so the same form is expected.
  const g = (from: string, to: string) => `(filters:!(),refreshInterval:(pause:!t,value:0),time:(from:${from},to:${to}))`;
  it.each([
    {
      tool: 'kibana' as const,
      url: `https://kibana.example.com/app/discover#/?_g=${g('now-15m', 'now')}&_a=(columns:!(_source),query:(language:kuery,query:''))`,
      frozenG: g("'2026-11-28T08:55:00.000Z'", "'2026-11-28T09:10:00.000Z'"),
      range: relative('2026-11-28T08:55:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      tool: 'kibana' as const,
      url: `https://kibana.example.com/app/dashboards#/view/Summary?_g=${g("'2020-12-15T00:00:00.000Z'", "'2021-02-05T04:30:00.000Z'")}`,
      frozenG: g("'2020-12-15T00:00:00.000Z'", "'2021-02-05T04:30:00.000Z'"),
      range: absolute('2020-12-15T00:00:00.000Z', '2021-02-05T04:30:00.000Z'),
    },
    {
      tool: 'opensearch' as const,
      url: `https://search.example.com/_dashboards/app/data-explorer/discover#?_a=(discover:(columns:!(_source)),metadata:(indexPattern:'logs',view:discover))&_g=${g('now-24h', 'now')}&_q=(filters:!(),query:(language:kuery,query:''))`,
      frozenG: g("'2026-11-27T09:10:00.000Z'", "'2026-11-28T09:10:00.000Z'"),
      range: relative('2026-11-27T09:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
  ])('$tool: $url', ({ tool, url, frozenG, range }) => {
    const found = read(url, tool);
    expect(found.range).toEqual(range);
    expect(hashParam(found.frozenUrl, '_g')).toBe(frozenG);
    // The app state is the page's, untouched.
    expect(hashParam(found.frozenUrl, '_a')).toBe(hashParam(url, '_a'));
    expectStillFrozen(found);
  });
});

describe('Datadog', () => {
  // https://docs.datadoghq.com/dashboards/guide/custom_time_frames/ ("URL"): the dashboard URL carries
  // `from_ts` and `to_ts`, Unix milliseconds, and `live=true` keeps the relative window ("Sliding")
  // while `live=false` shows the fixed one; fixed dates may be "Unix milliseconds timestamp".
  it.each([
    {
      // Live: the stored window (one hour, a day ago) slides to the hour ending now.
      url: 'https://app.datadoghq.com/dashboard/abc-def-ghi/payments?from_ts=1795766400000&to_ts=1795770000000&live=true',
      frozen: `https://app.datadoghq.com/dashboard/abc-def-ghi/payments?from_ts=${MS.minus1h}&to_ts=${MS.now}&live=false`,
      range: relative('2026-11-28T08:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: `https://app.datadoghq.eu/logs?query=service%3Aweb&from_ts=${MS.minus2h}&to_ts=${MS.now}&live=false`,
      frozen: `https://app.datadoghq.eu/logs?query=service%3Aweb&from_ts=${MS.minus2h}&to_ts=${MS.now}&live=false`,
      range: absolute('2026-11-28T07:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
  ])('$url', ({ url, frozen, range }) => {
    const found = read(url, 'datadog');
    expect(found.range).toEqual(range);
    expect(found.frozenUrl).toBe(frozen);
    expectStillFrozen(found);
  });
});

describe('Sentry', () => {
  // https://docs.sentry.io/api/releases/retrieve-release-health-session-statistics/: "start … expected
  // in ISO-8601 format. For example, 2001-12-14T12:34:56.7890", "end" likewise, and "statsPeriod …
  // will override the start & end parameters": a frozen link must carry start/end and no statsPeriod.
  it.each([
    {
      url: 'https://acme.sentry.io/issues/?project=4505904603660288&statsPeriod=24h',
      frozen: 'https://acme.sentry.io/issues/?project=4505904603660288&start=2026-11-27T09%3A10%3A00&end=2026-11-28T09%3A10%3A00',
      range: relative('2026-11-27T09:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: 'https://sentry.example.com/organizations/acme/discover/results/?start=2001-12-14T12%3A34%3A56&end=2001-12-14T13%3A34%3A56',
      frozen: 'https://sentry.example.com/organizations/acme/discover/results/?start=2001-12-14T12%3A34%3A56&end=2001-12-14T13%3A34%3A56',
      range: absolute('2001-12-14T12:34:56.000Z', '2001-12-14T13:34:56.000Z'),
    },
  ])('$url', ({ url, frozen, range }) => {
    const found = read(url, 'sentry');
    expect(found.range).toEqual(range);
    expect(found.frozenUrl).toBe(frozen);
    expect(new URL(found.frozenUrl).searchParams.has('statsPeriod')).toBe(false);
    expectStillFrozen(found);
  });
});

describe('Jaeger', () => {
  // No page of jaegertracing.io documenting the UI's search URL was found. The expectation rests on
  // the query service's documented parameters (the HTTP API's OpenAPI description, as published at
  // https://apis.apis.io/apis/jaeger/jaeger-query-api/): "start: Start time as Unix microseconds",
  // "end: End time as Unix microseconds", and `lookback` as a duration (`1h`, `2d`).
  it.each([
    {
      url: 'http://localhost:16686/search?limit=20&lookback=1h&service=frontend',
      frozen: `http://localhost:16686/search?limit=20&lookback=custom&service=frontend&start=${MS.minus1h}000&end=${MS.now}000`,
      range: relative('2026-11-28T08:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: 'http://localhost:16686/search?end=1704133081894000&limit=20&lookback=1h&service=frontend&start=1704129481894000',
      frozen: 'http://localhost:16686/search?end=1704133081894000&limit=20&lookback=custom&service=frontend&start=1704129481894000',
      range: absolute('2024-01-01T17:18:01.894Z', '2024-01-01T18:18:01.894Z'),
    },
  ])('$url', ({ url, frozen, range }) => {
    const found = read(url, 'jaeger');
    expect(found.range).toEqual(range);
    expect(found.frozenUrl).toBe(frozen);
    expectStillFrozen(found);
  });
});

describe('CloudWatch', () => {
  // AWS documents no console URL format. Both expectations rest on the forms published from the console:
  // - Logs Insights, https://coderapp.vercel.app/answer/69816735 (a console link with
  //   "end~'2021-07-18T20*3a59*3a59.000Z~start~'2021-07-15T21*3a00*3a00.000Z~timeType~'ABSOLUTE") and
  //   https://mcmap.net/q/430510/ (the relative form "end: 0, start: -3600, timeType: 'RELATIVE', unit:
  //   'seconds'", `%` written `$`);
  // - log events, https://newbedev.com/is-there-a-way-to-generate-the-aws-console-urls-for-cloudwatch-log-group-filters
  //   ("log-events$3FfilterPattern$3D…$26start$3D-172800000": negative milliseconds back from now),
  //   whose absolute form is `start`/`end` in epoch milliseconds (the StartQuery API's own instants).
  const awsConsole = 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1';

  it('writes a relative Logs Insights query as ABSOLUTE ISO instants', () => {
    const detail =
      '$257E$2528end$257E0$257Estart$257E-3600$257EtimeType$257E$2527RELATIVE$257Eunit$257E$2527seconds$257EeditorString$257E$2527fields*20*40message$257Esource$257E$2528$257E$2527*2faws*2flambda*2ffn$2529$2529';
    const found = read(`${awsConsole}#logsV2:logs-insights$3FqueryDetail$3D${detail}`, 'cloudwatch');
    expect(found.range).toEqual(relative('2026-11-28T08:10:00.000Z', '2026-11-28T09:10:00.000Z'));
    expect(found.query).toBe('fields @message');
    // The console writes `%` as `$`; read back, the detail is JSURL with `:` escaped as `*3a`.
    const frozen = decodeURIComponent(new URL(found.frozenUrl).hash.replace(/\$/g, '%'));
    expect(frozen).toContain("end~'2026-11-28T09*3a10*3a00.000Z~start~'2026-11-28T08*3a10*3a00.000Z~timeType~'ABSOLUTE");
    expect(frozen).toContain("source~(~'*2faws*2flambda*2ffn)");
    expect(frozen).not.toContain('unit~');
    expectStillFrozen(found);
  });

  it('keeps the published ABSOLUTE Logs Insights link as it is', () => {
    const detail =
      '$257E$2528end$257E$25272021-07-18T20*3a59*3a59.000Z$257Estart$257E$25272021-07-15T21*3a00*3a00.000Z$257EtimeType$257E$2527ABSOLUTE$257Etz$257E$2527Local$257EeditorString$257E$2527fields*20*40timestamp$2529';
    const found = read(`${awsConsole}#logsV2:logs-insights$3FqueryDetail$3D${detail}`, 'cloudwatch');
    expect(found.range).toEqual(absolute('2021-07-15T21:00:00.000Z', '2021-07-18T20:59:59.000Z'));
    const frozen = decodeURIComponent(new URL(found.frozenUrl).hash.replace(/\$/g, '%'));
    expect(frozen).toContain("end~'2021-07-18T20*3a59*3a59.000Z~start~'2021-07-15T21*3a00*3a00.000Z~timeType~'ABSOLUTE~tz~'Local");
  });

  it('writes log events back in epoch milliseconds', () => {
    const url = `${awsConsole}#logsV2:log-groups/log-group/$252Faws$252Flambda$252Ffn/log-events$3FfilterPattern$3DERROR$26start$3D-3600000`;
    const found = read(url, 'cloudwatch');
    expect(found.range).toEqual(relative('2026-11-28T08:10:00.000Z', '2026-11-28T09:10:00.000Z'));
    expect(found.frozenUrl).toBe(
      `${awsConsole}#logsV2:log-groups/log-group/$252Faws$252Flambda$252Ffn/log-events$3FfilterPattern$3DERROR$26start$3D${MS.minus1h}$26end$3D${MS.now}`,
    );
    expectStillFrozen(found);
  });
});

describe('Google Cloud Logging', () => {
  // No page of Google's own documentation of the Logs Explorer URL was found by search (docs, then
  // pages). The expectation rests on the documented form of the console's links as built by
  // https://pkg.go.dev/github.com/vvakame/gcplogurl ("…/logs/query;query=…;storageScope=project;
  // timeRange=2020-11-13T19:20:00Z%2F2020-11-13T19:20:00Z--PT2H?project=test-project"): `;key=value`
  // matrix parameters, `timeRange` an ISO-8601 duration or `<start>%2F<end>` interval.
  it.each([
    {
      url: 'https://console.cloud.google.com/logs/query;query=severity%3E%3DERROR;timeRange=PT1H?project=acme',
      frozen:
        'https://console.cloud.google.com/logs/query;query=severity%3E%3DERROR;timeRange=2026-11-28T08%3A10%3A00.000Z%2F2026-11-28T09%3A10%3A00.000Z?project=acme',
      range: relative('2026-11-28T08:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: 'https://console.cloud.google.com/logs/query;query=severity%3E%3DERROR;startTime=2026-11-28T08:00:00.000Z;endTime=2026-11-28T09:00:00.000Z?project=acme',
      frozen:
        'https://console.cloud.google.com/logs/query;query=severity%3E%3DERROR;timeRange=2026-11-28T08%3A00%3A00.000Z%2F2026-11-28T09%3A00%3A00.000Z?project=acme',
      range: absolute('2026-11-28T08:00:00.000Z', '2026-11-28T09:00:00.000Z'),
    },
  ])('$url', ({ url, frozen, range }) => {
    const found = read(url, 'gcp-logging');
    expect(found.range).toEqual(range);
    expect(found.frozenUrl).toBe(frozen);
    expectStillFrozen(found);
  });
});

describe('Honeycomb', () => {
  // https://docs.honeycomb.io/reference/query-specification/: query JSON "to use with … query template
  // links"; `time_range` in seconds (two hours by default), `start_time`/`end_time` absolute, in
  // seconds since the UNIX epoch. https://docs.honeycomb.io/investigate/collaborate/share-trace/:
  // "…/trace?trace_id=<traceId>&span=<spanId>&trace_start_ts=<ts>&trace_end_ts=<ts>".
  const spec = (value: object) => encodeURIComponent(JSON.stringify(value));
  it.each([
    {
      url: `https://ui.honeycomb.io/acme/environments/prod/datasets/api?query=${spec({ calculations: [{ op: 'COUNT' }], time_range: 3600 })}`,
      frozenSpec: { calculations: [{ op: 'COUNT' }], start_time: 1795853400, end_time: 1795857000 },
      range: relative('2026-11-28T08:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: `https://ui.honeycomb.io/acme/datasets/api?query=${spec({ calculations: [{ op: 'P95', column: 'duration_ms' }], start_time: 1795849800, end_time: 1795857000 })}`,
      frozenSpec: { calculations: [{ op: 'P95', column: 'duration_ms' }], start_time: 1795849800, end_time: 1795857000 },
      range: absolute('2026-11-28T07:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
  ])('$url', ({ url, frozenSpec, range }) => {
    const found = read(url, 'honeycomb');
    expect(found.range).toEqual(range);
    expect(JSON.parse(new URL(found.frozenUrl).searchParams.get('query') ?? '{}')).toEqual(frozenSpec);
    expectStillFrozen(found);
  });

  it('reads a direct trace link and keeps it', () => {
    const url =
      'https://ui.honeycomb.io/acme/environments/prod/datasets/api/trace?trace_id=abc123&span=def456&trace_start_ts=1795849800&trace_end_ts=1795857000';
    const found = read(url, 'honeycomb');
    expect(found.range).toEqual(absolute('2026-11-28T07:10:00.000Z', '2026-11-28T09:10:00.000Z'));
    expect(found.frozenUrl).toBe(url);
  });
});

describe('Dynatrace', () => {
  // No Dynatrace page documenting the `gtf` URL parameter of the classic UI, nor the platform apps'
  // `from`/`to` query parameters, was found. https://docs.dynatrace.com/docs/secure/threat-observability/
  // security-investigator/define-timeframes documents the timeframe values themselves ("the default
  // -2h … data … from the last two hours"; `from`/`to` in DQL). The expectations rest on the UI's own
  // links: classic `gtf=-2h` / `gtf=l_2_HOURS` (relative) and `gtf=c_<epoch ms>_<epoch ms>` (custom),
  // platform `from=now()-2h&to=now()` and ISO-8601 instants.
  it.each([
    {
      url: 'https://abc12345.live.dynatrace.com/#dashboard;id=7f1e1b32;gtf=-2h',
      frozen: `https://abc12345.live.dynatrace.com/#dashboard;id=7f1e1b32;gtf=c_${MS.minus2h}_${MS.now}`,
      range: relative('2026-11-28T07:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: 'https://abc12345.live.dynatrace.com/#dashboard;id=7f1e1b32;gtf=l_2_HOURS',
      frozen: `https://abc12345.live.dynatrace.com/#dashboard;id=7f1e1b32;gtf=c_${MS.minus2h}_${MS.now}`,
      range: relative('2026-11-28T07:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: 'https://abc12345.apps.dynatrace.com/ui/apps/dynatrace.dashboards/?from=now()-2h&to=now()',
      frozen: 'https://abc12345.apps.dynatrace.com/ui/apps/dynatrace.dashboards/?from=2026-11-28T07:10:00.000Z&to=2026-11-28T09:10:00.000Z',
      range: relative('2026-11-28T07:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
  ])('$url', ({ url, frozen, range }) => {
    const found = read(url, 'dynatrace');
    expect(found.range).toEqual(range);
    expect(found.frozenUrl).toBe(frozen);
    expectStillFrozen(found);
  });
});

describe('New Relic', () => {
  // No New Relic page documenting the app's `begin`/`end`/`duration` URL parameters was found (its REST
  // API documents `from`/`to` for API calls, https://docs.newrelic.com/docs/apm/apis/api-v2-examples/
  // specifying-time-range-v2/, not for app links). The expectation rests on New Relic One's own links:
  // `duration` in milliseconds ending now, `begin`/`end` in epoch milliseconds.
  it.each([
    {
      url: 'https://one.newrelic.com/nr1-core?account=1601367&duration=1800000',
      frozen: `https://one.newrelic.com/nr1-core?account=1601367&begin=${MS.minus30m}&end=${MS.now}`,
      range: relative('2026-11-28T08:40:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: `https://one.eu.newrelic.com/nr1-core?account=1601367&begin=${MS.minus2h}&end=${MS.now}`,
      frozen: `https://one.eu.newrelic.com/nr1-core?account=1601367&begin=${MS.minus2h}&end=${MS.now}`,
      range: absolute('2026-11-28T07:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
  ])('$url', ({ url, frozen, range }) => {
    const found = read(url, 'newrelic');
    expect(found.range).toEqual(range);
    expect(found.frozenUrl).toBe(frozen);
    expectStillFrozen(found);
  });
});

describe('Zabbix', () => {
  // https://www.zabbix.com/documentation/current/en/manual/web_interface/time_period_selector: "The
  // From/To fields display the selected period in either absolute time syntax (in format Y-m-d H:i:s)
  // or relative time syntax … for example, now-1d", and for precision `d`: "Y-m-d 00:00:00 | Y-m-d
  // 23:59:59". Times are the user's: the zone is passed explicitly, so the machine's does not matter.
  it.each([
    {
      zone: 'UTC',
      url: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&dashboardid=1&from=now-1h&to=now',
      frozen: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&dashboardid=1&from=2026-11-28%2008%3A10%3A00&to=2026-11-28%2009%3A10%3A00',
      range: relative('2026-11-28T08:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      // New York is UTC−5 on 28 November: 09:10Z is 04:10 there.
      zone: 'America/New_York',
      url: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&dashboardid=1&from=now-1h&to=now',
      frozen: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&dashboardid=1&from=2026-11-28%2003%3A10%3A00&to=2026-11-28%2004%3A10%3A00',
      range: relative('2026-11-28T08:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      // Lord Howe is UTC+11 in its summer: 09:10Z is 20:10 on the 28th, whose day began 27 Nov 13:00Z.
      zone: 'Australia/Lord_Howe',
      url: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&dashboardid=1&from=now/d&to=now/d',
      frozen: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&dashboardid=1&from=2026-11-28%2000%3A00%3A00&to=2026-11-28%2023%3A59%3A59',
      range: relative('2026-11-27T13:00:00.000Z', '2026-11-28T12:59:59.000Z'),
    },
    {
      zone: 'America/New_York',
      url: 'https://zabbix.example.com/history.php?action=showgraph&itemids%5B%5D=42&from=2026-11-27%2007%3A00%3A00&to=2026-11-27%2008%3A00%3A00',
      frozen: 'https://zabbix.example.com/history.php?action=showgraph&itemids%5B%5D=42&from=2026-11-27%2007%3A00%3A00&to=2026-11-27%2008%3A00%3A00',
      range: absolute('2026-11-27T12:00:00.000Z', '2026-11-27T13:00:00.000Z'),
    },
  ])('$zone: $url', ({ zone, url, frozen, range }) => {
    const found = read(url, 'zabbix', zone);
    expect(found.range).toEqual(range);
    expect(found.frozenUrl).toBe(frozen);
    expectStillFrozen(found, zone);
  });
});

describe('Nagios XI', () => {
  // No Nagios XI documentation of the performance graph URL was found (docs, then pages; the Nagios
  // support KB on performance graphs describes the PNP back end, not links). The expectation rests on
  // XI's own perfgraphs links: `start`/`end` in epoch seconds, `view` a preset (1 = the last 24
  // hours) and `view=99` the custom period those two define.
  it.each([
    {
      url: 'https://nagios.example.com/nagiosxi/perfgraphs/?host=web01&service=HTTP&view=1',
      frozen: 'https://nagios.example.com/nagiosxi/perfgraphs/?host=web01&service=HTTP&view=99&start=1795770600&end=1795857000',
      range: relative('2026-11-27T09:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
    {
      url: 'https://nagios.example.com/nagiosxi/perfgraphs/?host=web01&service=HTTP&view=99&start=1795849800&end=1795857000',
      frozen: 'https://nagios.example.com/nagiosxi/perfgraphs/?host=web01&service=HTTP&view=99&start=1795849800&end=1795857000',
      range: absolute('2026-11-28T07:10:00.000Z', '2026-11-28T09:10:00.000Z'),
    },
  ])('$url', ({ url, frozen, range }) => {
    const found = read(url, 'nagios');
    expect(found.range).toEqual(range);
    expect(found.frozenUrl).toBe(frozen);
    expectStillFrozen(found);
  });
});

describe('pages about one alert, ticket or change', () => {
  // These pages show no time window: the reading is the tool and the ref, and the link is the page.
  // Sources, per row:
  // - PagerDuty REST API reference, "Get an incident": `html_url` "https://subdomain.pagerduty.com/
  //   incidents/PT4KHLK" (cited as in test/capture/tools/pagerduty.test.ts; not re-found by search).
  // - Opsgenie: no Atlassian page documenting the app's alert URL was found; the ref is the Alert
  //   API's `id`, the route the app's own "/alert/detail/<id>/details" links.
  // - Jira: "/browse/<KEY>-<n>", an issue's own page on Cloud (Atlassian's "atlOrigin" share links).
  // - Zendesk help, "Direct access … https://yoursubdomain.zendesk.com/agent/#/tickets/37" (as cited in
  //   test/capture/tools/zendesk.test.ts) and the Agent Workspace's "/agent/tickets/<id>".
  // - Intercom: no documentation of Inbox URLs found; the ref is the Conversations API's numeric `id`.
  // - GitHub Docs, "Autolinked references and URLs": commit URLs, `jlord/sheetsee.js@a5c3785…`, and
  //   pull requests, `jlord/sheetsee.js#26`.
  // - GitLab: https://gitlab.com/gitlab-org/gitlab/-/merge_requests/34003 and the commit link in
  //   https://gitlab.com/gitlab-org/gitlab-ce/issues/18967 (found by search), with GitLab's `!` for
  //   merge requests and `@` for commits.
  // - xMatters REST API, "Get an event": GET /api/xm/1/events/{eventId} (as cited in xmatters.test.ts).
  it.each([
    ['https://subdomain.pagerduty.com/incidents/PT4KHLK', 'pagerduty', { kind: 'alert', id: 'PT4KHLK' }],
    [
      'https://acme.app.opsgenie.com/alert/detail/22a1d1f7-8a77-4e3a-8050-8c51405541c1-1689010338026/details',
      'opsgenie',
      { kind: 'alert', id: '22a1d1f7-8a77-4e3a-8050-8c51405541c1-1689010338026' },
    ],
    [
      'https://acme.xmatters.com/api/xm/1/events/a7ab8012-0583-4e68-a17b-e0a1b1a2d9b8',
      'xmatters',
      { kind: 'alert', id: 'a7ab8012-0583-4e68-a17b-e0a1b1a2d9b8' },
    ],
    ['https://acme.atlassian.net/browse/OPS-123', 'jira', { kind: 'ticket', id: 'OPS-123' }],
    ['https://jira.example.com/browse/OPS-7', 'jira', { kind: 'ticket', id: 'OPS-7' }],
    ['https://yoursubdomain.zendesk.com/agent/#/tickets/37', 'zendesk', { kind: 'ticket', id: '37' }],
    ['https://acme.zendesk.com/agent/tickets/4821', 'zendesk', { kind: 'ticket', id: '4821' }],
    ['https://app.intercom.com/a/inbox/abc123/inbox/conversation/215474154263922', 'intercom', { kind: 'ticket', id: '215474154263922' }],
    [
      'https://github.com/jlord/sheetsee.js/commit/a5c3785ed8d6a35868bc169f07e40e889087fd2e',
      'github',
      { kind: 'change', id: 'jlord/sheetsee.js@a5c3785ed8d6a35868bc169f07e40e889087fd2e' },
    ],
    ['https://github.com/jlord/sheetsee.js/pull/26', 'github', { kind: 'change', id: 'jlord/sheetsee.js#26' }],
    ['https://gitlab.com/gitlab-org/gitlab/-/merge_requests/34003', 'gitlab', { kind: 'change', id: 'gitlab-org/gitlab!34003' }],
    [
      'https://gitlab.com/gitlab-org/gitlab-ce/commit/a6faaace0503c27884808740e002c201b8893375',
      'gitlab',
      { kind: 'change', id: 'gitlab-org/gitlab-ce@a6faaace0503c27884808740e002c201b8893375' },
    ],
  ] as const)('%s', (url, tool, ref) => {
    const found = read(url, tool);
    expect(found.ref).toEqual(ref);
    expect(found.range).toBeUndefined();
    expect(found.frozenUrl).toBe(url);
  });
});
