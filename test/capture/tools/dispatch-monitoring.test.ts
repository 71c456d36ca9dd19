import { describe, expect, it } from 'vitest';
import { recognize } from '../../../src/capture/recognize.ts';
import { recognizeDynatrace } from '../../../src/capture/tools/dynatrace.ts';
import { recognizeNagios } from '../../../src/capture/tools/nagios.ts';
import { recognizeNewRelic } from '../../../src/capture/tools/newrelic.ts';
import { recognizeZabbix } from '../../../src/capture/tools/zabbix.ts';

const NOW = new Date('2026-11-28T09:10:00.000Z');
const MINE = [recognizeDynatrace, recognizeNewRelic, recognizeZabbix, recognizeNagios];

// Dynatrace, New Relic, Zabbix and Nagios XI through the dispatcher: each URL reaches its own
// recognizer (no earlier one claims it), and none of the four claims another tool's URL or a plain
// page. Sources are cited in each tool's table.
describe('recognize() with the monitoring tools Dynatrace, New Relic, Zabbix and Nagios XI', () => {
  it.each([
    ['https://myenvironment.live.dynatrace.com/ui/deploymentstatus/oneagents?gtf=-2h&gf=all', 'dynatrace'],
    [
      'https://gerenciamentoapm.prodesp.sp.gov.br/e/9aaf0a6a-09f4-460b-860e-72acedadd4d4/#dashboard;gtf=-2h;gf=5355219715125557752;id=21558fd2-c172-42d0-a4cd-a80b88b1693b',
      'dynatrace',
    ],
    ['https://wkf10640.apps.dynatrace.com/ui/apps/dynatrace.davis.problems/?from=now%28%29-24h&to=now%28%29', 'dynatrace'],
    ['https://one.newrelic.com/nr1-core/apm/overview/MTA2ODk1NHxBUE18QVBQTElDQVRJT058MTAzODUxNjM?account=1068954&duration=1800000', 'newrelic'],
    ['https://radar-api.service.newrelic.com/accounts/4420147/issues/c5faa7e6-7b54-402d-af79-f99601e0278c?notifier=WEBHOOK', 'newrelic'],
    ['https://alerts.newrelic.com/accounts/2941966/incidents/1234', 'newrelic'],
    ['https://vision.prod.zeeve.net/zabbix.php?action=dashboard.view&dashboardid=423&from=now-5m&to=now', 'zabbix'],
    ['http://localhost:8081/tr_events.php?triggerid=61119&eventid=90528', 'zabbix'],
    ['https://zabbix.example.com/zabbix/charts.php?graphid=524&period=3600&stime=20180101120000', 'zabbix'],
    ['https://xi.example.com/nagiosxi/perfgraphs/?&host=localhost&service=Current+Load&source=1&view=1&start=&end=&startdate=&enddate=&mode=2', 'nagios'],
    ['https://xi.example.com/nagiosxi/includes/components/xicore/status.php?show=hostdetail&host=localhost', 'nagios'],
  ])('%s is %s', (url, tool) => {
    expect(recognize(url, NOW, 'America/New_York').tool).toBe(tool);
  });

  it('hands the user zone to the tools that read local times', () => {
    const url = 'https://zabbix.example.com/zabbix.php?action=problem.view&from=now-1d%2Fd&to=now-1d%2Fd';
    expect(recognize(url, NOW, 'America/New_York').range?.from).toBe('2026-11-27T05:00:00.000Z');
    expect(recognize(url, NOW).range?.from).toBe('2026-11-27T00:00:00.000Z');
    // An unknown zone is read as UTC rather than failing the clip.
    expect(recognize(url, NOW, 'Mars/Olympus').range?.from).toBe('2026-11-27T00:00:00.000Z');
  });

  it.each([
    // Other monitoring tools (recognize.test.ts's table).
    'https://play.grafana.org/d/000000012/grafana-play-home?viewPanel=2&orgId=1&from=now-6h&to=now',
    'https://grafana.example.com/explore?orgId=1&left=%7B%22datasource%22%3A%22Local%22%2C%22queries%22%3A%5B%7B%22expr%22%3A%22metric%22%7D%5D%7D',
    'http://localhost:9090/graph?g0.expr=up&g0.tab=0&g0.range_input=1h',
    'http://alertmanager/#/alerts?filter=%7Bseverity%3D%22warning%22%7D',
    "http://localhost:5601/app/discover#/?_g=(time:(from:now-15m,to:now))&_a=(query:(language:kuery,query:''))",
    'https://app.datadoghq.com/dashboard/4vk-yhn-iju/obsevability-ops?fromUser=false&refresh_mode=sliding&from_ts=1762247296394&to_ts=1762333696394&live=true',
    'https://sms.sentry.io/issues/?project=4505904603660288&statsPeriod=14d',
    'http://localhost:16686/search?end=1704133081894000&limit=20&lookback=1h&service=frontend&start=1704129481894000',
    'https://console.cloud.google.com/logs/query;query=severity%3E%3DERROR;timeRange=PT1H?project=acme',
    'https://ui.honeycomb.io/acme/environments/prod/datasets/api?query=%7B%22time_range%22%3A300%7D',
    // Alerting, tickets and code changes belong to other recognizers.
    'https://acme.pagerduty.com/incidents/PT4KHLK',
    'https://acme.app.eu.opsgenie.com/alert/detail/3f1c2a9e-7b4d-4e21-9c55-0a8d6e2b7f13/details',
    'https://acme.zendesk.com/agent/tickets/4821',
    'https://acme.atlassian.net/browse/OPS-1234',
    'https://github.com/acme/api/pull/412',
    'https://gitlab.com/acme/api/-/merge_requests/88',
    // Plain pages, including ones with words and parameters the four tools use.
    'https://example.com/blog/post?from=now-1h&to=now',
    'https://example.com/index.php?action=view&from=now-1h',
    'https://shop.example.com/e/summer-sale/#products;gtf=-2h',
    'https://example.com/history.php?itemid=5',
    'https://docs.google.com/document/d/1a2b3c4d5e/edit',
  ])('none of the four claims %s', (url) => {
    for (const recognizer of MINE) expect(recognizer(new URL(url), NOW, 'America/New_York')).toBeUndefined();
    expect(['dynatrace', 'newrelic', 'zabbix', 'nagios']).not.toContain(recognize(url, NOW, 'America/New_York').tool);
  });

  it.each([
    'https://abc12345.live.dynatrace.com/#dashboard;gtf=c_99999999999999999_99999999999999999',
    'https://abc12345.live.dynatrace.com/#dashboard;gtf=-99999999999y to now',
    'https://abc12345.apps.dynatrace.com/ui/apps/x/?from=now%28%29-9999999999y&to=now%28%29',
    'https://one.newrelic.com/launcher/x?pane=' + 'A'.repeat(30_000),
    'https://one.newrelic.com/nr1-core/%E0%A4%A?duration=1',
    'https://zabbix.example.com/zabbix.php?action=x&from=now-9999999999y%2Fw&to=now%2FM',
    'https://zabbix.example.com/zabbix.php?action=x&from=9999-12-31%2023%3A59%3A59&to=now',
    'https://zabbix.example.com/zabbix/charts.php?graphid=1&period=9999999999&stime=99991231235959',
    'https://xi.example.com/nagiosxi/perfgraphs/?view=4&end=99999999999999',
    'https://xi.example.com/nagiosxi/perfgraphs/?startdate=9999-12-31&enddate=0000-01-01',
  ])('answers hostile input without throwing: %s', (url) => {
    for (const recognizer of MINE) expect(() => recognizer(new URL(url), NOW, 'Australia/Lord_Howe')).not.toThrow();
    expect(() => recognize(url, NOW, 'Australia/Lord_Howe')).not.toThrow();
  });
});
