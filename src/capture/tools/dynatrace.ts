/**
 * Dynatrace: SaaS (`<env>.live.dynatrace.com`, the platform's `<env>.apps.dynatrace.com`, the
 * `dynatracelabs.com` sprint and dev tenants), Managed on Dynatrace's domain
 * (`<cluster>.dynatrace-managed.com/e/<env>/`) or on the customer's own (`/e/<env-uuid>/` with the
 * classic UI's state in the URL). A problem's page (`#problems/problemdetails;…;pid=…`) is an alert:
 * its `pid` is the clip's `ref`; an entity id in the state (`HOST-…`, `SERVICE-…`) is the `panel`.
 *
 * The classic UI keeps its state as `;key=value` segments in the fragment (`#dashboard;id=…;gf=…;
 * gtf=…`), or as query parameters on `/ui/…` routes (`/ui/services?gtf=-24h+to+now&gf=all`). The
 * global timeframe `gtf` is one of:
 * - `c_<fromMs>_<toMs>`: absolute (what Dynatrace's own links and the keptn dynatrace-service write);
 * - `l_<n>_<MINUTES|HOURS|DAYS|WEEKS>`: the last n units (the older presets, `l_2_HOURS`);
 * - an expression `<start>[ to <end>]` of `now` and offsets (`-2h`, `-24h to now`, `-1d/d`), or the
 *   word `today` (midnight to now). Rounding (`/d`, and `today`'s midnight) happens in the user's
 *   zone (`zone`, else UTC); we round both ends down, so `-1d/d to now/d` is yesterday up to midnight;
 * - `p_<problem>`: a problem's own timeframe, which the URL does not give: no range.
 * The new platform's apps write `from`/`to` in the query, or in the fragment for dashboards, as DQL
 * time (`now()-2h`, `now()`, `now()-1d@d`) or ISO-8601 instants.
 *
 * Frozen: `gtf=c_<fromMs>_<toMs>` where the `gtf` was, or ISO instants in the platform's `from`/`to`;
 * everything else is kept as it was.
 */
import type { Recognized } from '../recognized.ts';
import type { TimeRange } from '../../model/time-range.ts';
import { lenientDecode, replaceQueryParams } from '../query-string.ts';
import { DURATION_UNIT_MS, epochMillisToIso, isoToIso, rangeFromMs } from '../instants.ts';
import { resolveTime } from '../relative-time.ts';
import { zoneOrUtc } from './wall-clock.ts';

const DYNATRACE_HOST = /\.(live\.dynatrace\.com|apps\.dynatrace\.com|dynatracelabs\.com|dynatrace-managed\.com)$/i;
// Managed environments are UUIDs (`/e/9aaf0a6a-09f4-460b-860e-72acedadd4d4/`).
const MANAGED_PATH = /^\/e\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\/|$)/i;
const ENTITY_ID = /^[A-Z][A-Z0-9_]*-[0-9A-F]{16}$/;

// Maps: keyed by URL text.
const LAST_UNIT_MS = new Map([
  ['MINUTES', DURATION_UNIT_MS.m],
  ['HOURS', DURATION_UNIT_MS.h],
  ['DAYS', DURATION_UNIT_MS.d],
  ['WEEKS', DURATION_UNIT_MS.w],
]);

interface ClassicState {
  route: string;
  values: Map<string, string>;
}

export function recognizeDynatrace(url: URL, now: Date, zone?: string): Recognized | undefined {
  const onDynatraceHost = DYNATRACE_HOST.test(url.hostname);
  if (!onDynatraceHost && !MANAGED_PATH.test(url.pathname)) return undefined;
  const fragment = url.hash.startsWith('#') ? url.hash.slice(1) : '';
  const classic = classicFragment(fragment);
  const params = url.searchParams;
  if (!onDynatraceHost) {
    // A customer's own Managed host: the `/e/<env>/` path is Dynatrace's only with the classic UI's state.
    const hasState = classic?.values.has('gtf') === true || classic?.values.has('gf') === true || params.has('gtf') || params.has('gf');
    if (!hasState) return undefined;
  }

  const timeZone = zoneOrUtc(zone);
  const fragmentParams = classic === undefined ? new URLSearchParams(fragment) : undefined;
  let range: TimeRange | undefined;
  let frozenSearch = url.search;
  let frozenHash = url.hash;

  const gtfInFragment = classic?.values.get('gtf');
  const gtfInQuery = params.get('gtf') ?? undefined;
  const gtf = gtfInFragment ?? gtfInQuery;
  if (gtf !== undefined) {
    range = readGtf(gtf, now, timeZone);
    if (range !== undefined) {
      const frozen = `c_${Date.parse(range.from)}_${Date.parse(range.to)}`;
      if (gtfInFragment !== undefined) frozenHash = `#${replaceSegment(fragment, 'gtf', frozen)}`;
      if (gtfInQuery !== undefined) frozenSearch = `?${replaceQueryParams(url.search, { gtf: frozen })}`;
    }
  } else {
    const inQuery = params.has('from');
    const platform = inQuery ? params : fragmentParams?.has('from') ? fragmentParams : undefined;
    if (platform !== undefined) {
      range = readPlatform(platform.get('from') ?? '', platform.get('to') ?? 'now()', now, timeZone);
      if (range !== undefined) {
        const updates = { from: range.from, to: range.to };
        if (inQuery) frozenSearch = `?${replaceQueryParams(url.search, updates)}`;
        else frozenHash = `#${replaceQueryParams(fragment, updates)}`;
      }
    }
  }

  const pid = classic !== undefined && /problemdetails/i.test(classic.route) ? classic.values.get('pid') : undefined;
  const problem = pid !== undefined && /^[\w-]{1,100}$/.test(pid) ? pid : undefined;
  const panel = entityId(classic, params);
  const query = params.get('query')?.trim() || undefined;
  return {
    tool: 'dynatrace',
    ...(problem ? { ref: { kind: 'alert' as const, id: problem } } : {}),
    ...(range ? { range } : {}),
    ...(query ? { query } : {}),
    ...(panel ? { panel } : {}),
    frozenUrl: range ? `${url.origin}${url.pathname}${frozenSearch}${frozenHash}` : url.href,
  };
}

/** `dashboard;id=…;gtf=-2h` → route and values; `undefined` for a fragment of another shape. */
function classicFragment(fragment: string): ClassicState | undefined {
  if (fragment === '' || fragment.includes('&') || fragment.startsWith('/')) return undefined;
  const [route = '', ...rest] = fragment.split(';');
  if (route.includes('=')) return undefined;
  const values = new Map<string, string>();
  for (const segment of rest) {
    const eq = segment.indexOf('=');
    if (eq <= 0) continue;
    const key = segment.slice(0, eq);
    if (!values.has(key)) values.set(key, lenientDecode(segment.slice(eq + 1)));
  }
  return { route, values };
}

function replaceSegment(fragment: string, key: string, value: string): string {
  return fragment
    .split(';')
    .map((segment, i) => (i > 0 && segment.startsWith(`${key}=`) ? `${key}=${value}` : segment))
    .join(';');
}

function readGtf(text: string, now: Date, zone: string): TimeRange | undefined {
  const value = text.trim();
  const custom = /^c_(\d{1,16})_(\d{1,16})$/.exec(value);
  if (custom !== null) {
    const from = epochMillisToIso(custom[1] ?? '');
    const to = epochMillisToIso(custom[2] ?? '');
    return from && to ? rangeFromMs(Date.parse(from), Date.parse(to), false) : undefined;
  }
  const nowMs = now.getTime();
  const last = /^l_(\d{1,6})_([A-Z]+)$/.exec(value);
  if (last !== null) {
    const unitMs = LAST_UNIT_MS.get(last[2] ?? '');
    return unitMs === undefined ? undefined : rangeFromMs(nowMs - Number(last[1]) * unitMs, nowMs, true);
  }
  const words = value.toLowerCase();
  if (words === 'today') return expressionRange('now/d', 'now', now, zone);
  const [start = '', end = 'now', extra] = value.split(/\s+to\s+/i);
  if (extra !== undefined) return undefined;
  const math = (expr: string) => {
    const e = expr.trim();
    return e.startsWith('now') ? e : /^[+-]/.test(e) ? `now${e}` : undefined;
  };
  const from = math(start);
  const to = math(end);
  return from === undefined || to === undefined ? undefined : expressionRange(from, to, now, zone);
}

function expressionRange(from: string, to: string, now: Date, zone: string): TimeRange | undefined {
  const start = resolveTime(from, now, { timeZone: zone });
  const end = resolveTime(to, now, { timeZone: zone });
  if (start === undefined || end === undefined) return undefined;
  return rangeFromMs(start.getTime(), end.getTime(), true);
}

/** DQL time (`now()-2h`, `now()-1d@d`) or an ISO-8601 instant, as the platform writes `from`/`to`. */
function readPlatform(fromText: string, toText: string, now: Date, zone: string): TimeRange | undefined {
  const read = (text: string): { ms: number; relative: boolean } | undefined => {
    const value = text.trim();
    const dql = /^now\(\)((?:[+-]\d{1,10}[smhdwMqy])*)(?:@([smhdwMqy]))?$/.exec(value);
    if (dql !== null) {
      const [, offsets = '', round] = dql;
      // DQL's `@d` rounds down like Grafana's `/d`; its quarter unit is `q`.
      const math = `now${offsets}${round === undefined ? '' : `/${round}`}`.replace(/q/g, 'Q');
      const t = resolveTime(math, now, { timeZone: zone });
      return t === undefined ? undefined : { ms: t.getTime(), relative: true };
    }
    const iso = isoToIso(value, { zoneless: 'reject' });
    return iso === undefined ? undefined : { ms: Date.parse(iso), relative: false };
  };
  const from = read(fromText);
  const to = read(toText);
  if (from === undefined || to === undefined) return undefined;
  return rangeFromMs(from.ms, to.ms, from.relative || to.relative);
}

/** A Dynatrace entity the page is about (`HOST-…`, `SERVICE-…`, `APPLICATION-…`), as written. */
function entityId(classic: ClassicState | undefined, params: URLSearchParams): string | undefined {
  const candidates = [...(classic?.values.values() ?? []), ...params.values()];
  return candidates.find((value) => ENTITY_ID.test(value));
}
