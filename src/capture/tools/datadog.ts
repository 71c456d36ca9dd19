/**
 * Datadog: dashboards (`/dashboard/<id>/<slug>`, legacy `/dash/<id>`, `/screen/<id>`), log, trace,
 * RUM and event explorers, monitors, synthetics, notebooks… on any Datadog site (US1
 * `app.datadoghq.com`, US3/US5/AP1/AP2/UK1 `<site>.datadoghq.com`, EU `app.datadoghq.eu`, US1-FED
 * `app.ddog-gov.com`) and any organization subdomain (`acme.datadoghq.com`, `vagov.ddog-gov.com`).
 * Datadog is SaaS only, so the host decides.
 *
 * Time windows, in the order a page applies them:
 * - a widget opened full screen: `fullscreen_start_ts`/`fullscreen_end_ts` (epoch ms), live while
 *   `fullscreen_paused=false` or `fullscreen_refresh_mode=sliding`;
 * - the page: `from_ts`/`to_ts` (epoch ms), live while `live=true` (or, without `live`,
 *   `refresh_mode=sliding`);
 * - APM and service pages: `start`/`end` (epoch ms), live while `paused=false`.
 * A live window slides: reopened, it shows the same span ending at that moment, so it resolves to
 * `[now - span, now]`. A `from_ts` without `to_ts` grows until now.
 *
 * The query is `query=` (logs, traces, RUM, events) or `q=` (monitors); a dashboard's template
 * variables (`tpl_var_service[0]=web`) stand in for it as `service:web`.
 */
import type { Recognized } from '../recognized.ts';
import type { TimeRange } from '../../model/time-range.ts';
import { replaceQueryParams } from '../query-string.ts';
import { epochMillisToIso, rangeFromMs } from '../instants.ts';

const DATADOG_HOST = /(^|\.)(datadoghq\.com|datadoghq\.eu|ddog-gov\.com)$/i;
// Documentation, marketing and API hosts share the domains but show no time window.
const NOT_APP_HOST = /^(docs|www|api|status|chat|trust|partners)\./i;

interface WindowKeys {
  from: string;
  to: string;
  /** Whether the window slides with the clock; `undefined` when the URL does not say. */
  live: (params: URLSearchParams) => boolean | undefined;
  /** Parameters that pin the window, written into the frozen URL. */
  pin: (params: URLSearchParams) => Record<string, string>;
}

const flag = (value: string | null): boolean | undefined => (value === 'true' ? true : value === 'false' ? false : undefined);
const slidingMode = (value: string | null): boolean | undefined => (value === 'sliding' ? true : value === 'paused' ? false : undefined);

const FULLSCREEN: WindowKeys = {
  from: 'fullscreen_start_ts',
  to: 'fullscreen_end_ts',
  live: (p) => {
    const paused = flag(p.get('fullscreen_paused'));
    return paused !== undefined ? !paused : slidingMode(p.get('fullscreen_refresh_mode'));
  },
  pin: (p) => ({
    fullscreen_paused: 'true',
    ...(p.has('fullscreen_refresh_mode') ? { fullscreen_refresh_mode: 'paused' } : {}),
  }),
};

const PAGE: WindowKeys = {
  from: 'from_ts',
  to: 'to_ts',
  live: (p) => flag(p.get('live')) ?? slidingMode(p.get('refresh_mode')),
  pin: (p) => ({ live: 'false', ...(p.has('refresh_mode') ? { refresh_mode: 'paused' } : {}) }),
};

const APM: WindowKeys = {
  from: 'start',
  to: 'end',
  live: (p) => {
    const paused = flag(p.get('paused'));
    return paused === undefined ? undefined : !paused;
  },
  pin: () => ({ paused: 'true' }),
};

export function recognizeDatadog(url: URL, now: Date): Recognized | undefined {
  if (!DATADOG_HOST.test(url.hostname) || NOT_APP_HOST.test(url.hostname)) return undefined;
  const params = url.searchParams;

  let range: TimeRange | undefined;
  const updates: Record<string, string | null> = {};
  // Every window the URL carries is frozen; the one the page shows in front is the range.
  const candidates = params.has('fullscreen_widget') ? [FULLSCREEN, PAGE, APM] : [PAGE, APM];
  for (const keys of candidates) {
    const found = readWindow(params, keys, now);
    if (!found) continue;
    range ??= found;
    updates[keys.from] = String(Date.parse(found.from));
    updates[keys.to] = String(Date.parse(found.to));
    Object.assign(updates, keys.pin(params));
  }

  const query = firstNonEmpty(params.get('query'), params.get('q')) ?? templateVariables(params);
  const panel = firstNonEmpty(params.get('fullscreen_widget'), params.get('tile_focus'));
  const frozenUrl = range ? `${url.origin}${url.pathname}?${replaceQueryParams(url.search, updates)}${url.hash}` : url.href;
  return {
    tool: 'datadog',
    ...(range ? { range } : {}),
    ...(query !== undefined ? { query } : {}),
    ...(panel !== undefined ? { panel } : {}),
    frozenUrl,
  };
}

function readWindow(params: URLSearchParams, keys: WindowKeys, now: Date): TimeRange | undefined {
  const fromText = params.get(keys.from);
  if (fromText === null || fromText === '') return undefined;
  const fromIso = epochMillisToIso(fromText);
  if (!fromIso) return undefined;
  const from = Date.parse(fromIso);
  const toText = params.get(keys.to);
  const nowMs = now.getTime();
  if (toText === null || toText === '') return rangeFromMs(from, nowMs, true);
  const toIso = epochMillisToIso(toText);
  if (!toIso) return undefined;
  const to = Date.parse(toIso);
  if (keys.live(params) === true) return rangeFromMs(nowMs - (to - from), nowMs, true);
  return rangeFromMs(from, to, false);
}

function firstNonEmpty(...values: (string | null)[]): string | undefined {
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed) return trimmed;
  }
  return undefined;
}

/** `tpl_var_service[0]=web&tpl_var_env=prod` → `service:web env:prod`. */
function templateVariables(params: URLSearchParams): string | undefined {
  const terms: string[] = [];
  for (const [key, value] of params) {
    const match = /^tpl_var_(.+?)(\[\d+\])?$/.exec(key);
    if (match?.[1] && value.trim() !== '') terms.push(`${match[1]}:${value.trim()}`);
  }
  return terms.length > 0 ? terms.join(' ') : undefined;
}
