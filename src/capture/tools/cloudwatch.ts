/**
 * Amazon CloudWatch console (`console.aws.amazon.com/cloudwatch/home?region=…#…`, regional
 * `eu-west-1.console.aws.amazon.com`, GovCloud and China consoles). The view lives in the
 * fragment, in the console's own encodings:
 *
 * - `$` stands for `%`: `logs-insights$3FqueryDetail$3D…` is `logs-insights?queryDetail=…`, and a
 *   value escaped twice (`$2522ERROR$2522`) is percent-encoded inside that query.
 * - State objects are JSURL (the format of Sage/jsurl): `~(key~value~…)` objects,
 *   `~(~a~b)` arrays, `~'text` strings with `*XX`/`**XXXX` hex escapes and `!` for `$`, bare
 *   numbers and `true`/`false`/`null`.
 *
 * Views and their windows:
 * - Logs Insights `#logsV2:logs-insights$3FqueryDetail$3D~(end~0~start~-3600~timeType~'RELATIVE~
 *   unit~'seconds~editorString~'…)` (and the older `#logs-insights:queryDetail=~(…)`): RELATIVE
 *   offsets from now in `unit`s, or ABSOLUTE ISO strings. Query: `editorString`.
 * - Log events `#logsV2:log-groups/log-group/<group>/log-events$3FfilterPattern$3D…$26start$3D…`:
 *   `start`/`end` epoch ms, or negative ms relative to now. Query: `filterPattern`.
 * - Metrics `#metricsV2:graph=~(metrics~(…)~start~'-PT3H~end~'P0D…)`: ISO-8601 durations back from
 *   now, or ISO instants. Query: the first metric (`AWS/Lambda Errors FunctionName=fn`) or its
 *   math expression.
 * - Dashboards `#dashboards:name=X;start=PT3H` and `#dashboards/dashboard/X?start=PT1H&end=null`.
 * Frozen URLs write ABSOLUTE ISO instants in each view's own encoding.
 */
import type { Recognized } from '../recognized.ts';
import type { TimeRange } from '../../model/time-range.ts';
import { isRecord } from '../../model/is-record.ts';
import { lenientDecode, replaceQueryParams } from '../query-string.ts';
import { DURATION_UNIT_MS, epochMillisToIso, isoDurationToMs, isoToIso, parseIsoDuration, rangeFromMs } from '../instants.ts';

type Jsurl = string | number | boolean | null | Jsurl[] | { [key: string]: Jsurl };
type JsurlObject = { [key: string]: Jsurl };

const CONSOLE_HOST = /^([a-z0-9-]+\.)?console\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/i;
// Maps, and objects without a prototype below: every key here is URL text, and `unit~'constructor`
// or a `__proto__` key must be nothing rather than what every object inherits.
const UNIT_MS = new Map([
  ['second', DURATION_UNIT_MS.s],
  ['minute', DURATION_UNIT_MS.m],
  ['hour', DURATION_UNIT_MS.h],
  ['day', DURATION_UNIT_MS.d],
  ['week', DURATION_UNIT_MS.w],
]);

interface View {
  range?: TimeRange;
  query?: string;
  /** The fragment (without `#`) of the frozen URL. */
  frozenHash?: string;
}

export function recognizeCloudWatch(url: URL, now: Date): Recognized | undefined {
  if (!CONSOLE_HOST.test(url.hostname) || !/^\/cloudwatch(\/|$)/i.test(url.pathname)) return undefined;
  const decoded = unescapeConsole(url.hash.replace(/^#/, ''));
  const route = /^([A-Za-z0-9-]+)([:/?]?)([\s\S]*)$/.exec(decoded);
  let view: View = {};
  if (route) {
    const [, area = '', separator = '', rest = ''] = route;
    if (area === 'logs-insights' || (area === 'logsV2' && rest.startsWith('logs-insights'))) {
      view = logsInsights(rest, now);
    } else if (area === 'logsV2' && rest.startsWith('log-groups/')) {
      view = logEvents(rest, now);
    } else if (area === 'metricsV2' || area === 'metrics') {
      view = metrics(area, rest, now);
    } else if (area === 'dashboards') {
      view = dashboards(separator, rest, now);
    }
  }
  const frozenUrl = view.range && view.frozenHash !== undefined ? `${url.origin}${url.pathname}${url.search}#${view.frozenHash}` : url.href;
  return {
    tool: 'cloudwatch',
    ...(view.range ? { range: view.range } : {}),
    ...(view.query ? { query: view.query } : {}),
    frozenUrl,
  };
}

// --- Logs Insights --------------------------------------------------------------------------

function logsInsights(rest: string, now: Date): View {
  const match = /(?:^|[?&;:])queryDetail=([^&]*)/.exec(rest);
  const detail = match?.[1] !== undefined ? parseJsurl(lenientDecode(match[1])) : undefined;
  if (!isObject(detail)) return {};
  const query = typeof detail['editorString'] === 'string' ? detail['editorString'].trim() : undefined;
  const range = insightsRange(detail, now);
  if (!range) return { query };
  const frozen: JsurlObject = { ...detail, end: range.to, start: range.from, timeType: 'ABSOLUTE' };
  frozen['tz'] = typeof detail['tz'] === 'string' ? detail['tz'] : 'UTC';
  delete frozen['unit'];
  return { range, query, frozenHash: `logsV2:logs-insights$3FqueryDetail$3D${stringifyJsurl(frozen)}` };
}

function insightsRange(detail: JsurlObject, now: Date): TimeRange | undefined {
  const { start, end } = detail;
  const timeType = typeof detail['timeType'] === 'string' ? detail['timeType'].toUpperCase() : undefined;
  const nowMs = now.getTime();
  if (timeType === 'RELATIVE' || (timeType === undefined && typeof start === 'number')) {
    const unit = typeof detail['unit'] === 'string' ? detail['unit'].toLowerCase().replace(/s$/, '') : 'second';
    const unitMs = UNIT_MS.get(unit);
    const endOffset = end ?? 0;
    if (unitMs === undefined || typeof start !== 'number' || typeof endOffset !== 'number') return undefined;
    // Offsets are written negative (`start~-3600`); a positive one still means "back from now".
    return rangeFromMs(nowMs - Math.abs(start) * unitMs, nowMs - Math.abs(endOffset) * unitMs, true);
  }
  if (timeType === 'ABSOLUTE' || (timeType === undefined && typeof start === 'string')) {
    // ABSOLUTE values carry `Z`; a zoneless one is only safe to read when the view says UTC.
    const zoneless = detail['tz'] === 'UTC' ? 'utc' : 'reject';
    const instant = (v: Jsurl | undefined) => (typeof v === 'string' ? isoToIso(v, { zoneless }) : typeof v === 'number' ? epochMillisToIso(v) : undefined);
    const from = instant(start);
    const to = instant(end);
    return from && to ? rangeFromMs(Date.parse(from), Date.parse(to), false) : undefined;
  }
  return undefined;
}

// --- Log events -----------------------------------------------------------------------------

function logEvents(rest: string, now: Date): View {
  const q = rest.indexOf('?');
  const path = q === -1 ? rest : rest.slice(0, q);
  const params = new URLSearchParams(q === -1 ? '' : rest.slice(q + 1));
  const query = params.get('filterPattern')?.trim() || undefined;
  const range = logEventsRange(params.get('start'), params.get('end'), now.getTime());
  if (!range) return { query };
  params.set('start', String(Date.parse(range.from)));
  params.set('end', String(Date.parse(range.to)));
  // The group and the query are percent-encoded once more than the fragment itself, then every
  // `%` is written `$`: `/aws/lambda/fn` → `$252Faws$252Flambda$252Ffn`.
  const encodedPath = path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  const encodedQuery = [...params].map(([k, v]) => `${encodeURIComponent(k)}%3D${encodeURIComponent(encodeURIComponent(v))}`).join('%26');
  return { range, query, frozenHash: `logsV2:${encodedPath}%3F${encodedQuery}`.replace(/%/g, '$') };
}

function logEventsRange(start: string | null, end: string | null, nowMs: number): TimeRange | undefined {
  if (!start || !/^-?\d+$/.test(start)) return undefined;
  if (end && !/^-?\d+$/.test(end)) return undefined;
  const startMs = Number(start);
  const endMs = end ? Number(end) : undefined;
  const relative = startMs < 0 || endMs === undefined || endMs < 0;
  const from = startMs < 0 ? nowMs + startMs : startMs;
  const to = endMs === undefined ? nowMs : endMs < 0 ? nowMs + endMs : endMs;
  return rangeFromMs(from, to, relative);
}

// --- Metrics --------------------------------------------------------------------------------

function metrics(area: string, rest: string, now: Date): View {
  const segments = rest.split(/[;&]/);
  const index = segments.findIndex((s) => s.startsWith('graph='));
  const graph = index === -1 ? undefined : parseJsurl(lenientDecode(segments[index]!.slice('graph='.length)));
  if (!isObject(graph)) return {};
  const query = firstMetric(graph['metrics']);
  const range = durationOrInstantRange(graph['start'], graph['end'], now);
  if (!range) return { query };
  segments[index] = `graph=${stringifyJsurl({ ...graph, start: range.from, end: range.to })}`;
  return { range, query, frozenHash: `${area}:${segments.join(';')}` };
}

/** `[["AWS/Lambda","Errors","FunctionName","fn",{…}], …]` → `AWS/Lambda Errors FunctionName=fn`. */
function firstMetric(list: Jsurl | undefined): string | undefined {
  if (!Array.isArray(list) || !Array.isArray(list[0])) return undefined;
  const row = list[0];
  const options = row.find(isObject);
  if (options && typeof options['expression'] === 'string') return options['expression'];
  const names = row.filter((v): v is string => typeof v === 'string');
  const [namespace, metric, ...dimensions] = names;
  if (!namespace || !metric) return undefined;
  const dims: string[] = [];
  for (let i = 0; i + 1 < dimensions.length; i += 2) dims.push(`${dimensions[i]}=${dimensions[i + 1]}`);
  return [namespace, metric, ...dims].join(' ');
}

/**
 * A window written as ISO-8601 durations back from now (`-PT3H` … `P0D`; dashboards write `PT3H`)
 * or as ISO instants. A missing or `null` end is now.
 */
function durationOrInstantRange(start: unknown, end: unknown, now: Date): TimeRange | undefined {
  if (typeof start !== 'string') return undefined;
  const nowMs = now.getTime();
  const resolve = (text: string): { ms: number; relative: boolean } | undefined => {
    if (parseIsoDuration(text)) {
      const ms = isoDurationToMs(text.replace(/^[+-]/, ''), now);
      return ms === undefined ? undefined : { ms: nowMs - ms, relative: true };
    }
    const iso = isoToIso(text);
    return iso ? { ms: Date.parse(iso), relative: false } : undefined;
  };
  const from = resolve(start);
  const to = typeof end === 'string' && end !== 'null' && end !== '' ? resolve(end) : { ms: nowMs, relative: true };
  if (!from || !to) return undefined;
  return rangeFromMs(from.ms, to.ms, from.relative || to.relative);
}

// --- Dashboards -----------------------------------------------------------------------------

function dashboards(separator: string, rest: string, now: Date): View {
  if (separator === ':') {
    // #dashboards:name=X;start=PT3H;end=…
    const segments = rest.split(';').filter((s) => s !== '');
    const value = (key: string) => segments.find((s) => s.startsWith(`${key}=`))?.slice(key.length + 1);
    const range = durationOrInstantRange(value('start'), value('end'), now);
    if (!range) return {};
    const kept = segments.filter((s) => !s.startsWith('start=') && !s.startsWith('end='));
    return { range, frozenHash: `dashboards:${[...kept, `start=${range.from}`, `end=${range.to}`].join(';')}` };
  }
  // #dashboards/dashboard/X?start=PT1H&end=null
  const q = rest.indexOf('?');
  if (q === -1) return {};
  const query = rest.slice(q + 1);
  const params = new URLSearchParams(query);
  const range = durationOrInstantRange(params.get('start') ?? undefined, params.get('end') ?? undefined, now);
  if (!range) return {};
  const frozenQuery = replaceQueryParams(query, { start: range.from, end: range.to });
  return { range, frozenHash: `dashboards${separator}${rest.slice(0, q)}?${frozenQuery}` };
}

// --- Console escapes and JSURL --------------------------------------------------------------

/** `$3F` → `?` etc.: the console writes `%` as `$` in fragments. */
function unescapeConsole(text: string): string {
  return lenientDecode(text.replace(/\$([0-9A-Fa-f]{2})/g, '%$1'));
}

/** Percent-decodes the valid escapes and leaves anything else as written. */

function isObject(value: Jsurl | undefined): value is JsurlObject {
  return isRecord(value);
}

const KEYWORDS = new Map<string, Jsurl>([
  ['true', true],
  ['false', false],
  ['null', null],
]);
const MAX_DEPTH = 64;

/** Parses one JSURL value; `undefined` on any syntax error or trailing text. */
function parseJsurl(text: string): Jsurl | undefined {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError('JSURL');
  };
  const expect = (ch: string) => (text[i] === ch ? i++ : fail());
  const readString = (): string => {
    let out = '';
    while (i < text.length && text[i] !== '~' && text[i] !== ')') {
      const ch = text[i]!;
      if (ch === '*') {
        const long = text[i + 1] === '*';
        const hex = long ? text.slice(i + 2, i + 6) : text.slice(i + 1, i + 3);
        if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== (long ? 4 : 2)) fail();
        out += String.fromCharCode(parseInt(hex, 16));
        i += long ? 6 : 3;
      } else {
        out += ch === '!' ? '$' : ch;
        i++;
      }
    }
    return out;
  };
  const readValue = (depth: number): Jsurl => {
    if (depth > MAX_DEPTH) fail();
    expect('~');
    const ch = text[i];
    if (ch === '(') {
      i++;
      if (text[i] === '~') {
        const list: Jsurl[] = [];
        if (text[i + 1] === ')') i++;
        else while (text[i] === '~') list.push(readValue(depth + 1));
        expect(')');
        return list;
      }
      const object = Object.create(null) as JsurlObject;
      if (text[i] !== ')') {
        for (;;) {
          const key = readString();
          object[key] = readValue(depth + 1);
          if (text[i] !== '~') break;
          i++;
        }
      }
      expect(')');
      return object;
    }
    if (ch === "'") {
      i++;
      return readString();
    }
    const start = i;
    while (i < text.length && text[i] !== '~' && text[i] !== ')') i++;
    const token = text.slice(start, i);
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(token)) return Number(token);
    if (KEYWORDS.has(token)) return KEYWORDS.get(token)!;
    return fail();
  };
  try {
    const value = readValue(0);
    return i === text.length ? value : undefined;
  } catch {
    return undefined;
  }
}

function encodeJsurlString(text: string): string {
  return text.replace(/[^\w.-]/g, (ch) => {
    if (ch === '$') return '!';
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `*${code.toString(16).padStart(2, '0')}` : `**${code.toString(16).padStart(4, '0')}`;
  });
}

function stringifyJsurl(value: Jsurl): string {
  if (value === null) return '~null';
  if (typeof value === 'number') return Number.isFinite(value) ? `~${value}` : '~null';
  if (typeof value === 'boolean') return `~${value}`;
  if (typeof value === 'string') return `~'${encodeJsurlString(value)}`;
  if (Array.isArray(value)) return `~(${value.map(stringifyJsurl).join('') || '~'})`;
  return `~(${Object.entries(value)
    .map(([k, v]) => encodeJsurlString(k) + stringifyJsurl(v))
    .join('~')})`;
}
