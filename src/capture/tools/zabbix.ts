/**
 * Zabbix, self-hosted under any host and sub-path: dashboards and views (`zabbix.php?action=…`),
 * graphs (`history.php?action=showgraph&itemids[]=…`, `charts.php?graphid=…`, `chart2.php`),
 * screens, and the event page `tr_events.php?triggerid=…&eventid=…`, which is one alert: its
 * `eventid` is the clip's `ref`.
 *
 * Zabbix 4.0+ writes the window as `from`/`to` in its own grammar (see zabbix-time.ts), read in the
 * user's zone (`zone`; UTC when none is given). Zabbix 1.8–3.4 wrote `period` (seconds) and `stime`
 * (`YmdHis`, the start), with `isNow=1` for a window ending now. A frozen URL carries `from`/`to` as
 * `Y-m-d H:i:s` in the same zone, the form Zabbix's time selector shows and its frontend sends
 * (`from=2020-08-14%2000%3A00%3A00`); a legacy URL also gets its `stime`/`period` pinned, so the
 * link shows the same window on the old frontend it came from and on a current one.
 *
 * `sid` (the session id older frontends put in links) is never kept, with or without a range:
 * Zabbix's own `redirect()` strips it too (ui/include/func.inc.php).
 */
import type { Recognized } from '../recognized.ts';
import type { TimeRange } from '../../model/time-range.ts';
import { replaceQueryParams } from '../query-string.ts';
import { rangeFromMs } from '../instants.ts';
import { floorToSecond, formatCompactYmdHis, formatYmdHis, wallTimeAt, zoneOrUtc } from './wall-clock.ts';
import { isZabbixRelative, resolveLegacyStime, resolveZabbixTime } from './zabbix-time.ts';

const GRAPH_ACTIONS = new Set(['showgraph', 'showvalues', 'showlatest', 'batchgraph']);

/** Whether a page of this script name, with these parameters, can only be Zabbix's. */
const DISTINCT_SHAPES = new Map<string, (params: URLSearchParams) => boolean>([
  ['zabbix.php', (p) => p.has('action')],
  ['tr_events.php', (p) => p.has('triggerid') || p.has('eventid')],
  ['history.php', (p) => GRAPH_ACTIONS.has(p.get('action') ?? '') && firstItemId(p) !== undefined],
  ['charts.php', (p) => p.has('graphid')],
  ['chart2.php', (p) => p.has('graphid')],
  ['chart.php', (p) => firstItemId(p) !== undefined],
  ['screens.php', (p) => p.has('elementid')],
  ['httpdetails.php', (p) => p.has('httptestid')],
]);
// Further frontend pages, taken only on a host or path that names Zabbix.
const OTHER_SCRIPTS = new Set(['latest.php', 'events.php', 'overview.php', 'maps.php', 'slides.php', 'srv_status.php', 'index.php']);

export function recognizeZabbix(url: URL, now: Date, zone?: string): Recognized | undefined {
  const script = url.pathname.slice(url.pathname.lastIndexOf('/') + 1).toLowerCase();
  const params = url.searchParams;
  const shape = DISTINCT_SHAPES.get(script);
  const distinct = shape !== undefined && shape(params);
  if (!distinct && !(mentionsZabbix(url) && (shape !== undefined || OTHER_SCRIPTS.has(script)))) return undefined;

  const timeZone = zoneOrUtc(zone);
  const nowMs = floorToSecond(now.getTime());
  const updates: Record<string, string | null> = { sid: null };
  let range = modernRange(params, nowMs, timeZone);
  if (range !== undefined) {
    Object.assign(updates, absoluteFromTo(range, timeZone));
  } else {
    range = legacyRange(params, nowMs, timeZone);
    if (range !== undefined) {
      Object.assign(updates, absoluteFromTo(range, timeZone), {
        stime: formatCompactYmdHis(wallTimeAt(Date.parse(range.from), timeZone)),
        period: String((Date.parse(range.to) - Date.parse(range.from)) / 1000),
        ...(params.has('isNow') ? { isNow: '0' } : {}),
      });
    }
  }

  // Zabbix ids are unsigned 64-bit integers; anything else in the URL is not an event of this page.
  const eventId =
    script === 'tr_events.php'
      ? params
          .get('eventid')
          ?.trim()
          .match(/^\d{1,20}$/)?.[0]
      : undefined;
  const panel = params.get('graphid') ?? firstItemId(params);
  const untouched = range === undefined && !params.has('sid');
  const query = replaceQueryParams(url.search, updates);
  return {
    tool: 'zabbix',
    ...(eventId ? { ref: { kind: 'alert' as const, id: eventId } } : {}),
    ...(range ? { range } : {}),
    ...(panel ? { panel } : {}),
    frozenUrl: untouched ? url.href : `${url.origin}${url.pathname}${query === '' ? '' : `?${query}`}${url.hash}`,
  };
}

function mentionsZabbix(url: URL): boolean {
  return /zabbix/i.test(url.hostname) || /(^|\/)zabbix(\/|$)/i.test(url.pathname);
}

/** `itemids[]=5`, `itemids[0]=5`, `itemids%5B%5D=5` (decoded alike) or the older `itemid=5`. */
function firstItemId(params: URLSearchParams): string | undefined {
  for (const [key, value] of params) {
    if ((key === 'itemid' || /^itemids\[\d*\]$/.test(key)) && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function modernRange(params: URLSearchParams, nowMs: number, zone: string): TimeRange | undefined {
  const fromText = params.get('from');
  if (fromText === null || fromText.trim() === '') return undefined;
  const toText = params.get('to')?.trim() || 'now';
  const from = resolveZabbixTime(fromText, nowMs, zone, true);
  const to = resolveZabbixTime(toText, nowMs, zone, false);
  if (from === undefined || to === undefined) return undefined;
  return rangeFromMs(from, to, isZabbixRelative(fromText.trim()) || isZabbixRelative(toText));
}

/** Zabbix ≤ 3.4: `period` seconds from `stime`, or ending now when `isNow=1` or there is no `stime`. */
function legacyRange(params: URLSearchParams, nowMs: number, zone: string): TimeRange | undefined {
  const periodText = params.get('period')?.trim() ?? '';
  if (!/^\d{1,10}$/.test(periodText)) return undefined;
  const periodMs = Number(periodText) * 1000;
  const stime = params.get('stime')?.trim() ?? '';
  if (params.get('isNow') === '1' || stime === '') return rangeFromMs(nowMs - periodMs, nowMs, true);
  const start = resolveLegacyStime(stime, zone);
  return start === undefined ? undefined : rangeFromMs(start, start + periodMs, false);
}

function absoluteFromTo(range: TimeRange, zone: string): Record<string, string> {
  const at = (iso: string) => encodeURIComponent(formatYmdHis(wallTimeAt(Date.parse(iso), zone)));
  return { from: at(range.from), to: at(range.to) };
}
