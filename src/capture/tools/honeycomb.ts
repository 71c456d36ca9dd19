/**
 * Honeycomb (`ui.honeycomb.io`, `ui.eu1.honeycomb.io`): query template links and query pages
 * (`/<team>/environments/<env>/datasets/<dataset>?query={…}`, environment-wide without
 * `/datasets/<dataset>`, classic `/<team>/datasets/<dataset>?query={…}`), saved results
 * (`…/result/<id>`, whose window lives server-side), boards and traces
 * (`…/trace?trace_id=…&trace_start_ts=…&trace_end_ts=…`, epoch seconds). Behind a proxy the
 * shape still tells: a `/datasets/` or `/environments/` path whose `query` is a query spec.
 *
 * The query JSON follows the Query Specification: `time_range` in seconds (two hours when
 * absent), `start_time`/`end_time` in epoch seconds. Both ends fix the window; one end plus
 * `time_range` fixes it too; `time_range` alone is relative to now. Frozen URLs carry
 * `start_time`/`end_time` and drop `time_range`.
 *
 * The query is the spec summarized as Honeycomb's query builder reads:
 * `P95(duration_ms), HEATMAP(duration_ms) WHERE app.name = api GROUP BY name`.
 */
import type { Recognized } from '../recognized.ts';
import type { TimeRange } from '../../model/time-range.ts';
import { isRecord } from '../../model/is-record.ts';
import { replaceQueryParams } from '../query-string.ts';
import { epochSecondsToIso, rangeFromMs } from '../instants.ts';

const HONEYCOMB_UI_HOST = /^ui(\.[a-z0-9-]+)?\.honeycomb\.io$/i;
const DEFAULT_TIME_RANGE_S = 7200;
const SPEC_KEYS = ['calculations', 'filters', 'breakdowns', 'time_range', 'start_time', 'end_time'];

type Spec = Record<string, unknown>;

export function recognizeHoneycomb(url: URL, now: Date): Recognized | undefined {
  const params = url.searchParams;
  const spec = parseSpec(params.get('query'));
  const onUiHost = HONEYCOMB_UI_HOST.test(url.hostname);
  const shaped = /\/(datasets|environments)\/[^/]+/.test(url.pathname) && spec !== undefined;
  if (!onUiHost && !shaped) return undefined;

  if (spec) {
    const range = specRange(spec, now);
    const query = summarize(spec);
    let frozenUrl = url.href;
    if (range) {
      const frozen: Spec = { ...spec };
      delete frozen['time_range'];
      frozen['start_time'] = Date.parse(range.from) / 1000;
      frozen['end_time'] = Date.parse(range.to) / 1000;
      const search = replaceQueryParams(url.search, { query: encodeURIComponent(JSON.stringify(frozen)) });
      frozenUrl = `${url.origin}${url.pathname}?${search}${url.hash}`;
    }
    return { tool: 'honeycomb', ...(range ? { range } : {}), ...(query ? { query } : {}), frozenUrl };
  }

  const traceId = params.get('trace_id');
  if (traceId) {
    const from = epochSecondsToIso(params.get('trace_start_ts') ?? '');
    const to = epochSecondsToIso(params.get('trace_end_ts') ?? '');
    const range = from && to ? rangeFromMs(Date.parse(from), Date.parse(to), false) : undefined;
    return { tool: 'honeycomb', ...(range ? { range } : {}), query: `trace_id=${traceId}`, frozenUrl: url.href };
  }
  return { tool: 'honeycomb', frozenUrl: url.href };
}

function parseSpec(text: string | null): Spec | undefined {
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) {
      const spec = parsed as Spec;
      return SPEC_KEYS.some((key) => key in spec) ? spec : undefined;
    }
  } catch {
    // Not a query spec.
  }
  return undefined;
}

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function specRange(spec: Spec, now: Date): TimeRange | undefined {
  // A time field that is present but not a number of seconds makes the window unknowable.
  const invalid = (key: string) => key in spec && seconds(spec[key]) === undefined;
  if (['start_time', 'end_time', 'time_range'].some(invalid)) return undefined;
  const start = seconds(spec['start_time']);
  const end = seconds(spec['end_time']);
  const span = seconds(spec['time_range']) ?? DEFAULT_TIME_RANGE_S;
  if (start !== undefined && end !== undefined) return rangeFromMs(start * 1000, end * 1000, false);
  if (start !== undefined) return rangeFromMs(start * 1000, (start + span) * 1000, false);
  if (end !== undefined) return rangeFromMs((end - span) * 1000, end * 1000, false);
  // start_time/end_time are whole seconds (Honeycomb rejects fractions), so "now" is too.
  const nowMs = Math.floor(now.getTime() / 1000) * 1000;
  return rangeFromMs(nowMs - span * 1000, nowMs, true);
}

function summarize(spec: Spec): string | undefined {
  const parts: string[] = [];
  const calculations = objects(spec['calculations']).map((c) => {
    const op = String(c['op'] ?? 'COUNT');
    return typeof c['column'] === 'string' ? `${op}(${c['column']})` : op;
  });
  parts.push(calculations.length > 0 ? calculations.join(', ') : 'COUNT');
  const filters = objects(spec['filters'])
    .map(filterText)
    .filter((f) => f !== '');
  if (filters.length > 0) {
    const joiner = spec['filter_combination'] === 'OR' ? ' OR ' : ' AND ';
    parts.push(`WHERE ${filters.join(joiner)}`);
  }
  const breakdowns = Array.isArray(spec['breakdowns']) ? spec['breakdowns'].filter((b): b is string => typeof b === 'string') : [];
  if (breakdowns.length > 0) parts.push(`GROUP BY ${breakdowns.join(', ')}`);
  return parts.join(' ');
}

function objects(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function filterText(filter: Record<string, unknown>): string {
  const column = typeof filter['column'] === 'string' ? filter['column'] : '';
  const op = typeof filter['op'] === 'string' ? filter['op'] : '';
  if (!column || !op) return '';
  if (!('value' in filter)) return `${column} ${op}`;
  const value = filter['value'];
  const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  return `${column} ${op} ${text}`;
}
