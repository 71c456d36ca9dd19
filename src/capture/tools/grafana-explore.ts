/**
 * Grafana Explore: `…/explore?schemaVersion=1&panes={"<id>":{datasource,queries,range}}` (Grafana
 * 10+), and the older `left=` / `right=` state, either the object `{datasource,queries,range}` or the
 * compact array `[from, to, datasource, ...queries, {ui:…}]`.
 *
 * Explore URLs carry no time zone; rounding happens in UTC (see grafana.ts for why).
 */
import type { Recognized } from '../recognized.ts';
import { replaceQueryParams } from '../query-string.ts';
import { resolveRange } from '../relative-time.ts';
import { mentionsGrafana } from './grafana.ts';
import type { TimeRange } from '../../model/time-range.ts';
import { isRecord } from '../../model/is-record.ts';

// Explore's DEFAULT_RANGE: what a pane without a range shows.
const DEFAULT_FROM = 'now-1h';
const DEFAULT_TO = 'now';
// The field holding the query text differs per data source; the first one present is the query.
const QUERY_FIELDS = ['expr', 'query', 'expression', 'rawSql', 'queryText', 'queryString', 'target', 'rawQuery'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Pane {
  range: { from: string; to: string };
  queries: Json[];
  /** Writes absolute instants back into this pane's state. */
  freeze: (from: string, to: string) => void;
}

export function recognizeGrafanaExplore(url: URL, now: Date): Recognized | undefined {
  const segments = url.pathname.split('/').filter((s) => s !== '');
  if (segments[segments.length - 1] !== 'explore') return undefined;
  const params = url.searchParams;
  const stateParams = ['panes', 'left', 'right'].filter((name) => params.has(name));
  if (stateParams.length === 0 && !params.has('schemaVersion') && !mentionsGrafana(url)) return undefined;

  const result: Recognized = { tool: 'grafana-explore', frozenUrl: url.href };
  const states = new Map<string, Json>();
  const panes: Pane[] = [];
  for (const name of stateParams) {
    const state = parseJson(params.get(name) ?? '');
    if (state === undefined) continue;
    states.set(name, state);
    panes.push(...(name === 'panes' ? panesOf(state) : legacyPane(state)));
  }
  const first = panes[0];
  if (first === undefined) return result;

  const query = firstQueryText(first.queries);
  if (query !== undefined) result.query = query;

  const range = resolveRange(first.range.from, first.range.to, now, { timeZone: 'UTC' });
  if (range === undefined) return result;
  result.range = range;

  for (const pane of panes) {
    const resolved: TimeRange | undefined = pane === first ? range : resolveRange(pane.range.from, pane.range.to, now, { timeZone: 'UTC' });
    if (resolved !== undefined) pane.freeze(String(Date.parse(resolved.from)), String(Date.parse(resolved.to)));
  }
  const updates: Record<string, string> = {};
  for (const [name, state] of states) updates[name] = encodeURIComponent(JSON.stringify(state));
  const frozen = new URL(url.href);
  frozen.search = replaceQueryParams(url.search, updates);
  result.frozenUrl = frozen.href;
  return result;
}

function panesOf(state: Json): Pane[] {
  if (!isObject(state)) return [];
  return Object.values(state).flatMap((pane) => (isObject(pane) ? [objectPane(pane)] : []));
}

function legacyPane(state: Json): Pane[] {
  if (isObject(state)) return [objectPane(state)];
  if (!Array.isArray(state) || state.length < 3) return [];
  // The compact form: [from, to, datasource, ...queries, {ui: …}]; non-query entries carry `ui`,
  // `mode` or `__panelsState`.
  const [from, to] = state;
  const queries = state.slice(3).filter((entry) => isObject(entry) && !('ui' in entry) && !('mode' in entry) && !('__panelsState' in entry));
  return [
    {
      range: { from: typeof from === 'string' ? from : DEFAULT_FROM, to: typeof to === 'string' ? to : DEFAULT_TO },
      queries,
      freeze: (absoluteFrom, absoluteTo) => {
        state[0] = absoluteFrom;
        state[1] = absoluteTo;
      },
    },
  ];
}

function objectPane(pane: JsonObject): Pane {
  const range = isObject(pane.range) ? pane.range : {};
  return {
    range: {
      from: typeof range.from === 'string' || typeof range.from === 'number' ? String(range.from) : DEFAULT_FROM,
      to: typeof range.to === 'string' || typeof range.to === 'number' ? String(range.to) : DEFAULT_TO,
    },
    queries: Array.isArray(pane.queries) ? pane.queries : [],
    freeze: (from, to) => {
      pane.range = { from, to };
    },
  };
}

function firstQueryText(queries: Json[]): string | undefined {
  for (const query of queries) {
    if (!isObject(query)) continue;
    for (const field of QUERY_FIELDS) {
      const value = query[field];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  return undefined;
}

function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

function isObject(value: Json | undefined): value is JsonObject {
  return isRecord(value);
}
