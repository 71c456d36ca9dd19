/**
 * Google Cloud Logs Explorer: `console.cloud.google.com/logs/query;query=…;timeRange=…;
 * cursorTimestamp=…?project=…`. Its state is in `;key=value` matrix parameters on the path.
 *
 * The window, first found wins:
 * - `timeRange`, an ISO-8601 duration back from now (`PT1H`, `P7D`) or an ISO-8601 interval:
 *   `<start>/<end>`, `<start>/<duration>`, `<duration>/<end>` (the `/` written `%2F`);
 * - `startTime` and `endTime` instants (`startTime` alone runs to now);
 * - `duration`, the older spelling of a relative `timeRange`.
 * `cursorTimestamp` marks the entry the view is scrolled to, not the window; it is kept as is.
 *
 * The query is the `query` parameter, decoded. The console escapes `(` and `)` twice
 * (`%2528`), so those are decoded once more. Frozen URLs replace every window parameter with
 * `timeRange=<start>%2F<end>`, keeping the other parameters byte for byte.
 */
import type { Recognized } from '../recognized.ts';
import type { TimeRange } from '../../model/time-range.ts';
import { lenientDecode } from '../query-string.ts';
import { isoDurationToMs, isoToIso, parseIsoDuration, rangeFromMs } from '../instants.ts';

const WINDOW_KEYS = new Set(['timeRange', 'startTime', 'endTime', 'duration']);

export function recognizeGcpLogging(url: URL, now: Date): Recognized | undefined {
  if (url.hostname.toLowerCase() !== 'console.cloud.google.com') return undefined;
  const [route = '', ...segments] = url.pathname.split(';');
  if (!/^\/logs(\/|$)/.test(route)) return undefined;

  const matrix = new Map<string, string>();
  for (const segment of segments) {
    const eq = segment.indexOf('=');
    if (eq > 0 && !matrix.has(segment.slice(0, eq))) {
      matrix.set(segment.slice(0, eq), lenientDecode(segment.slice(eq + 1)));
    }
  }

  const range = readRange(matrix, now);
  const query = (matrix.get('query') ?? '').replace(/%28/gi, '(').replace(/%29/gi, ')').trim();

  let frozenUrl = url.href;
  if (range) {
    const timeRange = `timeRange=${encodeURIComponent(range.from)}%2F${encodeURIComponent(range.to)}`;
    const kept: string[] = [];
    let placed = false;
    for (const segment of segments) {
      const key = segment.slice(0, Math.max(segment.indexOf('='), 0));
      if (!WINDOW_KEYS.has(key)) {
        if (segment !== '') kept.push(segment);
        continue;
      }
      // The new window takes the place of the first window parameter.
      if (!placed) kept.push(timeRange);
      placed = true;
    }
    if (!placed) kept.push(timeRange);
    frozenUrl = `${url.origin}${[route, ...kept].join(';')}${url.search}${url.hash}`;
  }
  return { tool: 'gcp-logging', ...(range ? { range } : {}), ...(query ? { query } : {}), frozenUrl };
}

function readRange(matrix: Map<string, string>, now: Date): TimeRange | undefined {
  const nowMs = now.getTime();
  const timeRange = matrix.get('timeRange');
  if (timeRange) return intervalRange(timeRange, now);
  const startTime = matrix.get('startTime');
  if (startTime) {
    const from = isoToIso(startTime);
    const endTime = matrix.get('endTime');
    if (!from) return undefined;
    if (!endTime) return rangeFromMs(Date.parse(from), nowMs, true);
    const to = isoToIso(endTime);
    return to ? rangeFromMs(Date.parse(from), Date.parse(to), false) : undefined;
  }
  const duration = matrix.get('duration');
  return duration ? intervalRange(duration, now) : undefined;
}

/** An ISO-8601 duration (back from now) or interval, as `timeRange` holds it. */
function intervalRange(text: string, now: Date): TimeRange | undefined {
  const nowMs = now.getTime();
  const parts = text.split('/');
  if (parts.length === 1) {
    const ms = isoDurationToMs(text, now);
    return ms === undefined || ms < 0 ? undefined : rangeFromMs(nowMs - ms, nowMs, true);
  }
  if (parts.length !== 2) return undefined;
  const [a = '', b = ''] = parts;
  const aIso = isoToIso(a);
  const bIso = isoToIso(b);
  if (aIso && bIso) return rangeFromMs(Date.parse(aIso), Date.parse(bIso), false);
  if (aIso && parseIsoDuration(b)) {
    const start = Date.parse(aIso);
    const ms = isoDurationToMs(b, new Date(start));
    return ms === undefined ? undefined : rangeFromMs(start, start + ms, false);
  }
  if (bIso && parseIsoDuration(a)) {
    const end = Date.parse(bIso);
    const ms = isoDurationToMs(a, new Date(end));
    return ms === undefined ? undefined : rangeFromMs(end - ms, end, false);
  }
  return undefined;
}

/** Percent-decodes the valid escapes and leaves anything else as written. */
