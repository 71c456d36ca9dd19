/**
 * Time values as monitoring tools write them in URLs, turned into ISO-8601 UTC instants and
 * millisecond spans. Every function validates its input and answers `undefined` on junk rather
 * than throwing: recognizers read untrusted, hand-edited and truncated URLs.
 */
import type { TimeRange } from '../model/time-range.ts';

/** Latest instant `Date#toISOString()` still writes as a plain four-digit year. */
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Milliseconds in each duration unit as monitoring tools abbreviate them: the one table every
 * recognizer reads. Months and years are fixed 30 and 365 days, as Grafana's `intervalToMs` and
 * Prometheus's `y` count them; steps that follow the calendar in a zone (`now-1M`) do not use it.
 */
export const DURATION_UNIT_MS = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  M: 2_592_000_000,
  y: 31_536_000_000,
} as const;
export type DurationUnit = keyof typeof DURATION_UNIT_MS;

/** The milliseconds in `unit` (URL text), or `undefined`: a key like `constructor` is no unit. */
export function durationUnitMs(unit: string): number | undefined {
  return Object.hasOwn(DURATION_UNIT_MS, unit) ? DURATION_UNIT_MS[unit as DurationUnit] : undefined;
}

export type PeriodUnit = 's' | 'm' | 'h' | 'd' | 'w';

/** Epoch milliseconds → ISO instant, for any finite value within years 1970–9999. */
export function msToIso(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_MS) return undefined;
  return new Date(Math.floor(ms)).toISOString();
}

function epochToIso(value: string | number, msPerUnit: number): string | undefined {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (/^\d+(\.\d+)?$/.test(value.trim())) n = Number(value.trim());
  else return undefined;
  return msToIso(n * msPerUnit);
}

/** Unix seconds (Honeycomb `start_time`, `trace_start_ts`). */
export function epochSecondsToIso(value: string | number): string | undefined {
  return epochToIso(value, 1_000);
}

/** Unix milliseconds (Datadog `from_ts`, CloudWatch log events `start`). */
export function epochMillisToIso(value: string | number): string | undefined {
  return epochToIso(value, 1);
}

/** Unix microseconds (Jaeger `start`/`end`). */
export function epochMicrosToIso(value: string | number): string | undefined {
  return epochToIso(value, 0.001);
}

export interface IsoInstantOptions {
  /**
   * What a timestamp without a zone designator means. Default `utc`: Sentry, for one, writes
   * `2026-11-28T08:10:00` and parses it as UTC. `reject` refuses such values.
   */
  zoneless?: 'utc' | 'reject';
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * An ISO-8601 / RFC 3339 date or date-time → canonical UTC instant (`…T…Z`, milliseconds).
 * Fractions finer than a millisecond (Google Cloud writes nanoseconds) are truncated.
 */
export function isoToIso(text: string, options: IsoInstantOptions = {}): string | undefined {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  if (!zone && options.zoneless === 'reject') return undefined;
  const year = Number(y);
  // Date.UTC maps years 0–99 onto 1900–1999; no monitoring URL predates the epoch anyway.
  if (year < 1970) return undefined;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  if (new Date(local).getUTCDate() !== day) return undefined;
  let offsetMinutes = 0;
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return msToIso(local - offsetMinutes * 60_000);
}

export interface IsoDuration {
  sign: 1 | -1;
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const ISO_DURATION =
  /^([+-])?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** `PT1H`, `-PT3H`, `P0D`, `P1DT12H`, `PT0.5S`, `P2W`, `P1M` → its parts; `undefined` on junk. */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  const t = text.trim().toUpperCase();
  const m = ISO_DURATION.exec(t);
  // `P` and `PT` alone match the pattern but name no duration.
  if (!m || t.endsWith('P') || t.endsWith('T')) return undefined;
  const num = (v: string | undefined) => (v === undefined ? 0 : Number(v.replace(',', '.')));
  return {
    sign: m[1] === '-' ? -1 : 1,
    years: num(m[2]),
    months: num(m[3]),
    weeks: num(m[4]),
    days: num(m[5]),
    hours: num(m[6]),
    minutes: num(m[7]),
    seconds: num(m[8]),
  };
}

/**
 * An ISO-8601 duration → signed milliseconds. Days are 24 h (instants are UTC). Years and
 * months have no fixed length, so they need `endingAt`: the span is measured backwards from
 * it on the UTC calendar, which is what a "last 3 months" lookback means.
 */
export function isoDurationToMs(text: string, endingAt?: Date): number | undefined {
  const d = parseIsoDuration(text);
  if (!d) return undefined;
  let calendarMs = 0;
  if (d.years || d.months) {
    if (!endingAt || !Number.isFinite(endingAt.getTime())) return undefined;
    const end = endingAt.getTime();
    const start = new Date(end);
    start.setUTCMonth(start.getUTCMonth() - (d.years * 12 + d.months));
    calendarMs = end - start.getTime();
  }
  const fixed =
    d.weeks * DURATION_UNIT_MS.w + d.days * DURATION_UNIT_MS.d + d.hours * DURATION_UNIT_MS.h + d.minutes * DURATION_UNIT_MS.m + d.seconds * DURATION_UNIT_MS.s;
  const total = Math.round(calendarMs + fixed);
  return Number.isFinite(total) ? d.sign * total : undefined;
}

export interface PeriodOptions {
  /** Unit of a bare number. Sentry reads `3600` as seconds; `undefined` rejects bare numbers. */
  defaultUnit?: PeriodUnit;
}

/**
 * Sentry-style periods (`24h`, `14d`, `1w`, `30m`, `90s`; Jaeger's `lookback` uses the same
 * grammar) → milliseconds. Sentry's own pattern is `^(\d+)([hdmsw])?$`.
 */
export function periodToMs(text: string, options: PeriodOptions = {}): number | undefined {
  const m = /^(\d+)([smhdw])?$/.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] as PeriodUnit | undefined) ?? options.defaultUnit;
  if (!unit) return undefined;
  const ms = Number(m[1]) * DURATION_UNIT_MS[unit];
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/** A range `[from, to]` from epoch ms, or `undefined` when either end is out of range. */
export function rangeFromMs(fromMs: number, toMs: number, relative: boolean): TimeRange | undefined {
  const from = msToIso(fromMs);
  const to = msToIso(toMs);
  if (!from || !to || fromMs > toMs) return undefined;
  return { from, to, relative };
}
