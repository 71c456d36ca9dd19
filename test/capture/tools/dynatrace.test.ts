import { describe, expect, it } from 'vitest';
import { recognizeDynatrace } from '../../../src/capture/tools/dynatrace.ts';
import { expectNotRecognized, expectRecognizedWithoutRange } from './expect-recognized.ts';
import { expectFrozen } from './expect-frozen.ts';

// Saturday 28 November 2026, 09:10 UTC (04:10 in New York). Epoch ms 1795857000000.
const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2027-03-01T00:00:00.000Z');
const LAST_2H = { from: '2026-11-28T07:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true };
const LAST_24H = { from: '2026-11-27T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true };

// Every frozen URL below is the input with its `gtf` written by hand as Dynatrace's absolute
// `c_<fromMs>_<toMs>` (the form Dynatrace's own links and keptn's dynatrace-service `NewDashboardLink`
// write), or the platform's `from`/`to` as ISO instants; nothing else changes.
describe('recognizeDynatrace', () => {
  it.each([
    {
      // Dynatrace docs, "Dashboards Classic" › Markdown tile: the anchor example copied from a SaaS
      // address line, query form on a `/ui/` route.
      url: 'https://myenvironment.live.dynatrace.com/ui/deploymentstatus/oneagents?gtf=-2h&gf=all',
      range: LAST_2H,
      frozenUrl: 'https://myenvironment.live.dynatrace.com/ui/deploymentstatus/oneagents?gtf=c_1795849800000_1795857000000&gf=all',
    },
    {
      // Same page: the Hosts link in fragment form (`#newhosts;gtf=-2h;gf=all`).
      url: 'https://myenvironment.live.dynatrace.com/#newhosts;gtf=-2h;gf=all',
      range: LAST_2H,
      frozenUrl: 'https://myenvironment.live.dynatrace.com/#newhosts;gtf=c_1795849800000_1795857000000;gf=all',
    },
    {
      // A São Paulo police monitoring runbook: Managed on the customer's own host (`/e/<env>/`), a
      // dashboard with a management-zone filter.
      url: 'https://gerenciamentoapm.prodesp.sp.gov.br/e/9aaf0a6a-09f4-460b-860e-72acedadd4d4/#dashboard;gtf=-2h;gf=5355219715125557752;id=21558fd2-c172-42d0-a4cd-a80b88b1693b',
      range: LAST_2H,
      frozenUrl:
        'https://gerenciamentoapm.prodesp.sp.gov.br/e/9aaf0a6a-09f4-460b-860e-72acedadd4d4/#dashboard;gtf=c_1795849800000_1795857000000;gf=5355219715125557752;id=21558fd2-c172-42d0-a4cd-a80b88b1693b',
    },
    {
      // A NeoLoad Jenkinsfile printing the dashboard to watch during a test: `l_30_MINUTES`.
      url: 'https://vwv51099.live.dynatrace.com/#dashboard;id=b832b009-8a4d-45fa-8488-33214bf07443;gtf=l_30_MINUTES',
      range: { from: '2026-11-28T08:40:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      frozenUrl: 'https://vwv51099.live.dynatrace.com/#dashboard;id=b832b009-8a4d-45fa-8488-33214bf07443;gtf=c_1795855200000_1795857000000',
    },
    {
      // A Dynatrace-internal pipeline config: classic dashboards app on a dev platform tenant, `l_24_HOURS`.
      url: 'https://gmg80500.dev.apps.dynatracelabs.com/ui/apps/dynatrace.classic.dashboards/#dashboard;gtf=l_24_HOURS;gf=5271232584583297178;id=1ac9a6ed-491b-3d8f-8a18-fea616acf29b',
      range: LAST_24H,
      frozenUrl:
        'https://gmg80500.dev.apps.dynatracelabs.com/ui/apps/dynatrace.classic.dashboards/#dashboard;gtf=c_1795770600000_1795857000000;gf=5271232584583297178;id=1ac9a6ed-491b-3d8f-8a18-fea616acf29b',
    },
    {
      // A services runbook: a process group over `l_72_HOURS`; the entity id is the panel.
      url: 'https://rad43678.live.dynatrace.com/#processgroupdetails;id=PROCESS_GROUP-2534F6FCF5147FC1;gtf=l_72_HOURS;gf=all',
      range: { from: '2026-11-25T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panel: 'PROCESS_GROUP-2534F6FCF5147FC1',
      frozenUrl: 'https://rad43678.live.dynatrace.com/#processgroupdetails;id=PROCESS_GROUP-2534F6FCF5147FC1;gtf=c_1795597800000_1795857000000;gf=all',
    },
    {
      // A training agenda on the guu84124 demo tenant: `today`, from midnight (UTC without a zone).
      url: 'https://guu84124.live.dynatrace.com/#azure;id=AZURE_SUBSCRIPTION-2BED0374A04ADF85/azureRegions;gtf=today;gf=all',
      range: { from: '2026-11-28T00:00:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      frozenUrl: 'https://guu84124.live.dynatrace.com/#azure;id=AZURE_SUBSCRIPTION-2BED0374A04ADF85/azureRegions;gtf=c_1795824000000_1795857000000;gf=all',
    },
    {
      // A health-check bot's problem links on Managed (its `{problemId}` filled in): `today`, and the
      // problem is the alert.
      url: 'https://dtsaas.uhc.com/e/4944fc42-016d-4462-8104-a110143a2322/#problems/problemdetails;gtf=today;gf=all;pid=-2968663214739407461',
      range: { from: '2026-11-28T00:00:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      ref: { kind: 'alert' as const, id: '-2968663214739407461' },
      frozenUrl:
        'https://dtsaas.uhc.com/e/4944fc42-016d-4462-8104-a110143a2322/#problems/problemdetails;gtf=c_1795824000000_1795857000000;gf=all;pid=-2968663214739407461',
    },
    {
      // A Dynatrace enablement lab README: classic problems app on the platform, `-24h+to+now`.
      url: 'https://wkf10640.apps.dynatrace.com/ui/apps/dynatrace.classic.problems/ui/problems?gtf=-24h+to+now',
      range: LAST_24H,
      frozenUrl: 'https://wkf10640.apps.dynatrace.com/ui/apps/dynatrace.classic.problems/ui/problems?gtf=c_1795770600000_1795857000000',
    },
    {
      // A Selenium login script on Dynatrace-hosted Managed: `-24h%20to%20now`, other parameters kept.
      url: 'https://snf625.dynatrace-managed.com/e/367fef8e-4e50-4d71-9029-c4e067198777/ui/services?gtf=-24h%20to%20now&gf=-6895710036663692313&sorting=name;asc',
      range: LAST_24H,
      frozenUrl:
        'https://snf625.dynatrace-managed.com/e/367fef8e-4e50-4d71-9029-c4e067198777/ui/services?gtf=c_1795770600000_1795857000000&gf=-6895710036663692313&sorting=name;asc',
    },
    {
      // An Azure DevOps work item: a PurePath on Managed, already absolute (`c_…`), left as it is.
      url: 'https://pok523.dynatrace-managed.com/e/007b32db-9908-4111-bb61-1b68654d28f5/#trace;gtf=c_1733467358055_1733467966217;gf=all;traceId=ff0e33fb1e850d0356574c6b42e07207;timeframe=custom1733467783657to1733467904411;callURI=10419085Z1X11X0X5903217X20241205224829Y0Y0.session',
      range: { from: '2024-12-06T06:42:38.055Z', to: '2024-12-06T06:52:46.217Z', relative: false },
      frozenUrl:
        'https://pok523.dynatrace-managed.com/e/007b32db-9908-4111-bb61-1b68654d28f5/#trace;gtf=c_1733467358055_1733467966217;gf=all;traceId=ff0e33fb1e850d0356574c6b42e07207;timeframe=custom1733467783657to1733467904411;callURI=10419085Z1X11X0X5903217X20241205224829Y0Y0.session',
    },
    {
      // A platform landing page's tile: the Problems app with DQL time in the query
      // (`from=now()-24h&to=now()`).
      url: 'https://wkf10640.apps.dynatrace.com/ui/apps/dynatrace.davis.problems/?locationAppIds=http%3A%2F%2Flocalhost%3A3000%2Fui%2Clocal-dev-server&from=now%28%29-24h&to=now%28%29&filters=Category+in+%28Error%2C+Slowdown%29',
      range: LAST_24H,
      frozenUrl:
        'https://wkf10640.apps.dynatrace.com/ui/apps/dynatrace.davis.problems/?locationAppIds=http%3A%2F%2Flocalhost%3A3000%2Fui%2Clocal-dev-server&from=2026-11-27T09:10:00.000Z&to=2026-11-28T09:10:00.000Z&filters=Category+in+%28Error%2C+Slowdown%29',
    },
    {
      // A cost dashboard app linking a platform dashboard: variables and `from=now()-2h` in the fragment.
      url: 'https://guu84124.apps.dynatrace.com/ui/apps/dynatrace.dashboards/dashboard/dynatrace.distributedtracing.usage-traces#vfilter_Application=3420b2ac-f1cf-4b24-b62d-61ba1ba8ed05*&vfilter_User=3420b2ac-f1cf-4b24-b62d-61ba1ba8ed05*&from=now%28%29-2h&to=now%28%29',
      range: LAST_2H,
      frozenUrl:
        'https://guu84124.apps.dynatrace.com/ui/apps/dynatrace.dashboards/dashboard/dynatrace.distributedtracing.usage-traces#vfilter_Application=3420b2ac-f1cf-4b24-b62d-61ba1ba8ed05*&vfilter_User=3420b2ac-f1cf-4b24-b62d-61ba1ba8ed05*&from=2026-11-28T07:10:00.000Z&to=2026-11-28T09:10:00.000Z',
    },
    {
      // A web-vitals page: a classic web application on the platform, with the application as the panel.
      url: 'https://pte42846.apps.dynatrace.com/ui/apps/dynatrace.classic.frontend/#uemapplications/uemappmetrics;uemapplicationId=APPLICATION-E13E4678422D588C;gtf=-2h;gf=all',
      range: LAST_2H,
      panel: 'APPLICATION-E13E4678422D588C',
      frozenUrl:
        'https://pte42846.apps.dynatrace.com/ui/apps/dynatrace.classic.frontend/#uemapplications/uemappmetrics;uemapplicationId=APPLICATION-E13E4678422D588C;gtf=c_1795849800000_1795857000000;gf=all',
    },
  ])('$url', ({ url, range, ref, panel, frozenUrl }) => {
    expectFrozen(recognizeDynatrace, url, { tool: 'dynatrace', range, ref, panel, frozenUrl }, { now: NOW, later: LATER });
  });

  it('rounds `today` in the user zone: New York midnight is 05:00 UTC', () => {
    expectFrozen(
      recognizeDynatrace,
      'https://guu84124.live.dynatrace.com/#azure;id=AZURE_SUBSCRIPTION-2BED0374A04ADF85/azureRegions;gtf=today;gf=all',
      {
        tool: 'dynatrace',
        range: { from: '2026-11-28T05:00:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
        frozenUrl: 'https://guu84124.live.dynatrace.com/#azure;id=AZURE_SUBSCRIPTION-2BED0374A04ADF85/azureRegions;gtf=c_1795842000000_1795857000000;gf=all',
      },
      { now: NOW, later: LATER, zone: 'America/New_York' },
    );
  });

  it.each([
    // A chat bot's event links: the problem's own timeframe (`p_…`) is not in the URL.
    'https://demo.live.dynatrace.com/#processdetails;id=PROCESS_GROUP_INSTANCE-3ABDB501EFC8C4A4;gtf=p_-2968663214739407461;pid=-2968663214739407461',
    // A dashboard template collection's ids: a dashboard link with no timeframe of its own.
    'https://myenvironment.live.dynatrace.com/#dashboard;id=00000000-dddd-bbbb-ffff-000000000001',
    'https://abc12345.live.dynatrace.com/#dashboard;gtf=c_1795857000000_1795849800000',
    'https://abc12345.live.dynatrace.com/#dashboard;gtf=l_2_FORTNIGHTS',
    'https://abc12345.live.dynatrace.com/#dashboard;gtf=-2x',
    'https://abc12345.live.dynatrace.com/#dashboard;gtf=-2h to now to -1h',
    'https://abc12345.apps.dynatrace.com/ui/apps/dynatrace.davis.problems/?from=yesterday&to=now%28%29',
    'https://abc12345.apps.dynatrace.com/ui/apps/dynatrace.davis.problems/?from=2026-11-28T07:10:00&to=now%28%29',
  ])('keeps a window it cannot read out of the range: %s', (url) => {
    expectRecognizedWithoutRange(recognizeDynatrace, url, 'dynatrace', NOW);
  });

  it('names the entity of a page without a window as its panel', () => {
    expect(recognizeDynatrace(new URL('https://demo.live.dynatrace.com/#processdetails;id=PROCESS_GROUP_INSTANCE-3ABDB501EFC8C4A4;gtf=p_1'), NOW)?.panel).toBe(
      'PROCESS_GROUP_INSTANCE-3ABDB501EFC8C4A4',
    );
  });

  it.each([
    'https://www.dynatrace.com/support/help/dynatrace-api/environment-api/metric-v2/metric-selector/',
    'https://docs.dynatrace.com/docs/discover-dynatrace/references/dynatrace-api',
    'https://community.dynatrace.com/t5/Dynatrace-tips/Handling-Metric-Definition-Changes-in-a-Single-DQL-Timeseries/m-p/299066',
    // `/e/<env>/` alone is no mark of Dynatrace; a customer's host needs the classic state too.
    'https://shop.example.com/e/9aaf0a6a-09f4-460b-860e-72acedadd4d4/',
    // …and its environment is a UUID, not any word.
    'https://shop.example.com/e/summer-sale/#products;gtf=-2h',
    'https://grafana.example.com/d/abc/payments?gtf=-2h&gf=all',
    'https://live.dynatrace.com.evil.example/#dashboard;gtf=-2h',
    'https://example.com/blog/post#section;gtf=-2h',
  ])('is not Dynatrace: %s', (url) => {
    expectNotRecognized(recognizeDynatrace, url, NOW);
  });
});
