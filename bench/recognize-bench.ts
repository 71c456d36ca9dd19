/**
 * recognize() over 10,000 realistic URLs: every tool's URL shapes (as in the tools' docs and our
 * test tables), varied hosts, sub-paths, ranges and queries, plus pages that are no tool at all.
 * Prints the per-URL time (mean, median, p95, p99, max) after a warm-up pass.
 *
 *   npm run bench:recognize
 */
import { recognize, type Tool } from '../src/capture/recognize.ts';
import { seededRandom } from './seeded-random.ts';

const COUNT = 10_000;
const NOW = new Date('2026-11-28T09:10:00.000Z');

const rnd = seededRandom(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
const int = (max: number) => Math.floor(rnd() * max);
const epochMs = () => 1_790_000_000_000 + int(10_000_000_000);
const enc = encodeURIComponent;

const HOSTS = ['https://grafana.example.com', 'https://ops.example.com/monitoring/grafana', 'http://localhost:3000', 'https://metrics.internal.acme.io'];
const RELATIVE = ['now-5m', 'now-15m', 'now-1h', 'now-6h', 'now-24h', 'now-7d', 'now/d', 'now-1d/d', 'now/w'];
const ZONES = ['browser', 'utc', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];
const PROMQL = [
  'up',
  'rate(http_requests_total{job="api",code=~"5.."}[5m])',
  'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))',
  'sum(kube_pod_container_status_restarts_total) by (namespace)',
];
const KQL = ['service.name:%22checkout%22', 'http.response.status_code>=500', '', 'error.message:*timeout*'];

const generators: Array<[Tool, () => string]> = [
  [
    'grafana',
    () => {
      const range = rnd() < 0.6 ? `from=${pick(RELATIVE)}&to=now` : `from=${epochMs()}&to=${epochMs() + 3_600_000}`;
      const zone = rnd() < 0.5 ? `&timezone=${enc(pick(ZONES))}` : '';
      const panel = rnd() < 0.3 ? `&viewPanel=${int(40)}` : '';
      return `${pick(HOSTS)}/d/${int(1e6).toString(36)}/payments-${int(99)}?orgId=1&${range}${zone}&var-env=prod${panel}&refresh=30s`;
    },
  ],
  ['grafana', () => `${pick(HOSTS)}/d/${int(1e6).toString(36)}/api?orgId=1&time=${epochMs()}&time.window=${pick(['10s', '60000', '1h'])}`],
  [
    'grafana-explore',
    () => {
      const pane = { datasource: 'P8E80F9AEF21F6940', queries: [{ refId: 'A', expr: pick(PROMQL) }], range: { from: pick(RELATIVE), to: 'now' } };
      return `${pick(HOSTS)}/explore?schemaVersion=1&panes=${enc(JSON.stringify({ [int(999).toString(36)]: pane }))}&orgId=1`;
    },
  ],
  [
    'grafana-explore',
    () =>
      `${pick(HOSTS)}/explore?orgId=1&left=${enc(JSON.stringify([pick(RELATIVE), 'now', 'Prometheus', { expr: pick(PROMQL) }, { ui: [true, true, true, 'none'] }]))}`,
  ],
  [
    'prometheus',
    () => {
      const end =
        rnd() < 0.5 ? `&g0.end_input=${enc('2026-11-2' + int(8) + ' 0' + int(9) + ':1' + int(9) + ':00')}&g0.moment_input=${enc('2026-11-20 08:10:00')}` : '';
      return `${pick(['http://localhost:9090', 'https://prometheus.example.com', 'https://ops.example.com/thanos'])}/${pick(['graph', 'query'])}?g0.expr=${enc(pick(PROMQL))}&g0.tab=${pick(['0', '1', 'graph', 'table'])}&g0.range_input=${pick(['1h', '6h', '1d', '1h30m'])}${end}`;
    },
  ],
  [
    'alertmanager',
    () =>
      `${pick(['http://alertmanager.example.com:9093', 'https://ops.example.com/am'])}/#/${pick(['alerts', 'silences'])}?silenced=false&inhibited=false&active=true&filter=${enc(`{alertname="${pick(['HighErrorRate', 'PodCrashLooping', 'TargetDown'])}",severity="critical"}`)}`,
  ],
  [
    'kibana',
    () =>
      `${pick(['http://localhost:5601', 'https://kibana.example.com/s/payments', 'https://logs.example.com/kibana'])}/app/${pick(['discover#/', 'dashboards#/view/722b74f0-b882-11e8-a6d9-e546fe2bba5f'])}?_g=(filters:!(),refreshInterval:(pause:!t,value:0),time:(from:${pick(RELATIVE).replace('/', '%2F')},to:now))&_a=(columns:!(_source),query:(language:kuery,query:'${pick(KQL)}'))`,
  ],
  ['kibana', () => `http://localhost:5601/app/apm/services?rangeFrom=${pick(RELATIVE)}&rangeTo=now&kuery=${pick(KQL)}`],
  [
    'opensearch',
    () =>
      `https://search-logs-${int(99)}.eu-west-1.es.amazonaws.com/_dashboards/app/data-explorer/discover#?_a=(discover:(columns:!(_source),isDirty:!f,sort:!()),metadata:(indexPattern:'6c27ca40',view:discover))&_g=(filters:!(),refreshInterval:(pause:!t,value:0),time:(from:${pick(RELATIVE).replace('/', '%2F')},to:now))&_q=(filters:!(),query:(language:kuery,query:'${pick(KQL)}'))`,
  ],
  [
    'datadog',
    () =>
      `https://app.datadoghq.com/dashboard/${int(1e6).toString(36)}/payments?fromUser=false&refresh_mode=sliding&from_ts=${epochMs()}&to_ts=${epochMs() + 3_600_000}&live=${pick(['true', 'false'])}`,
  ],
  ['sentry', () => `https://acme.sentry.io/issues/?project=${int(1e7)}&query=${enc('is:unresolved level:error')}&statsPeriod=${pick(['24h', '14d', '90d'])}`],
  [
    'jaeger',
    () => {
      const end = epochMs() * 1000;
      return `http://localhost:16686/search?end=${end}&limit=20&lookback=1h&maxDuration&minDuration&service=${pick(['frontend', 'checkout', 'payments'])}&start=${end - 3_600_000_000}`;
    },
  ],
  [
    'cloudwatch',
    () =>
      `https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Flambda$252Fpayments/log-events$3FfilterPattern$3DERROR$26start$3D-${pick([3600000, 86400000])}`,
  ],
  [
    'gcp-logging',
    () =>
      `https://console.cloud.google.com/logs/query;query=${enc('severity>=ERROR\nresource.type="k8s_container"')};timeRange=${pick(['PT1H', 'PT30M', 'P1D'])}?project=acme-prod`,
  ],
  [
    'honeycomb',
    () =>
      `https://ui.honeycomb.io/acme/environments/prod/datasets/api?query=${enc(JSON.stringify({ time_range: pick([300, 3600, 7200]), calculations: [{ op: 'COUNT' }], filters: [{ column: 'service.name', op: '=', value: 'checkout' }] }))}`,
  ],
  [
    'dynatrace',
    () =>
      `https://${pick(['abc12345.live.dynatrace.com', 'xyz98765.apps.dynatrace.com/ui/apps/dynatrace.classic.dashboards', 'apm.example.com/e/9aaf0a6a-09f4-460b-860e-72acedadd4d4'])}/#dashboard;id=21558fd2-c172-42d0-a4cd-a80b88b1693b;gtf=${pick(['-2h', 'l_30_MINUTES', 'l_24_HOURS', 'today', '-24h%20to%20now', `c_${epochMs()}_${epochMs() + 3_600_000}`])};gf=all`,
  ],
  [
    'dynatrace',
    () => `https://xyz98765.apps.dynatrace.com/ui/apps/dynatrace.davis.problems/?from=${enc(pick(['now()-2h', 'now()-24h', 'now()-1d@d']))}&to=now%28%29`,
  ],
  [
    'newrelic',
    () =>
      `https://${pick(['one.newrelic.com', 'one.eu.newrelic.com'])}/nr1-core/apm/overview/MTA2ODk1NHxBUE18QVBQTElDQVRJT058MTAzODUxNjM?account=1068954&${pick([`duration=${pick([1800000, 3600000, 86400000])}`, `begin=${epochMs()}&end=${epochMs() + 3_600_000}`])}&state=5b1b3f6a-f807-c41e-09cf-3c258213c127`,
  ],
  [
    'newrelic',
    () =>
      `https://one.newrelic.com/launcher/nr1-core.explorer?platform[accountId]=${int(1e7)}&platform[timeRange][duration]=${pick([1800000, 3600000])}&platform[$isFallbackTimeRange]=true&pane=eyJuZXJkbGV0SWQiOiJhcG0tbmVyZGxldHMub3ZlcnZpZXciLCJlbnRpdHlHdWlkIjoiTXpjd05EQTFmRUZRVFh4QlVGQk1TVU5CVkVsUFRud3hOekk0T1RneE5ETSIsImlzT3ZlcnZpZXciOnRydWV9`,
  ],
  ['newrelic', () => `https://radar-api.service.newrelic.com/accounts/${int(1e7)}/issues/0ea2df1c-adab-45d2-aae0-042b609d2322?notifier=SLACK`],
  [
    'zabbix',
    () =>
      `${pick(['https://zabbix.example.com', 'https://ops.example.com/zabbix'])}/${pick(['zabbix.php?action=dashboard.view&dashboardid=1', `history.php?action=showgraph&itemids%5B%5D=${int(99999)}`])}&from=${enc(pick(['now-1h', 'now-1d/d', 'now/w', '2026-11-01 00:00:00']))}&to=${enc(pick(['now', 'now/d', 'now/w']))}`,
  ],
  ['zabbix', () => `https://zabbix.example.com/tr_events.php?triggerid=${int(99999)}&eventid=${int(9999999)}`],
  [
    'nagios',
    () =>
      `https://xi.example.com/nagiosxi/perfgraphs/?&host=web${int(99)}&service=Current+Load&source=1&view=${pick([0, 1, 2, 3, 4])}&start=&end=&startdate=&enddate=&mode=2`,
  ],
  ['pagerduty', () => `https://acme.pagerduty.com/${pick(['incidents', 'alerts'])}/P${int(1e6).toString(36).toUpperCase()}`],
  [
    'opsgenie',
    () => `https://acme.app.${pick(['', 'eu.'])}opsgenie.com/alert/detail/70413a06-38d6-4c85-92b8-5ebc900d42e2-${1_700_000_000_000 + int(1e9)}/details`,
  ],
  ['xmatters', () => `https://acme.xmatters.com/xmatters/ui/events/${int(9_999_999)}`],
  ['jira', () => pick([`https://acme.atlassian.net/browse/OPS-${int(9999)}`, `https://jira.example.com/servicedesk/customer/portal/2/HELP-${int(9999)}`])],
  ['zendesk', () => `https://acme.zendesk.com/agent/tickets/${int(99999)}`],
  ['intercom', () => `https://app.intercom.com/a/inbox/abc123/inbox/conversation/${int(1e12)}`],
  ['github', () => pick([`https://github.com/acme/api/pull/${int(999)}`, `https://github.com/acme/api/actions/runs/${int(1e9)}`])],
  ['gitlab', () => pick([`https://gitlab.com/acme/api/-/merge_requests/${int(999)}`, `https://git.example.com/acme/api/-/pipelines/${int(1e6)}`])],
  [
    'generic',
    () =>
      pick([
        `https://wiki.example.com/runbooks/payments-${int(9999)}`,
        `https://docs.google.com/document/d/${int(1e9).toString(36)}/edit`,
        'https://status.example.com/',
        `https://example.com/blog/post-${int(999)}?utm_source=x`,
        'chrome://extensions',
        'not a url',
      ]),
  ],
];

const urls = Array.from({ length: COUNT }, (_, i) => generators[i % generators.length]?.[1]() ?? '');
const expected = Array.from({ length: COUNT }, (_, i) => generators[i % generators.length]?.[0]);

// Warm-up: let the JIT see every path before timing.
for (const url of urls) recognize(url, NOW);

const times = new Float64Array(COUNT);
const tools = new Map<string, number>();
let mismatches = 0;
const started = performance.now();
for (let i = 0; i < COUNT; i++) {
  const url = urls[i] ?? '';
  const t0 = performance.now();
  const found = recognize(url, NOW);
  times[i] = performance.now() - t0;
  tools.set(found.tool, (tools.get(found.tool) ?? 0) + 1);
  if (found.tool !== expected[i]) mismatches++;
}
const total = performance.now() - started;

const sorted = Array.from(times).sort((a, b) => a - b);
const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 1000;
const us = (value: number) => `${value.toFixed(1)} µs`;
console.log(`recognize() over ${COUNT.toLocaleString('en')} URLs (${generators.length} URL shapes, Node ${process.versions.node})`);
console.log(`  total  ${total.toFixed(1)} ms`);
console.log(`  per URL: mean ${us((total / COUNT) * 1000)}, median ${us(at(0.5))}, p95 ${us(at(0.95))}, p99 ${us(at(0.99))}, max ${us(at(1))}`);
console.log(`  tools: ${[...tools].map(([tool, n]) => `${tool} ${n}`).join(', ')}`);
console.log(`  recognized as generated: ${COUNT - mismatches}/${COUNT}`);
if (mismatches > 0) process.exitCode = 1;
