import { describe, expect, it } from 'vitest';
import { recognizeDatadog } from '../../../src/capture/tools/datadog.ts';
import { expectNotRecognized, expectRecognized, expectRecognizedWithoutRange } from './expect-recognized.ts';

// Saturday 28 November 2026, 09:10 UTC.
const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2027-01-15T00:00:00.000Z');

describe('recognizeDatadog', () => {
  it.each([
    {
      // Live dashboard link written by Datadog (refresh_mode=sliding, live=true), from a public
      // project's navigation config: a one-day span that slides to now.
      url: 'https://app.datadoghq.com/dashboard/4vk-yhn-iju/obsevability-ops?fromUser=false&refresh_mode=sliding&from_ts=1762247296394&to_ts=1762333696394&live=true',
      range: { from: '2026-11-27T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
    {
      // dimagi/commcare-hq "Pillow Firefighting Guide": a widget full screen, itself live
      // (fullscreen_paused=false) over a paused dashboard, with a template variable.
      url: 'https://app.datadoghq.com/dashboard/ewu-jyr-udt/change-feeds-pillows?fromUser=false&fullscreen_end_ts=1755714546214&fullscreen_paused=false&fullscreen_refresh_mode=sliding&fullscreen_section=overview&fullscreen_start_ts=1755710946214&fullscreen_widget=210889790&refresh_mode=paused&tpl_var_pillow%5B0%5D=case-pillow&from_ts=1751388427080&to_ts=1751396936000',
      range: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'pillow:case-pillow',
      panel: '210889790',
    },
    {
      // department-of-veterans-affairs va.gov-team docs: US1-FED org subdomain, a paused window
      // with a focused tile.
      url: 'https://vagov.ddog-gov.com/dashboard/86m-u8e-z5x/authenticated-experience-profile?fromUser=false&refresh_mode=paused&from_ts=1744839001906&to_ts=1744842601906&live=false&tile_focus=2305414365356432',
      range: { from: '2025-04-16T21:30:01.906Z', to: '2025-04-16T22:30:01.906Z', relative: false },
      panel: '2305414365356432',
    },
    {
      // A 2015 blog-post load test: legacy `/dash/` URL, no `live` at all means fixed.
      url: 'https://app.datadoghq.com/dash/48571/testpython?from_ts=1430868324514&to_ts=1430868624514&tile_size=m&tile_focus=58807842',
      range: { from: '2015-05-05T23:25:24.514Z', to: '2015-05-05T23:30:24.514Z', relative: false },
      panel: '58807842',
    },
    {
      // A training-run log on the EU site: `from_ts` alone, live, grows until now.
      url: 'https://app.datadoghq.eu/logs?query=job_name%3Ateal-ecstatic-magpie-185617&from_ts=1781386790248&cols=job_name%2Cnode_rank&live=true',
      range: { from: '2026-06-13T21:39:50.248Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'job_name:teal-ecstatic-magpie-185617',
    },
    {
      // A shell helper opening Log Explorer for a transaction (its `$1` filled in): a live
      // 14-day span.
      url: 'https://app.datadoghq.com/logs?cols=service%2C%40custom.errorString.type&from_ts=1606136683000&index=&live=true&messageDisplay=inline&query=%40context.transactionId%3Aabc123&stream_sort=desc&to_ts=1607346283000',
      range: { from: '2026-11-14T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: '@context.transactionId:abc123',
    },
    {
      // cBioPortal monitoring docs: APM trace explorer, `start`/`end` with paused=false (live,
      // seven days).
      url: 'https://app.datadoghq.com/apm/traces?query=service%3Acbioportal%20env%3Aeks-public&agg_m=count&agg_m_source=base&agg_t=count&cols=core_service%2Ccore_resource_name%2Clog_duration%2Clog_http.method%2Clog_http.status_code&fromUser=false&historicalData=true&messageDisplay=inline&sort=desc&spanType=all&storage=hot&view=spans&start=1746553544332&end=1747158344332&paused=false',
      range: { from: '2026-11-21T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'service:cbioportal env:eks-public',
    },
    {
      // cBioPortal monitoring docs: software catalog endpoint stats, `start`/`end` without
      // `paused`.
      url: 'https://app.datadoghq.com/software?env=eks-public&fromUser=false&hostGroup=%2A&selectedComponent=endpoint&start=1746553729059&end=1747158529059',
      range: { from: '2025-05-06T17:48:49.059Z', to: '2025-05-13T17:48:49.059Z', relative: false },
    },
    {
      // Komodor docs, custom Datadog link template (`${epochStart}`… filled in): paused=true.
      url: 'https://app.datadoghq.com/apm/traces?query=service%3Acheckout%20kube_namespace%3Aprod%20env%3Aprod-eu&cols=core_service%2Ccore_resource_name&historicalData=true&messageDisplay=inline&sort=desc&streamTraces=true&start=1700000000000&end=1700003600000&paused=true',
      range: { from: '2023-11-14T22:13:20.000Z', to: '2023-11-14T23:13:20.000Z', relative: false },
      query: 'service:checkout kube_namespace:prod env:prod-eu',
    },
    {
      // A Japanese staging runbook: AP1 site dashboard without a time window.
      url: 'https://ap1.datadoghq.com/dashboard/n3w-s3y-enf/bookmark-manager---staging',
    },
    {
      // A deploy script's monitor link (`${query_encoded}` filled in): monitors search with `q=`.
      url: 'https://app.datadoghq.com/monitors/manage?q=service%3Aweb&order=desc',
      query: 'service:web',
    },
    {
      // Organization subdomain on US1 (Go tracer release checklist).
      url: 'https://ddstaging.datadoghq.com/dashboard/r92-2p7-shv/go-tracer',
    },
  ])('$url', ({ url, range, query, panel }) => {
    // Reopened weeks later, the frozen link shows the same instants.
    expectRecognized(recognizeDatadog, url, { tool: 'datadog', range, query, panel }, { now: NOW, later: LATER });
  });

  it('writes epoch milliseconds and live=false, leaving other parameters byte for byte', () => {
    const result = recognizeDatadog(
      new URL(
        'https://app.datadoghq.com/dashboard/4vk-yhn-iju/obsevability-ops?fromUser=false&refresh_mode=sliding&from_ts=1762247296394&to_ts=1762333696394&live=true',
      ),
      NOW,
    );
    expect(result?.frozenUrl).toBe(
      'https://app.datadoghq.com/dashboard/4vk-yhn-iju/obsevability-ops?fromUser=false&refresh_mode=paused&from_ts=1795770600000&to_ts=1795857000000&live=false',
    );
  });

  it('pins a full-screen widget with fullscreen_paused=true', () => {
    const result = recognizeDatadog(
      new URL(
        'https://app.datadoghq.com/dashboard/ewu-jyr-udt/x?fullscreen_end_ts=1755714546214&fullscreen_paused=false&fullscreen_start_ts=1755710946214&fullscreen_widget=210889790',
      ),
      NOW,
    );
    const frozen = new URL(result!.frozenUrl).searchParams;
    expect(frozen.get('fullscreen_paused')).toBe('true');
    expect(frozen.get('fullscreen_start_ts')).toBe('1795853400000');
    expect(frozen.get('fullscreen_end_ts')).toBe('1795857000000');
  });

  it.each([
    'https://docs.datadoghq.com/dashboards/guide/custom_time_frames/',
    'https://www.datadoghq.com/pricing/',
    'https://grafana.example.com/d/abc?from_ts=1744839001906&to_ts=1744842601906',
    'https://datadoghq.com.evil.example/dashboard/abc',
    'https://notdatadoghq.com/dashboard/abc',
  ])('is not Datadog: %s', (url) => {
    expectNotRecognized(recognizeDatadog, url, NOW);
  });

  it.each([
    'https://app.datadoghq.com/dashboard/abc?from_ts=yesterday&to_ts=1744842601906',
    'https://app.datadoghq.com/dashboard/abc?from_ts=1744842601906&to_ts=1744839001906',
    'https://app.datadoghq.com/dashboard/abc?from_ts=1744839001906&to_ts=soon&live=false',
    'https://app.datadoghq.com/dashboard/abc?from_ts=-5&to_ts=10',
    'https://app.datadoghq.com/dashboard/abc?from_ts=99999999999999999&to_ts=999999999999999999',
    'https://app.datadoghq.com/logs?query=%E0%A4%A',
  ])('keeps a broken window out of the range: %s', (url) => {
    expectRecognizedWithoutRange(recognizeDatadog, url, 'datadog', NOW);
  });
});
