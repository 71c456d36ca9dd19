import { describe, it } from 'vitest';
import { recognizeNagios } from '../../../src/capture/tools/nagios.ts';
import { expectNotRecognized, expectRecognizedWithoutRange } from './expect-recognized.ts';
import { expectFrozen } from './expect-frozen.ts';

// Saturday 28 November 2026, 09:10 UTC (04:10 EST). Epoch seconds 1795857000.
const NOW = new Date('2026-11-28T09:10:00.000Z');
// Tuesday 3 November 2026, 10:00 EST, two days after New York left summer time. Epoch s 1793718000.
const AFTER_DST = new Date('2026-11-03T15:00:00.000Z');
const LATER = new Date('2027-03-01T00:00:00.000Z');
const NEW_YORK = 'America/New_York';

// URL forms are Nagios XI's own (html/perfgraphs/index.php; the perfdata dashlet's
// `xicore_dashlet_perfdata_chart_get_chart_url()`, which writes
// `perfgraphs/?&host=…&service=…&source=…&view=…&start=&end=&startdate=&enddate=&mode=…`; the status
// links of `get_service_status_detail_link()`). Views are the PNP component's constants:
// PNP_VIEW_4HOURS 0, PNP_VIEW_1DAY 1, PNP_VIEW_1WEEK 2, PNP_VIEW_1MONTH 3, PNP_VIEW_1YEAR 4 and
// PNP_VIEW_CUSTOM 99, the "Custom" time period whose `start`/`end` the graph uses as given
// (graph explorer `graph_format_start_time()`). Frozen URLs are written by hand in that custom form.
describe('recognizeNagios', () => {
  it.each([
    {
      url: 'https://xi.example.com/nagiosxi/perfgraphs/?&host=localhost&service=Current+Load&source=1&view=1&start=&end=&startdate=&enddate=&mode=2',
      range: { from: '2026-11-27T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panel: 'localhost;Current Load',
      frozenUrl: 'https://xi.example.com/nagiosxi/perfgraphs/?host=localhost&service=Current+Load&source=1&view=99&start=1795770600&end=1795857000&mode=2',
    },
    {
      url: 'https://xi.example.com/nagiosxi/perfgraphs/?&host=web01&service=_HOST_&source=1&view=0&start=&end=&startdate=&enddate=&mode=1',
      range: { from: '2026-11-28T05:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panel: 'web01;_HOST_',
      frozenUrl: 'https://xi.example.com/nagiosxi/perfgraphs/?host=web01&service=_HOST_&source=1&view=99&start=1795842600&end=1795857000&mode=1',
    },
    {
      // "Last 30 Days" is strtotime('-1 month'): 28 October, 04:10 EDT.
      url: 'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=db01&view=3',
      range: { from: '2026-10-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panel: 'db01',
      frozenUrl: 'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=db01&view=99&start=1793175000&end=1795857000',
    },
    {
      // "Last 365 Days" is strtotime('-1 year').
      url: 'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=db01&view=4',
      range: { from: '2025-11-28T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panel: 'db01',
      frozenUrl: 'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=db01&view=99&start=1764321000&end=1795857000',
    },
    {
      // A custom period in epoch seconds is already frozen.
      url: 'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=localhost&service=_HOST_&view=99&start=1700000000&end=1700003600',
      range: { from: '2023-11-14T22:13:20.000Z', to: '2023-11-14T23:13:20.000Z', relative: false },
      panel: 'localhost;_HOST_',
      frozenUrl: 'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=localhost&service=_HOST_&view=99&start=1700000000&end=1700003600',
    },
    {
      // A numeric `start` is used as given whatever the view; an empty `end` is now.
      url: 'https://xi.example.com/nagiosxi/perfgraphs/?host=localhost&service=_HOST_&source=1&start=1795850000&end=&mode=2',
      range: { from: '2026-11-28T07:13:20.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panel: 'localhost;_HOST_',
      frozenUrl: 'https://xi.example.com/nagiosxi/perfgraphs/?host=localhost&service=_HOST_&source=1&start=1795850000&end=1795857000&mode=2&view=99',
    },
  ])('$url', ({ url, range, panel, frozenUrl }) => {
    expectFrozen(recognizeNagios, url, { tool: 'nagios', range, panel, frozenUrl }, { now: NOW, later: LATER, zone: NEW_YORK });
  });

  it.each([
    {
      // "Last 7 Days" is strtotime('-7 days') on New York's wall clock: 27 October 10:00 EDT, 169 hours.
      url: 'https://xi.example.com/nagiosxi/perfgraphs/?&host=localhost&service=Current+Load&source=1&view=2&start=&end=&startdate=&enddate=&mode=2',
      range: { from: '2026-10-27T14:00:00.000Z', to: '2026-11-03T15:00:00.000Z', relative: true },
      frozenUrl: 'https://xi.example.com/nagiosxi/perfgraphs/?host=localhost&service=Current+Load&source=1&view=99&start=1793109600&end=1793718000&mode=2',
    },
    {
      // The custom From/To boxes (`startdate`/`enddate`) in the user's zone: 01:30 happens twice that
      // night and PHP takes the first (EDT); the frozen URL drops them for `start`/`end`.
      url: 'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=localhost&service=Current+Load&view=99&startdate=2026-11-01+01%3A30%3A00&enddate=2026-11-01+03%3A00%3A00',
      range: { from: '2026-11-01T05:30:00.000Z', to: '2026-11-01T08:00:00.000Z', relative: false },
      frozenUrl: 'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=localhost&service=Current+Load&view=99&start=1793511000&end=1793520000',
    },
  ])('reads New York times across the end of summer time: $url', ({ url, range, frozenUrl }) => {
    expectFrozen(recognizeNagios, url, { tool: 'nagios', range, panel: 'localhost;Current Load', frozenUrl }, { now: AFTER_DST, later: LATER, zone: NEW_YORK });
  });

  it.each([
    {
      url: 'https://xi.example.com/nagiosxi/includes/components/xicore/status.php?show=servicedetail&host=localhost&service=Current+Load&dest=auto',
      panel: 'localhost;Current Load',
    },
    { url: 'https://xi.example.com/nagiosxi/includes/components/xicore/status.php?show=hostdetail&host=localhost', panel: 'localhost' },
    { url: 'http://192.168.1.20/nagiosxi/', panel: undefined },
  ])('reads the status page $url', ({ url, panel }) => {
    expectFrozen(recognizeNagios, url, { tool: 'nagios', panel, frozenUrl: url }, { now: NOW, later: LATER, zone: NEW_YORK });
  });

  it.each([
    'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=localhost&start=soon&end=',
    'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=localhost&view=7',
    'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=localhost&view=99',
    'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=localhost&view=1&end=tomorrow',
    'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=localhost&view=99&startdate=11%2F01%2F2026&enddate=11%2F02%2F2026',
    'https://xi.example.com/nagiosxi/perfgraphs/index.php?host=localhost&view=99&start=1700003600&end=1700000000',
  ])('keeps a window it cannot read out of the range: %s', (url) => {
    expectRecognizedWithoutRange(recognizeNagios, url, 'nagios', NOW);
  });

  it.each([
    'https://example.com/perfgraphs/?host=localhost&view=1',
    'https://nagios.example.com/nagios/cgi-bin/status.cgi?host=all',
    'https://www.nagios.com/products/nagios-xi/',
    'https://example.com/blog/nagiosxi-review',
  ])('is not Nagios XI: %s', (url) => {
    expectNotRecognized(recognizeNagios, url, NOW);
  });
});
