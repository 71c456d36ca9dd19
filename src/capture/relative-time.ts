/**
 * Grafana-style time math (`now`, `now-1h`, `now/d`, `now-1d/d`, `now/w`, `2026-03-01T00:00:00Z||+1d`),
 * epoch milliseconds and ISO-8601 instants, resolved to absolute instants.
 *
 * Grafana, Kibana and OpenSearch Dashboards all use this grammar (Grafana's `datemath.ts`, Elastic's
 * `@elastic/datemath`). Calendar steps (`d`, `w`, `M`, `Q`, `y`) and rounding happen in a named IANA
 * time zone, so `now/d` in Europe/Berlin starts at Berlin midnight and `now-1d` keeps the wall-clock
 * time across a DST change, as moment does in those tools. The zone math is `@date-fns/tz`; nothing
 * here computes an offset by hand. Grafana's fiscal units (`now/fy`, `now/fQ`) depend on a
 * per-dashboard fiscal year and are not supported: they resolve to no instant.
 */
import { tz } from '@date-fns/tz';
import {
  addDays,
  addHours,
  addMinutes,
  addMonths,
  addQuarters,
  addSeconds,
  addWeeks,
  addYears,
  endOfDay,
  endOfHour,
  endOfMinute,
  endOfMonth,
  endOfQuarter,
  endOfSecond,
  endOfWeek,
  endOfYear,
  startOfDay,
  startOfHour,
  startOfMinute,
  startOfMonth,
  startOfQuarter,
  startOfSecond,
  startOfWeek,
  startOfYear,
} from 'date-fns';
import type { TimeRange } from '../model/time-range.ts';
import { durationUnitMs } from './instants.ts';

export type DateMathUnit = 'y' | 'Q' | 'M' | 'w' | 'd' | 'h' | 'm' | 's';
export type WeekDay = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface TimeMathOptions {
  /** IANA zone for calendar steps and rounding. Default `UTC`. */
  timeZone?: string;
  /** Round `/unit` up to the end of the unit (Grafana and Kibana do this for the `to` end). */
  roundUp?: boolean;
  /**
   * First day of the week for `/w`. Default Sunday: moment's `en` locale, which is what Grafana uses
   * unless a dashboard sets `weekStart`, and Kibana's default `dateFormat:dow`.
   */
  weekStartsOn?: WeekDay;
}

const UNITS = new Set<string>(['y', 'Q', 'M', 'w', 'd', 'h', 'm', 's']);
// Both Grafana and Elastic cap the amount; an unbounded number would overflow Date.
const MAX_AMOUNT_DIGITS = 10;

/** True when `text` is date math that moves with the clock (`now…`). */
export function isRelativeTime(text: string): boolean {
  return text.trim().startsWith('now');
}

// Building an Intl.DateTimeFormat or a zone context costs tens of microseconds; a clip names few
// zones, so both are remembered (bounded, in case a page feeds us many made-up names).
const MAX_CACHED_ZONES = 64;
const zoneValidity = new Map<string, boolean>();
const zoneContexts = new Map<string, ReturnType<typeof tz>>();

/** True when `zone` is an IANA zone name (or `UTC`) this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  if (zone === '') return false;
  const known = zoneValidity.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    valid = true;
  } catch {
    valid = false;
  }
  if (zoneValidity.size >= MAX_CACHED_ZONES) zoneValidity.clear();
  zoneValidity.set(zone, valid);
  return valid;
}

function zoneContext(zone: string): ReturnType<typeof tz> {
  let context = zoneContexts.get(zone);
  if (context === undefined) {
    if (zoneContexts.size >= MAX_CACHED_ZONES) zoneContexts.clear();
    context = tz(zone);
    zoneContexts.set(zone, context);
  }
  return context;
}

/**
 * Resolves one end of a range: date math (`now-1h`, `now/d`, `<iso>||-1d`), epoch milliseconds or an
 * ISO-8601 instant. Returns `undefined` when `text` is none of these.
 * @throws RangeError when `options.timeZone` is not a known IANA zone.
 */
export function resolveTime(text: string, now: Date, options: TimeMathOptions = {}): Date | undefined {
  const zone = options.timeZone ?? 'UTC';
  if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone "${zone}"`);
  const trimmed = text.trim();
  if (trimmed === '') return undefined;

  let anchor: Date | undefined;
  let math: string;
  if (trimmed.startsWith('now')) {
    anchor = now;
    math = trimmed.slice(3);
  } else {
    const bars = trimmed.indexOf('||');
    anchor = parseInstant(bars === -1 ? trimmed : trimmed.slice(0, bars));
    math = bars === -1 ? '' : trimmed.slice(bars + 2);
  }
  if (anchor === undefined || Number.isNaN(anchor.getTime())) return undefined;
  const resolved = applyDateMath(math, anchor, zone, options);
  // `now-99999999999y` steps off the end of the Date range: no instant, not an exception later.
  return resolved === undefined || Number.isNaN(resolved.getTime()) ? undefined : resolved;
}

/**
 * Resolves a `from`/`to` pair into ISO-8601 UTC instants; `to` rounds up, as in Grafana and Kibana.
 * `relative` is true when either end moves with the clock.
 */
export function resolveRange(from: string, to: string, now: Date, options: Omit<TimeMathOptions, 'roundUp'> = {}): TimeRange | undefined {
  const start = resolveTime(from, now, { ...options, roundUp: false });
  const end = resolveTime(to, now, { ...options, roundUp: true });
  if (start === undefined || end === undefined) return undefined;
  return {
    from: start.toISOString(),
    to: end.toISOString(),
    relative: isRelativeTime(from) || isRelativeTime(to),
  };
}

/**
 * Milliseconds in a Grafana interval such as `10s`, `1h`, `1.5h`, `500ms`, `7d`, or a bare number of
 * milliseconds. Months and years are fixed 30/365 days, as Grafana's `intervalToMs` counts them.
 */
export function durationToMs(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w|M|y)?\s*$/.exec(text);
  if (match === null) return undefined;
  const amount = Number(match[1]);
  const unit = match[2] ?? 'ms';
  const ms = amount * (durationUnitMs(unit) ?? Number.NaN);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * An absolute instant written as epoch milliseconds, an ISO-8601 date or date-time, or Grafana's
 * compact `YYYYMMDD` / `YYYYMMDDTHHmmss` (UTC) URL forms.
 */
export function parseInstant(text: string): Date | undefined {
  const value = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?$/.exec(value);
  if (compact !== null) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = compact;
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
    // Reject 20261340 and the like rather than let Date roll them over.
    if (date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d)) return date;
  }
  if (/^-?\d+$/.test(value)) {
    const date = new Date(Number(value));
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  // ISO only: a date, or a date-time with an explicit zone. A zone-less date-time would depend on the
  // machine's zone, so it is read as UTC.
  const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (iso === null) return undefined;
  let normalized = value.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1');
  if (normalized.length > 10 && iso[1] === undefined) normalized += 'Z';
  const date = new Date(normalized);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function applyDateMath(math: string, anchor: Date, zone: string, options: TimeMathOptions): Date | undefined {
  const text = math.replace(/\s/g, '');
  if (text === '') return new Date(anchor.getTime());
  // The common `now-15m` / `now-6h` needs no calendar: hours, minutes and seconds are fixed lengths
  // of real time in every zone, so plain arithmetic, no zone machinery.
  const fixed = /^([+-])(\d{1,10})?([hms])$/.exec(text);
  if (fixed !== null) {
    const [, sign, amount = '1', unit = 's'] = fixed;
    const delta = Number(amount) * (durationUnitMs(unit) ?? 0);
    return new Date(anchor.getTime() + (sign === '-' ? -delta : delta));
  }
  let time: Date = zoneContext(zone)(anchor);
  let i = 0;
  while (i < text.length) {
    const op = text[i++];
    if (op !== '+' && op !== '-' && op !== '/') return undefined;
    const digitsStart = i;
    while (i < text.length && /\d/.test(text[i] ?? '')) i++;
    if (i - digitsStart > MAX_AMOUNT_DIGITS) return undefined;
    const amount = i === digitsStart ? 1 : Number(text.slice(digitsStart, i));
    const unit = text[i++];
    if (unit === undefined || !UNITS.has(unit)) return undefined;
    if (op === '/') {
      // Rounding is to one whole unit only (`/d`, `/1d`), as in Grafana and Elastic.
      if (amount !== 1) return undefined;
      time = round(time, unit as DateMathUnit, zone, options);
    } else {
      time = shift(time, op === '+' ? amount : -amount, unit as DateMathUnit, zone);
    }
  }
  return new Date(time.getTime());
}

function shift(time: Date, amount: number, unit: DateMathUnit, zone: string): Date {
  const inZone = { in: zoneContext(zone) };
  switch (unit) {
    case 'y':
      return addYears(time, amount, inZone);
    case 'Q':
      return addQuarters(time, amount, inZone);
    case 'M':
      return addMonths(time, amount, inZone);
    case 'w':
      return addWeeks(time, amount, inZone);
    case 'd':
      return addDays(time, amount, inZone);
    case 'h':
      return addHours(time, amount, inZone);
    case 'm':
      return addMinutes(time, amount, inZone);
    case 's':
      return addSeconds(time, amount, inZone);
  }
}

function round(time: Date, unit: DateMathUnit, zone: string, options: TimeMathOptions): Date {
  const context = { in: zoneContext(zone), weekStartsOn: options.weekStartsOn ?? 0 };
  if (options.roundUp === true) {
    switch (unit) {
      case 'y':
        return endOfYear(time, context);
      case 'Q':
        return endOfQuarter(time, context);
      case 'M':
        return endOfMonth(time, context);
      case 'w':
        return endOfWeek(time, context);
      case 'd':
        return endOfDay(time, context);
      case 'h':
        return endOfHour(time, context);
      case 'm':
        return endOfMinute(time, context);
      case 's':
        return endOfSecond(time, context);
    }
  }
  switch (unit) {
    case 'y':
      return startOfYear(time, context);
    case 'Q':
      return startOfQuarter(time, context);
    case 'M':
      return startOfMonth(time, context);
    case 'w':
      return startOfWeek(time, context);
    case 'd':
      return startOfDay(time, context);
    case 'h':
      return startOfHour(time, context);
    case 'm':
      return startOfMinute(time, context);
    case 's':
      return startOfSecond(time, context);
  }
}
