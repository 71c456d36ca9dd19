import { describe, it } from 'vitest';
import { recognizeZabbix } from '../../../src/capture/tools/zabbix.ts';
import { expectNotRecognized, expectRecognizedWithoutRange } from './expect-recognized.ts';
import { expectFrozen } from './expect-frozen.ts';

// Saturday 28 November 2026, 09:10 UTC: 04:10 EST in New York, where the user's Zabbix profile is set.
const NOW = new Date('2026-11-28T09:10:00.000Z');
// Tuesday 3 November 2026, 10:00 EST: two days after New York left summer time (Sunday 1 November,
// 02:00 EDT → 01:00 EST, a 25-hour day).
const AFTER_DST = new Date('2026-11-03T15:00:00.000Z');
const LATER = new Date('2027-03-01T00:00:00.000Z');
const NEW_YORK = 'America/New_York';

// Frozen URLs are written by hand in Zabbix's absolute `Y-m-d H:i:s` (the time period selector's
// absolute syntax, Zabbix manual "Time period selector"), in the user's zone, URL-encoded as the
// frontend sends it (`from=2020-08-14%2000%3A00%3A00`, from a Zabbix 4 access log of
// `jsrpc.php?…&pageFile=screens.php&from=…&to=…`).
describe('recognizeZabbix', () => {
  it.each([
    {
      // A node operator's dashboard link: the last five minutes.
      url: 'https://vision.prod.zeeve.net/zabbix.php?action=dashboard.view&dashboardid=423&from=now-5m&to=now',
      range: { from: '2026-11-28T09:05:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      frozenUrl: 'https://vision.prod.zeeve.net/zabbix.php?action=dashboard.view&dashboardid=423&from=2026-11-28%2004%3A05%3A00&to=2026-11-28%2004%3A10%3A00',
    },
    {
      // A network map generator's uplink links (`{base_url}history.php?action=showgraph&itemids[]={}
      // &from=now-1d&to=now`, filled in); the item is the panel.
      url: 'https://zabbix.example.com/history.php?action=showgraph&itemids[]=12345&from=now-1d&to=now',
      range: { from: '2026-11-27T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panel: '12345',
      frozenUrl: 'https://zabbix.example.com/history.php?action=showgraph&itemids[]=12345&from=2026-11-27%2004%3A10%3A00&to=2026-11-28%2004%3A10%3A00',
    },
    {
      // xxsokolov/Zabbix-Notification-Telegram's graph link template (`…&from=now-{range_time}`):
      // no `to`, which Zabbix takes as now.
      url: 'https://zabbix.example.com/zabbix/history.php?action=showgraph&itemids[]=27788&from=now-6h',
      range: { from: '2026-11-28T03:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panel: '27788',
      frozenUrl: 'https://zabbix.example.com/zabbix/history.php?action=showgraph&itemids[]=27788&from=2026-11-27%2022%3A10%3A00&to=2026-11-28%2004%3A10%3A00',
    },
    {
      // Zabbix manual, "Time period selector": precision `d` is Y-m-d 00:00:00 to 23:59:59, so
      // yesterday is now-1d/d to now-1d/d, New York's day.
      url: 'https://zabbix.example.com/zabbix.php?action=problem.view&from=now-1d%2Fd&to=now-1d%2Fd',
      range: { from: '2026-11-27T05:00:00.000Z', to: '2026-11-28T04:59:59.000Z', relative: true },
      frozenUrl: 'https://zabbix.example.com/zabbix.php?action=problem.view&from=2026-11-27%2000%3A00%3A00&to=2026-11-27%2023%3A59%3A59',
    },
    {
      // Same manual page: precision `w` runs from Monday 00:00:00 to Sunday 23:59:59 ("This week").
      url: 'https://zabbix.example.com/zabbix.php?action=problem.view&from=now%2Fw&to=now%2Fw',
      range: { from: '2026-11-23T05:00:00.000Z', to: '2026-11-30T04:59:59.000Z', relative: true },
      frozenUrl: 'https://zabbix.example.com/zabbix.php?action=problem.view&from=2026-11-23%2000%3A00%3A00&to=2026-11-29%2023%3A59%3A59',
    },
    {
      // The Zabbix 4 access log above: a screen with an absolute window, read in a Berlin profile
      // (CEST, UTC+2); already absolute, so it stays as it is.
      url: 'https://zabbix.example.com/zabbix/screens.php?elementid=58&from=2020-08-14%2000%3A00%3A00&to=2020-08-14%2006%3A00%3A00',
      zone: 'Europe/Berlin',
      range: { from: '2020-08-13T22:00:00.000Z', to: '2020-08-14T04:00:00.000Z', relative: false },
      frozenUrl: 'https://zabbix.example.com/zabbix/screens.php?elementid=58&from=2020-08-14%2000%3A00%3A00&to=2020-08-14%2006%3A00%3A00',
    },
    {
      // zabbix/zabbix CAbsoluteTimeParser: `YYYY[-MM[-DD]]…`; as the end, a month stands for its last
      // second. No zone given: UTC.
      url: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&from=2026-11-01&to=2026-11',
      zone: undefined,
      range: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T23:59:59.000Z', relative: false },
      frozenUrl: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&from=2026-11-01%2000%3A00%3A00&to=2026-11-30%2023%3A59%3A59',
    },
    {
      // Zabbix 3.x's graph widget link (`charts.php?graphid=…&period=…&stime=…`): stime is YmdHis in the
      // user's zone; the frozen link keeps the pinned legacy window and adds from/to.
      url: 'https://zabbix.example.com/zabbix/charts.php?graphid=524&period=3600&stime=20180101120000',
      range: { from: '2018-01-01T17:00:00.000Z', to: '2018-01-01T18:00:00.000Z', relative: false },
      panel: '524',
      frozenUrl:
        'https://zabbix.example.com/zabbix/charts.php?graphid=524&period=3600&stime=20180101120000&from=2018-01-01%2012%3A00%3A00&to=2018-01-01%2013%3A00%3A00',
    },
    {
      // A Zabbix 3.x graph image scraper's `chart2.php` with `isNow=1`: the last `period` seconds.
      url: 'https://zabbix.example.com/zabbix/chart2.php?graphid=524&period=86400&stime=20180101120000&isNow=1',
      range: { from: '2026-11-27T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      panel: '524',
      frozenUrl:
        'https://zabbix.example.com/zabbix/chart2.php?graphid=524&period=86400&stime=20261127041000&isNow=0&from=2026-11-27%2004%3A10%3A00&to=2026-11-28%2004%3A10%3A00',
    },
  ])('$url', (row) => {
    const { url, range, panel, frozenUrl } = row;
    const zone = 'zone' in row ? row.zone : NEW_YORK;
    expectFrozen(recognizeZabbix, url, { tool: 'zabbix', range, panel, frozenUrl }, { now: NOW, later: LATER, zone });
  });

  it.each([
    {
      // Three days back on the wall clock across the change: 73 hours.
      url: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&dashboardid=1&from=now-3d&to=now',
      range: { from: '2026-10-31T14:00:00.000Z', to: '2026-11-03T15:00:00.000Z', relative: true },
      frozenUrl: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&dashboardid=1&from=2026-10-31%2010%3A00%3A00&to=2026-11-03%2010%3A00%3A00',
    },
    {
      // A week back is seven wall-clock days (PHP `modify('-1 week')`): 169 hours.
      url: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&dashboardid=1&from=now-1w&to=now',
      range: { from: '2026-10-27T14:00:00.000Z', to: '2026-11-03T15:00:00.000Z', relative: true },
      frozenUrl: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&dashboardid=1&from=2026-10-27%2010%3A00%3A00&to=2026-11-03%2010%3A00%3A00',
    },
    {
      // The day of the change itself: midnight EDT to 23:59:59 EST, 25 hours less a second.
      url: 'https://zabbix.example.com/zabbix.php?action=problem.view&from=now-2d%2Fd&to=now-2d%2Fd',
      range: { from: '2026-11-01T04:00:00.000Z', to: '2026-11-02T04:59:59.000Z', relative: true },
      frozenUrl: 'https://zabbix.example.com/zabbix.php?action=problem.view&from=2026-11-01%2000%3A00%3A00&to=2026-11-01%2023%3A59%3A59',
    },
    {
      // 01:30 happens twice that night; PHP's DateTime (and so Zabbix) takes the first, EDT.
      url: 'https://zabbix.example.com/zabbix.php?action=problem.view&from=2026-11-01%2001%3A30%3A00&to=2026-11-01%2002%3A30%3A00',
      range: { from: '2026-11-01T05:30:00.000Z', to: '2026-11-01T07:30:00.000Z', relative: false },
      frozenUrl: 'https://zabbix.example.com/zabbix.php?action=problem.view&from=2026-11-01%2001%3A30%3A00&to=2026-11-01%2002%3A30%3A00',
    },
  ])('reads New York times across the end of summer time: $url', ({ url, range, frozenUrl }) => {
    expectFrozen(recognizeZabbix, url, { tool: 'zabbix', range, frozenUrl }, { now: AFTER_DST, later: LATER, zone: NEW_YORK });
  });

  it('steps months as PHP does: a month before 31 March is 3 March', () => {
    // CRelativeTimeParser applies offsets with DateTime::modify(), and PHP's manual notes that
    // 2001-01-31 +1 month is 2001-03-03: 31 February rolls over. Tuesday 31 March 2026, 12:00 EDT.
    expectFrozen(
      recognizeZabbix,
      'https://zabbix.example.com/zabbix.php?action=dashboard.view&from=now-1M&to=now',
      {
        tool: 'zabbix',
        range: { from: '2026-03-03T17:00:00.000Z', to: '2026-03-31T16:00:00.000Z', relative: true },
        frozenUrl: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&from=2026-03-03%2012%3A00%3A00&to=2026-03-31%2012%3A00%3A00',
      },
      { now: new Date('2026-03-31T16:00:00.000Z'), later: LATER, zone: NEW_YORK },
    );
  });

  it('steps the wall clock across a half-hour DST change (Lord Howe Island, 4 October 2026)', () => {
    // Monday 5 October 2026, 11:00 at UTC+11; two days before, 11:00 was at UTC+10:30: 47.5 hours.
    expectFrozen(
      recognizeZabbix,
      'https://zabbix.example.com/zabbix.php?action=dashboard.view&from=now-2d&to=now',
      {
        tool: 'zabbix',
        range: { from: '2026-10-03T00:30:00.000Z', to: '2026-10-05T00:00:00.000Z', relative: true },
        frozenUrl: 'https://zabbix.example.com/zabbix.php?action=dashboard.view&from=2026-10-03%2011%3A00%3A00&to=2026-10-05%2011%3A00%3A00',
      },
      { now: new Date('2026-10-05T00:00:00.000Z'), later: LATER, zone: 'Australia/Lord_Howe' },
    );
  });

  it.each([
    {
      // An older frontend's event link carrying the session id (`sid`, as in the access log above):
      // the event is the alert, and the session never leaves in the frozen URL.
      url: 'https://zabbix.example.com/zabbix/tr_events.php?triggerid=13926&eventid=4566&sid=4ba6d2a6e4a0b2b5',
      ref: { kind: 'alert' as const, id: '4566' },
      frozenUrl: 'https://zabbix.example.com/zabbix/tr_events.php?triggerid=13926&eventid=4566',
    },
    {
      // A service-desk webhook contract's `problemUrl` (`tr_events.php?triggerid=…&eventid=…`, the
      // link Zabbix's own event lists write).
      url: 'http://localhost:8081/tr_events.php?triggerid=61119&eventid=90528',
      ref: { kind: 'alert' as const, id: '90528' },
      frozenUrl: 'http://localhost:8081/tr_events.php?triggerid=61119&eventid=90528',
    },
    {
      // A Telegram bot's "open in Zabbix" button: a trigger's events, no single event.
      url: 'https://zabbix.yourcompany.com/tr_events.php?triggerid=123',
      ref: undefined,
      frozenUrl: 'https://zabbix.yourcompany.com/tr_events.php?triggerid=123',
    },
    {
      // Zabbix ids are integers: page text posing as an event id is not taken for one.
      url: 'https://zabbix.example.com/tr_events.php?triggerid=123&eventid=1%3Cb%3Ehi',
      ref: undefined,
      frozenUrl: 'https://zabbix.example.com/tr_events.php?triggerid=123&eventid=1%3Cb%3Ehi',
    },
  ])('reads the event page $url', ({ url, ref, frozenUrl }) => {
    expectFrozen(recognizeZabbix, url, { tool: 'zabbix', ref, frozenUrl }, { now: NOW, later: LATER, zone: NEW_YORK });
  });

  it.each([
    'https://zabbix.example.com/zabbix.php?action=dashboard.view&from=now-1x&to=now',
    'https://zabbix.example.com/zabbix.php?action=dashboard.view&from=2026-02-31%2000%3A00%3A00&to=now',
    'https://zabbix.example.com/zabbix.php?action=dashboard.view&from=now&to=now-1h',
    'https://zabbix.example.com/zabbix.php?action=dashboard.view&from=now-99999999999y&to=now',
    'https://zabbix.example.com/zabbix/charts.php?graphid=524&period=an-hour&stime=20180101120000',
    'https://zabbix.example.com/zabbix/charts.php?graphid=524&period=3600&stime=2018-01-01',
  ])('keeps a window it cannot read out of the range: %s', (url) => {
    expectRecognizedWithoutRange(recognizeZabbix, url, 'zabbix', NOW);
  });

  it.each([
    'https://example.com/history.php?page=2',
    'https://example.com/charts.php',
    'https://forum.example.com/index.php?topic=5&from=now-1h',
    'https://example.com/events.php?triggerid=3',
    'https://www.zabbix.com/documentation/current/en/manual/web_interface/time_period_selector',
    'https://grafana.example.com/d/abc/zabbix-overview?from=now-1h&to=now',
  ])('is not Zabbix: %s', (url) => {
    expectNotRecognized(recognizeZabbix, url, NOW);
  });
});
