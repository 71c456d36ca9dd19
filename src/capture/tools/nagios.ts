/**
 * Nagios XI, self-hosted: every page lives under `/nagiosxi/`. Status pages
 * (`includes/components/xicore/status.php?show=hostdetail|servicedetail&host=…&service=…`) name a
 * host or service; performance graphs (`perfgraphs/?host=…&service=…&view=…&start=…&end=…`) show a
 * window. Read as XI's own code reads them (html/perfgraphs/index.php, the graph explorer's
 * `graph_format_start_time()`, and the PNP component's `PNP_VIEW_*` constants):
 *
 * - `start` (epoch seconds) wins; `end` is epoch seconds, or now when empty;
 * - otherwise `startdate`/`enddate`, local times (`Y-m-d H:i[:s]`, XI's default ISO-8601 date
 *   format) read in the user's zone (`zone`; UTC when none is given);
 * - otherwise a `view` preset ending now (or at `end`): 0 = 4 hours, 1 = 24 hours, 2 = 7 days,
 *   3 = 1 month, 4 = 1 year. Days, months and years step the wall clock in the user's zone, as
 *   PHP's `strtotime('-7 days')` does, so a week across a DST change is 167 or 169 hours.
 * A URL with none of these shows the user's saved default view, which the URL does not say.
 *
 * A frozen URL is the custom view: `view=99` (`PNP_VIEW_CUSTOM`, the "Custom" time period) with
 * `start`/`end` in epoch seconds, and `startdate`/`enddate` removed since they would override them.
 */
import type { Recognized } from '../recognized.ts';
import type { TimeRange } from '../../model/time-range.ts';
import { replaceQueryParams } from '../query-string.ts';
import { DURATION_UNIT_MS, epochSecondsToIso, rangeFromMs } from '../instants.ts';
import { floorToSecond, instantOfWallTime, isRealWallTime, wallTimeAt, zoneOrUtc } from './wall-clock.ts';

const HOUR_MS = DURATION_UNIT_MS.h;

/** `view` presets: fixed spans, or wall-clock steps back in the user's zone. */
const VIEWS = new Map<string, { ms: number } | { days: number } | { months: number }>([
  ['0', { ms: 4 * HOUR_MS }],
  ['1', { ms: 24 * HOUR_MS }],
  ['2', { days: 7 }],
  ['3', { months: 1 }],
  ['4', { months: 12 }],
]);

export function recognizeNagios(url: URL, now: Date, zone?: string): Recognized | undefined {
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const root = segments.findIndex((s) => s.toLowerCase() === 'nagiosxi');
  if (root === -1) return undefined;
  const params = url.searchParams;
  const page = segments
    .slice(root + 1)
    .join('/')
    .toLowerCase();
  const host = params.get('host')?.trim() || undefined;
  const service = params.get('service')?.trim() || undefined;
  // Nagios's own notation for a service: `host;service` (as in external commands).
  const panel = host === undefined ? undefined : service === undefined ? host : `${host};${service}`;

  const isPerfgraph = page === 'perfgraphs' || page.startsWith('perfgraphs/');
  const range = isPerfgraph ? perfgraphRange(params, floorToSecond(now.getTime()), zoneOrUtc(zone)) : undefined;
  const frozenUrl = range
    ? `${url.origin}${url.pathname}?${replaceQueryParams(url.search, {
        view: '99',
        start: String(Date.parse(range.from) / 1000),
        end: String(Date.parse(range.to) / 1000),
        startdate: null,
        enddate: null,
      })}${url.hash}`
    : url.href;
  return { tool: 'nagios', ...(range ? { range } : {}), ...(panel ? { panel } : {}), frozenUrl };
}

function perfgraphRange(params: URLSearchParams, nowMs: number, zone: string): TimeRange | undefined {
  const endText = params.get('end')?.trim() ?? '';
  const endIso = endText === '' ? undefined : epochSecondsToIso(endText);
  if (endText !== '' && endIso === undefined) return undefined;
  const end = endIso === undefined ? nowMs : Date.parse(endIso);
  const relative = endIso === undefined;

  const startText = params.get('start')?.trim() ?? '';
  if (startText !== '') {
    const startIso = epochSecondsToIso(startText);
    return startIso === undefined ? undefined : rangeFromMs(Date.parse(startIso), end, relative);
  }

  const startDate = params.get('startdate')?.trim() ?? '';
  if (startDate !== '') {
    const from = localDateTime(startDate, zone);
    const endDate = params.get('enddate')?.trim() ?? '';
    const to = endDate === '' ? nowMs : localDateTime(endDate, zone);
    if (from === undefined || to === undefined) return undefined;
    return rangeFromMs(from, to, endDate === '');
  }

  const view = VIEWS.get(params.get('view')?.trim() ?? '');
  if (view === undefined) return undefined;
  let from: number | undefined;
  if ('ms' in view) {
    from = end - view.ms;
  } else {
    const wall = wallTimeAt(end, zone);
    if ('days' in view) wall.day -= view.days;
    else wall.month -= view.months;
    from = instantOfWallTime(wall, zone);
  }
  return from === undefined ? undefined : rangeFromMs(from, end, relative);
}

/** `2026-11-01 01:30[:00]` in `zone`. */
function localDateTime(text: string, zone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const wall = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s) };
  return isRealWallTime(wall) ? instantOfWallTime(wall, zone) : undefined;
}
