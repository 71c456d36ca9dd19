/**
 * Jaeger UI, self-hosted under any host and base path (`http://localhost:16686/search?…`,
 * `https://tools.example.com/jaeger/search?…`): a `/search` page with a `service` or `traceID`
 * and Jaeger's search parameters, or a `/trace/<hex id>` page.
 *
 * The search form writes `lookback` (`1h`, `2d`, `custom`…) and the `start`/`end` it resolved, in
 * microseconds (jaeger-ui SearchForm `submitForm`). Reopened, the page fetches exactly
 * `start`..`end`; only a legacy link carrying `lookback` alone is resolved against the clock
 * (jaeger-ui SearchTracePage "upgrade legacy URLs"). So `start`/`end` are the range and
 * `lookback` counts only without them. Frozen URLs set `lookback=custom`, which makes the form
 * show the same fixed window the results come from.
 *
 * The query is the search form as one logfmt line, the grammar Jaeger's own tags field uses:
 * `service=frontend operation="HTTP GET /dispatch" error=true minDuration=100ms`.
 */
import type { Recognized } from '../recognized.ts';
import type { TimeRange } from '../../model/time-range.ts';
import { isRecord } from '../../model/is-record.ts';
import { replaceQueryParams } from '../query-string.ts';
import { epochMicrosToIso, periodToMs, rangeFromMs } from '../instants.ts';

const SEARCH_PARAMS = ['lookback', 'start', 'end', 'limit'];
// Jaeger writes 16 or 32 hex digits, older versions with leading zeros dropped; shorter hex
// words (`/trace/cafe`) are more likely some other site's path.
const TRACE_ID = /^[0-9a-f]{12,32}$/i;

export function recognizeJaeger(url: URL, now: Date): Recognized | undefined {
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const last = segments.at(-1);
  const params = url.searchParams;
  if (last && segments.at(-2) === 'trace' && TRACE_ID.test(last)) {
    // A single trace: its own timestamps, no window in the URL.
    return { tool: 'jaeger', frozenUrl: url.href };
  }
  if (last !== 'search') return undefined;
  const hasSubject = (params.get('service') ?? '') !== '' || params.has('traceID');
  // `/search?service=x` alone is too common a shape; Jaeger always writes its form fields too.
  if (!hasSubject) return undefined;
  if (!params.has('traceID') && !SEARCH_PARAMS.some((key) => params.has(key))) return undefined;

  const range = readRange(params, now);
  const query = searchAsLogfmt(params);
  const frozenUrl = range
    ? `${url.origin}${url.pathname}?${replaceQueryParams(url.search, {
        start: String(Date.parse(range.from) * 1000),
        end: String(Date.parse(range.to) * 1000),
        lookback: 'custom',
      })}${url.hash}`
    : url.href;
  return { tool: 'jaeger', ...(range ? { range } : {}), ...(query ? { query } : {}), frozenUrl };
}

function readRange(params: URLSearchParams, now: Date): TimeRange | undefined {
  const nowMs = now.getTime();
  const startText = params.get('start');
  const endText = params.get('end');
  if (startText) {
    const from = epochMicrosToIso(startText);
    if (!from) return undefined;
    // The query service reads a missing `end` as now.
    if (!endText) return rangeFromMs(Date.parse(from), nowMs, true);
    const to = epochMicrosToIso(endText);
    return to ? rangeFromMs(Date.parse(from), Date.parse(to), false) : undefined;
  }
  const lookback = params.get('lookback');
  const ms = lookback ? periodToMs(lookback) : undefined;
  return ms === undefined ? undefined : rangeFromMs(nowMs - ms, nowMs, true);
}

function searchAsLogfmt(params: URLSearchParams): string | undefined {
  const pairs: [string, string][] = [];
  const service = params.get('service');
  if (service) pairs.push(['service', service]);
  const operation = params.get('operation');
  if (operation && operation !== 'all') pairs.push(['operation', operation]);
  pairs.push(...tagPairs(params.get('tags')));
  for (const key of ['minDuration', 'maxDuration']) {
    const value = params.get(key);
    if (value) pairs.push([key, value]);
  }
  for (const id of params.getAll('traceID')) if (id) pairs.push(['traceID', id]);
  return pairs.length > 0 ? pairs.map(([k, v]) => `${k}=${logfmtValue(v)}`).join(' ') : undefined;
}

/** `tags` is the JSON object jaeger-ui makes of the logfmt the user typed. */
function tagPairs(tags: string | null): [string, string][] {
  if (!tags) return [];
  try {
    const parsed: unknown = JSON.parse(tags);
    if (isRecord(parsed)) {
      return Object.entries(parsed).map(([k, v]) => [k, String(v)]);
    }
  } catch {
    // Older links carry the logfmt itself.
  }
  return [['tags', tags]];
}

function logfmtValue(value: string): string {
  return /^[^\s="\\]+$/.test(value) ? value : JSON.stringify(value);
}
