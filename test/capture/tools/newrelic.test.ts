import { describe, it } from 'vitest';
import { recognizeNewRelic } from '../../../src/capture/tools/newrelic.ts';
import { expectNotRecognized, expectRecognizedWithoutRange } from './expect-recognized.ts';
import { expectFrozen } from './expect-frozen.ts';

// Saturday 28 November 2026, 09:10 UTC. Epoch ms 1795857000000.
const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2027-03-01T00:00:00.000Z');
const LAST_30M = { from: '2026-11-28T08:40:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true };

// Frozen URLs are written by hand in the form the New Relic One date-range userscript
// (netmarkjp/userscript-nr-date-time-range-picker) writes, which New Relic One reads before
// `duration`: `begin`/`end` in epoch ms where `duration` was, `duration` gone. Launcher links take
// `platform[timeRange][begin_time|end_time]`, as the flood.io and Fivetran link builders write them
// (with `platform[$isFallbackTimeRange]=false`).
// Panels are entity GUIDs decoded per newrelic/entity-definitions docs/entities/guid_spec.md
// (`MXxBUE18QVBQTElDQVRJT058MjM` is `1|APM|APPLICATION|23`).
describe('recognizeNewRelic', () => {
  it.each([
    {
      // World Cube Association server docs: an APM service overview, the last 30 minutes.
      url: 'https://one.newrelic.com/nr1-core/apm/overview/MTA2ODk1NHxBUE18QVBQTElDQVRJT058MTAzODUxNjM?account=1068954&duration=1800000&state=5b1b3f6a-f807-c41e-09cf-3c258213c127',
      range: LAST_30M,
      panel: '1068954|APM|APPLICATION|10385163',
      frozenUrl:
        'https://one.newrelic.com/nr1-core/apm/overview/MTA2ODk1NHxBUE18QVBQTElDQVRJT058MTAzODUxNjM?account=1068954&begin=1795855200000&end=1795857000000&state=5b1b3f6a-f807-c41e-09cf-3c258213c127',
    },
    {
      // A vault service README: APM features overview over 6 hours.
      url: 'https://one.newrelic.com/nr1-core/apm-features/overview/MTMzNDc2NnxBUE18QVBQTElDQVRJT058NDQwMTIxNjk1?account=1334766&duration=21600000&state=b7466c09-5bdc-87f2-a299-4b74e8ceec39',
      range: { from: '2026-11-28T03:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panel: '1334766|APM|APPLICATION|440121695',
      frozenUrl:
        'https://one.newrelic.com/nr1-core/apm-features/overview/MTMzNDc2NnxBUE18QVBQTElDQVRJT058NDQwMTIxNjk1?account=1334766&begin=1795835400000&end=1795857000000&state=b7466c09-5bdc-87f2-a299-4b74e8ceec39',
    },
    {
      // A Kubernetes assignment's README: Logs on the EU site.
      url: 'https://one.eu.newrelic.com/logger?account=8004007&duration=1800000&state=fc874668-3d3f-7546-cf49-b44c68263ec7',
      range: LAST_30M,
      frozenUrl: 'https://one.eu.newrelic.com/logger?account=8004007&begin=1795855200000&end=1795857000000&state=fc874668-3d3f-7546-cf49-b44c68263ec7',
    },
    {
      // An HML/PROD operations README: the alerts overview over three days.
      url: 'https://one.newrelic.com/alerts?account=8439293&duration=259200000',
      range: { from: '2026-11-25T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      frozenUrl: 'https://one.newrelic.com/alerts?account=8439293&begin=1795597800000&end=1795857000000',
    },
    {
      // A services table: an explorer launcher link (`platform[timeRange][duration]`) whose pane names
      // the entity.
      url: 'https://one.newrelic.com/launcher/nr1-core.explorer?platform[tvMode]=false&platform[accountId]=370406&platform[filters]=Iihkb21haW4gPSAnQVBNJyBBTkQgdHlwZSA9ICdBUFBMSUNBVElPTicpIg==&platform[timeRange][duration]=1800000&platform[$isFallbackTimeRange]=true&pane=eyJuZXJkbGV0SWQiOiJhcG0tbmVyZGxldHMub3ZlcnZpZXciLCJlbnRpdHlHdWlkIjoiTXpjd05EQTFmRUZRVFh4QlVGQk1TVU5CVkVsUFRud3hOekk0T1RneE5ETSIsImlzT3ZlcnZpZXciOnRydWV9',
      range: LAST_30M,
      panel: '370405|APM|APPLICATION|172898143',
      frozenUrl:
        'https://one.newrelic.com/launcher/nr1-core.explorer?platform[tvMode]=false&platform[accountId]=370406&platform[filters]=Iihkb21haW4gPSAnQVBNJyBBTkQgdHlwZSA9ICdBUFBMSUNBVElPTicpIg==&platform[timeRange][begin_time]=1795855200000&platform[timeRange][end_time]=1795857000000&platform[$isFallbackTimeRange]=false&pane=eyJuZXJkbGV0SWQiOiJhcG0tbmVyZGxldHMub3ZlcnZpZXciLCJlbnRpdHlHdWlkIjoiTXpjd05EQTFmRUZRVFh4QlVGQk1TVU5CVkVsUFRud3hOekk0T1RneE5ETSIsImlzT3ZlcnZpZXciOnRydWV9',
    },
    {
      // Massachusetts PFML docs: a saved Logs view; the launcher state carries the log query.
      url: 'https://one.newrelic.com/launcher/logger.log-launcher?platform[accountId]=2837112&platform[$isFallbackTimeRange]=true&platform[timeRange][duration]=1800000&launcher=eyJxdWVyeSI6ImF3cy5sb2dHcm91cDpcInNlcnZpY2UvcGZtbC1hcGktdGVzdC9lY3MtdGFza3NcIiAtbGV2ZWxuYW1lOkFVRElUIiwiZXZlbnRUeXBlcyI6WyJMb2ciXSwiYWN0aXZlVmlldyI6IlZpZXcgQWxsIExvZ3MiLCJpc0VudGl0bGVkIjp0cnVlLCJhdHRycyI6WyJhd3MubG9nU3RyZWFtIiwibGV2ZWxuYW1lIiwidGltZXN0YW1wIiwibmFtZSIsImZ1bmNOYW1lIiwiYXdzLmxvZ0dyb3VwIiwibWVzc2FnZSJdLCJiZWdpbiI6bnVsbCwiZW5kIjpudWxsfQ==&pane=eyJuZXJkbGV0SWQiOiJsb2dnZXIuaG9tZSIsIiRzZGtWZXJzaW9uIjozfQ==&state=40e1ffea-4230-c73f-5e18-4f1427542446',
      range: LAST_30M,
      query: 'aws.logGroup:"service/pfml-api-test/ecs-tasks" -levelname:AUDIT',
      frozenUrl:
        'https://one.newrelic.com/launcher/logger.log-launcher?platform[accountId]=2837112&platform[$isFallbackTimeRange]=false&platform[timeRange][begin_time]=1795855200000&platform[timeRange][end_time]=1795857000000&launcher=eyJxdWVyeSI6ImF3cy5sb2dHcm91cDpcInNlcnZpY2UvcGZtbC1hcGktdGVzdC9lY3MtdGFza3NcIiAtbGV2ZWxuYW1lOkFVRElUIiwiZXZlbnRUeXBlcyI6WyJMb2ciXSwiYWN0aXZlVmlldyI6IlZpZXcgQWxsIExvZ3MiLCJpc0VudGl0bGVkIjp0cnVlLCJhdHRycyI6WyJhd3MubG9nU3RyZWFtIiwibGV2ZWxuYW1lIiwidGltZXN0YW1wIiwibmFtZSIsImZ1bmNOYW1lIiwiYXdzLmxvZ0dyb3VwIiwibWVzc2FnZSJdLCJiZWdpbiI6bnVsbCwiZW5kIjpudWxsfQ==&pane=eyJuZXJkbGV0SWQiOiJsb2dnZXIuaG9tZSIsIiRzZGtWZXJzaW9uIjozfQ==&state=40e1ffea-4230-c73f-5e18-4f1427542446',
    },
    {
      // A screenshot tool's CSV of link templates (`START_TIMESTAMP`/`END_TIMESTAMP` filled in):
      // an absolute launcher window stays as it is.
      url: 'https://one.newrelic.com/launcher/nr1-core.explorer?platform[timeRange][begin_time]=1744839001906&platform[timeRange][end_time]=1744842601906',
      range: { from: '2025-04-16T21:30:01.906Z', to: '2025-04-16T22:30:01.906Z', relative: false },
      frozenUrl:
        'https://one.newrelic.com/launcher/nr1-core.explorer?platform[timeRange][begin_time]=1744839001906&platform[timeRange][end_time]=1744842601906',
    },
    {
      // `begin`/`end` win over a `duration` also present (the userscript reads them first), and the
      // frozen URL keeps only them.
      url: 'https://one.newrelic.com/nr1-core/apm/overview/MTA2ODk1NHxBUE18QVBQTElDQVRJT058MTAzODUxNjM?account=1068954&duration=1800000&begin=1744839001906&end=1744842601906',
      range: { from: '2025-04-16T21:30:01.906Z', to: '2025-04-16T22:30:01.906Z', relative: false },
      panel: '1068954|APM|APPLICATION|10385163',
      frozenUrl:
        'https://one.newrelic.com/nr1-core/apm/overview/MTA2ODk1NHxBUE18QVBQTElDQVRJT058MTAzODUxNjM?account=1068954&begin=1744839001906&end=1744842601906',
    },
  ])('$url', ({ url, range, panel, query, frozenUrl }) => {
    expectFrozen(recognizeNewRelic, url, { tool: 'newrelic', range, panel, query, frozenUrl }, { now: NOW, later: LATER });
  });

  it.each([
    {
      // New Relic's default webhook payload (`issueUrl`), as in Zulip's New Relic integration fixtures.
      url: 'https://radar-api.service.newrelic.com/accounts/4420147/issues/c5faa7e6-7b54-402d-af79-f99601e0278c?notifier=WEBHOOK',
      id: 'c5faa7e6-7b54-402d-af79-f99601e0278c',
    },
    {
      // The same link from a PagerDuty account integration, as forwarded in an alert email.
      url: 'https://radar-api.service.newrelic.com/accounts/3201025/issues/2416b0d0-c4ce-49cf-8ee5-4e21ab76ebc9?notifier=PAGERDUTY_ACCOUNT_INTEGRATION',
      id: '2416b0d0-c4ce-49cf-8ee5-4e21ab76ebc9',
    },
    {
      // Zulip's fixtures for the older alerts webhook: an incident page.
      url: 'https://alerts.newrelic.com/accounts/2941966/incidents/1234',
      id: '1234',
    },
    {
      // New Relic's own GraphQL fixture (`violationUrl`): a violation of an incident.
      url: 'https://alerts.newrelic.com/accounts/630060/incidents/114002461/violations?id=782921508',
      id: '114002461',
    },
  ])('takes the alert id from $url', ({ url, id }) => {
    expectFrozen(recognizeNewRelic, url, { tool: 'newrelic', ref: { kind: 'alert', id }, frozenUrl: url }, { now: NOW, later: LATER });
  });

  it('takes the incident from nerdlet state (a sidebar naming `incidentId`)', () => {
    // {"nerdletId":"alerting-ui-classic.incident-details","incidentId":"5437"}, as a demo data generator
    // links incident details.
    const url =
      'https://one.newrelic.com/launcher/nrai.launcher?pane=eyJuZXJkbGV0SWQiOiJhbGVydGluZy11aS1jbGFzc2ljLmluY2lkZW50cyJ9&sidebars=eyJuZXJkbGV0SWQiOiJhbGVydGluZy11aS1jbGFzc2ljLmluY2lkZW50LWRldGFpbHMiLCJpbmNpZGVudElkIjoiNTQzNyJ9';
    expectFrozen(recognizeNewRelic, url, { tool: 'newrelic', ref: { kind: 'alert', id: '5437' }, frozenUrl: url }, { now: NOW, later: LATER });
  });

  it.each([
    {
      // A DevOps assignment's README: a dashboard by GUID, no window in the URL.
      url: 'https://one.newrelic.com/dashboards/detail/ODQzOTI5M3xWSVp8REFTSEJPQVJEfGRhOjEzMTY1MzEw?account=8439293',
      panel: '8439293|VIZ|DASHBOARD|da:13165310',
    },
    {
      // The GSA data.gov weekly checklist: the incidents list of an account, no single alert.
      url: 'https://alerts.newrelic.com/accounts/1601367/incidents',
    },
    {
      // Whatever is not an incident number or issue UUID is not taken for an alert id.
      url: 'https://alerts.newrelic.com/accounts/1601367/incidents/%3Cb%3Ehi%3C%2Fb%3E',
    },
  ])('reads $url without a window', ({ url, panel }) => {
    expectFrozen(recognizeNewRelic, url, { tool: 'newrelic', panel, frozenUrl: url }, { now: NOW, later: LATER });
  });

  it.each([
    'https://one.newrelic.com/nr1-core?account=1&duration=soon',
    'https://one.newrelic.com/nr1-core?account=1&duration=99999999999999999',
    'https://one.newrelic.com/nr1-core?account=1&begin=yesterday&end=1744842601906',
    'https://one.newrelic.com/nr1-core?account=1&begin=1744842601906&end=1744839001906',
    'https://one.newrelic.com/launcher/nr1-core.explorer?platform[timeRange][begin_time]=1&platform[timeRange][end_time]=later',
    'https://one.newrelic.com/launcher/nr1-core.explorer?pane=%E0%A4%A&cards[0]=not-base64!',
  ])('keeps a window it cannot read out of the range: %s', (url) => {
    expectRecognizedWithoutRange(recognizeNewRelic, url, 'newrelic', NOW);
  });

  it.each([
    'https://docs.newrelic.com/docs/new-relic-solutions/tutorials/add-time-picker/',
    'https://newrelic.com/pricing',
    'https://api.newrelic.com/v2/applications.json',
    'https://download.newrelic.com/php_agent/release/',
    'https://one.newrelic.com.evil.example/nr1-core?duration=1800000',
    'https://app.datadoghq.com/dashboard/abc?duration=1800000',
  ])('is not New Relic: %s', (url) => {
    expectNotRecognized(recognizeNewRelic, url, NOW);
  });
});
