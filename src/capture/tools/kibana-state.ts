/**
 * The URL state Kibana and OpenSearch Dashboards share (OpenSearch Dashboards is a Kibana 7.10
 * fork): rison in `_g` (global: time, refresh, pinned filters), `_a` (app: query, filters, columns,
 * panels) and, in OpenSearch's Data Explorer, `_q` (query and filters). The state sits in the
 * fragment's query (`#/view/<id>?_g=…`, `#?_a=…`) or, for some apps, the real query string.
 * Observability apps (APM, Uptime, Logs) use plain `rangeFrom`/`rangeTo`/`kuery` parameters instead.
 *
 * With `state:storeInSessionStorage` on, the URL holds only `h@<hash>` keys into the tab's session
 * storage; then the range is not in the URL and page extraction reads the time picker instead.
 */
import type { Recognized } from '../recognized.ts';
import { parseQuery, replaceQueryParams, splitHashRoute } from '../query-string.ts';
import { resolveRange } from '../relative-time.ts';
import { decodeRison, encodeRisonParam, isRisonObject, type RisonObject, type RisonValue } from '../rison.ts';
import type { TimeRange } from '../../model/time-range.ts';

const STATE_KEYS = ['_g', '_a', '_q'] as const;
type StateKey = (typeof STATE_KEYS)[number];

/** Where a state parameter was found: the fragment's query or the URL's own query string. */
type Place = 'hash' | 'search';

interface FoundState {
  key: StateKey;
  place: Place;
  raw: string;
  value: RisonObject | undefined; // undefined when hashed (`h@…`) or unreadable
}

/** True when the URL carries Kibana-style app state: rison `_g`/`_a`/`_q`, or `rangeFrom`. */
export function hasKibanaState(url: URL): boolean {
  if (url.hash.includes('_g=') || url.hash.includes('_a=') || url.hash.includes('_q=')) return true;
  const params = url.searchParams;
  return params.has('_g') || params.has('_a') || params.has('_q') || params.has('rangeFrom');
}

/** True when any of the state parameters is a session-storage key (`_g=h@…`). */
export function hasHashedState(url: URL): boolean {
  return findStates(url).some((state) => state.raw.startsWith('h@'));
}

/**
 * Reads range, query and panel from Kibana-style state and writes the frozen URL. Kibana's time
 * zone setting (`dateFormat:tz`) is not in the URL, so rounding is in UTC, and zone-less ISO times
 * (`'2025-03-26T16:38:28.000'`) are read as UTC.
 */
export function recognizeKibanaState(url: URL, now: Date, tool: 'kibana' | 'opensearch'): Recognized {
  const result: Recognized = { tool, frozenUrl: url.href };
  const states = findStates(url);
  const byKey = new Map(states.map((state) => [state.key, state]));

  const query = queryOf(byKey.get('_a')?.value) ?? queryOf(byKey.get('_q')?.value) ?? observabilityQuery(url);
  const filter = query === undefined ? firstFilter(states) : undefined;
  if (query !== undefined) result.query = query;
  else if (filter !== undefined) result.query = filter;

  const expanded = byKey.get('_a')?.value?.expandedPanelId;
  if (typeof expanded === 'string' && expanded !== '') result.panel = expanded;

  // Time lives in `_g`; a few older apps kept it in `_a`.
  for (const key of ['_g', '_a'] as const) {
    const state = byKey.get(key);
    const time = state?.value?.time;
    if (state === undefined || !isRisonObject(time)) continue;
    const range = resolveKibanaTime(time, now);
    if (range === undefined) return result;
    result.range = range;
    result.frozenUrl = writeState(url, state, { ...state.value, time: frozenTime(time, range) });
    return result;
  }

  const params = url.searchParams;
  const rangeFrom = params.get('rangeFrom');
  if (rangeFrom !== null) {
    const range = resolveRange(rangeFrom, params.get('rangeTo') ?? 'now', now, { timeZone: 'UTC' });
    if (range !== undefined) {
      result.range = range;
      const frozen = new URL(url.href);
      frozen.search = replaceQueryParams(url.search, {
        rangeFrom: encodeURIComponent(range.from),
        rangeTo: encodeURIComponent(range.to),
      });
      result.frozenUrl = frozen.href;
    }
  }
  return result;
}

/**
 * The same Kibana view with the given absolute range in `_g.time`: for URLs whose state is hashed,
 * once page extraction has read the range off the time picker. Other state is kept as it is.
 */
export function freezeKibanaUrl(url: URL, range: { from: string; to: string }): string {
  const global = findStates(url).find((state) => state.key === '_g');
  const time = { from: range.from, to: range.to };
  if (global?.value !== undefined) return writeState(url, global, { ...global.value, time });
  // Hashed or missing `_g`: a readable `_g` with just the time replaces it; Kibana merges the rest
  // from its defaults.
  const place: Place = global?.place ?? (url.hash.includes('?') || url.hash.startsWith('#/') ? 'hash' : 'search');
  return writeState(url, { key: '_g', place, raw: global?.raw ?? '', value: {} }, { time });
}

function findStates(url: URL): FoundState[] {
  const found: FoundState[] = [];
  const hashQuery = parseQuery(splitHashRoute(url.hash).query);
  for (const key of STATE_KEYS) {
    const fromHash = hashQuery.get(key);
    const fromSearch = url.searchParams.get(key);
    const raw = fromHash ?? fromSearch;
    if (raw === undefined || raw === null) continue;
    const decoded = raw.startsWith('h@') ? undefined : decodeRison(raw);
    found.push({ key, place: fromHash !== undefined ? 'hash' : 'search', raw, value: isRisonObject(decoded) ? decoded : undefined });
  }
  return found;
}

function writeState(url: URL, state: FoundState, value: RisonObject): string {
  const frozen = new URL(url.href);
  const encoded = encodeRisonParam(value);
  if (state.place === 'search') {
    frozen.search = replaceQueryParams(url.search, { [state.key]: encoded });
  } else {
    const { route, query } = splitHashRoute(url.hash);
    frozen.hash = `${route}?${replaceQueryParams(query, { [state.key]: encoded })}`;
  }
  return frozen.href;
}

function resolveKibanaTime(time: RisonObject, now: Date): TimeRange | undefined {
  const from = timeText(time.from);
  const to = timeText(time.to);
  if (from === undefined || to === undefined) return undefined;
  return resolveRange(from, to, now, { timeZone: 'UTC' });
}

function timeText(value: RisonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function frozenTime(time: RisonObject, range: TimeRange): RisonObject {
  // Kibana 5/6 also stored `mode:quick|relative|absolute`; an absolute range must say so there.
  const frozen: RisonObject = { ...time, from: range.from, to: range.to };
  if ('mode' in time) frozen.mode = 'absolute';
  return frozen;
}

/** The query text of `_a.query` / `_q.query`: KQL/Lucene `query`, ES|QL `esql`, SQL `sql`, Kibana 5's `query_string`. */
function queryOf(state: RisonObject | undefined): string | undefined {
  const query = state?.query;
  if (typeof query === 'string') return nonEmpty(query);
  if (!isRisonObject(query)) return undefined;
  for (const field of ['query', 'esql', 'sql', 'ppl']) {
    const value = query[field];
    if (typeof value === 'string') {
      const text = nonEmpty(value);
      if (text !== undefined) return text;
    }
    // Kibana 5: query:(query_string:(analyze_wildcard:!t,query:'…'))
    if (isRisonObject(value) && typeof value.query === 'string') return nonEmpty(value.query);
  }
  const queryString = query.query_string;
  if (isRisonObject(queryString) && typeof queryString.query === 'string') return nonEmpty(queryString.query);
  return undefined;
}

/** The first enabled filter pill as Kibana labels it: `key: value`, `NOT key: value`. */
function firstFilter(states: FoundState[]): string | undefined {
  for (const state of states) {
    const filters = state.value?.filters;
    if (!Array.isArray(filters)) continue;
    for (const filter of filters) {
      if (!isRisonObject(filter) || !isRisonObject(filter.meta)) continue;
      const meta = filter.meta;
      if (meta.disabled === true || typeof meta.key !== 'string') continue;
      const params = meta.params;
      const value = isRisonObject(params) && params.query !== undefined ? params.query : meta.value;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
      return `${meta.negate === true ? 'NOT ' : ''}${meta.key}: ${String(value)}`;
    }
  }
  return undefined;
}

function observabilityQuery(url: URL): string | undefined {
  const kuery = url.searchParams.get('kuery');
  return kuery === null ? undefined : nonEmpty(kuery);
}

function nonEmpty(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}
