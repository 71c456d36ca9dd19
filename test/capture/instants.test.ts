import { describe, expect, it } from 'vitest';
import {
  epochMicrosToIso,
  epochMillisToIso,
  epochSecondsToIso,
  isoDurationToMs,
  isoToIso,
  msToIso,
  parseIsoDuration,
  periodToMs,
  rangeFromMs,
} from '../../src/capture/instants.ts';

const H = 3_600_000;
const D = 24 * H;

describe('epoch conversions', () => {
  it.each([
    // Honeycomb trace link, evergreen-ci/ui getHoneycombTraceUrl test: trace_start_ts=1688756921.
    [epochSecondsToIso, '1688756921', '2023-07-07T19:08:41.000Z'],
    [epochSecondsToIso, 1688756941, '2023-07-07T19:09:01.000Z'],
    [epochSecondsToIso, '1688756921.25', '2023-07-07T19:08:41.250Z'],
    // Datadog dashboard link (commcare-hq pillow firefighting guide): from_ts=1755710820633.
    [epochMillisToIso, '1755710820633', '2025-08-20T17:27:00.633Z'],
    [epochMillisToIso, '0', '1970-01-01T00:00:00.000Z'],
    // Jaeger search link (dragonfly docs style): start=1762312557758000 (microseconds).
    [epochMicrosToIso, '1762312557758000', '2025-11-05T03:15:57.758Z'],
    [epochMicrosToIso, ' 1762312557758999 ', '2025-11-05T03:15:57.758Z'],
  ])('%o(%o) → %s', (fn, input, expected) => {
    expect(fn(input)).toBe(expected);
  });

  it.each(['', 'abc', '-5', '1e9', '0x10', '12 34', 'NaN', '1755710820633ms', '99999999999999999999'])('rejects %o', (input) => {
    expect(epochMillisToIso(input)).toBeUndefined();
    expect(epochSecondsToIso(input)).toBeUndefined();
    expect(epochMicrosToIso(input)).toBeUndefined();
  });

  it('rejects non-finite and out-of-range numbers', () => {
    expect(epochSecondsToIso(Number.NaN)).toBeUndefined();
    expect(epochSecondsToIso(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(epochSecondsToIso(-1)).toBeUndefined();
    expect(msToIso(Date.UTC(10000, 0, 1))).toBeUndefined();
    expect(msToIso(Date.UTC(9999, 11, 31, 23, 59, 59, 999))).toBe('9999-12-31T23:59:59.999Z');
  });
});

describe('isoToIso', () => {
  it.each([
    // Google Cloud Logging cursorTimestamp, nanoseconds (truncated to ms).
    ['2022-06-18T15:34:41.822997983Z', '2022-06-18T15:34:41.822Z'],
    // CloudWatch Logs Insights ABSOLUTE value after JSURL decoding.
    ['2021-11-27T04:59:59.000Z', '2021-11-27T04:59:59.000Z'],
    // Sentry start/end: no zone, read as UTC (moment.utc).
    ['2026-11-28T08:10:00', '2026-11-28T08:10:00.000Z'],
    ['2026-11-28T08:10:00.5', '2026-11-28T08:10:00.500Z'],
    ['2026-11-28', '2026-11-28T00:00:00.000Z'],
    ['2026-11-28T08:10', '2026-11-28T08:10:00.000Z'],
    ['2026-11-28 08:10:00Z', '2026-11-28T08:10:00.000Z'],
    ['2026-11-28T10:10:00+02:00', '2026-11-28T08:10:00.000Z'],
    ['2026-11-28T03:10:00-0500', '2026-11-28T08:10:00.000Z'],
    ['2026-11-28T09:10:00+01', '2026-11-28T08:10:00.000Z'],
    ['2024-02-29T12:00:00z', '2024-02-29T12:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(isoToIso(input)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '2026-13-01',
    '2026-02-30T00:00:00Z',
    '2023-02-29',
    '2026-11-28T24:00:00Z',
    '2026-11-28T08:60:00Z',
    '2026-11-28T08:10:61Z',
    '2026-11-28T08:10:00+25:00',
    '0099-01-01T00:00:00Z',
    '2026-11-28T08:10:00ZZ',
    '1700000000000',
  ])('rejects %o', (input) => {
    expect(isoToIso(input)).toBeUndefined();
  });

  it('can refuse zoneless values', () => {
    expect(isoToIso('2026-11-28T08:10:00', { zoneless: 'reject' })).toBeUndefined();
    expect(isoToIso('2026-11-28T08:10:00Z', { zoneless: 'reject' })).toBe('2026-11-28T08:10:00.000Z');
  });
});

describe('ISO-8601 durations', () => {
  it.each([
    // CloudWatch metrics graph: start~'-PT3H~end~'P0D.
    ['-PT3H', -3 * H],
    ['P0D', 0],
    // CloudWatch dashboards ?start=PT1H, Google Cloud Logging timeRange=PT1H / PT30S / duration=P1D.
    ['PT1H', H],
    ['PT30S', 30_000],
    ['P1D', D],
    ['P2W', 14 * D],
    ['P1DT12H', 36 * H],
    ['PT0.5S', 500],
    ['PT1,5M', 90_000],
    ['pt15m', 15 * 60_000],
  ])('%s → %d ms', (input, expected) => {
    expect(isoDurationToMs(input)).toBe(expected);
  });

  it('measures months and years back from the given end on the UTC calendar', () => {
    const end = new Date('2026-03-31T00:00:00Z');
    // 31 March minus one month clamps to 3 March in JS (28 Feb + 3), the UTC calendar rule.
    expect(isoDurationToMs('P1M', end)).toBe(end.getTime() - Date.parse('2026-03-03T00:00:00Z'));
    expect(isoDurationToMs('P1Y', new Date('2026-11-28T00:00:00Z'))).toBe(365 * D);
    expect(isoDurationToMs('-P1Y', new Date('2025-11-28T00:00:00Z'))).toBe(-365 * D);
    expect(isoDurationToMs('P1M')).toBeUndefined();
  });

  it.each(['', 'P', 'PT', '1H', 'P1H', 'PT1D', 'P1DT', 'P1.5M', 'PT-1H', 'P1D2H', 'P1Y2Y', 'now-1h'])('rejects %o', (input) => {
    expect(parseIsoDuration(input)).toBeUndefined();
    expect(isoDurationToMs(input, new Date())).toBeUndefined();
  });
});

describe('periodToMs', () => {
  it.each([
    // Sentry statsPeriod values (sentry.io issue links: 14d, 24h, 7d).
    ['14d', undefined, 14 * D],
    ['24h', undefined, 24 * H],
    ['1w', undefined, 7 * D],
    ['30m', undefined, 30 * 60_000],
    ['90s', undefined, 90_000],
    // Sentry reads a bare number as seconds (parseStatsPeriod defaults to `s`).
    ['3600', 's' as const, H],
    // Jaeger lookback values.
    ['2d', undefined, 2 * D],
  ])('%s (default unit %s) → %d ms', (input, defaultUnit, expected) => {
    expect(periodToMs(input, { defaultUnit })).toBe(expected);
  });

  it.each(['', '3600', '1y', '-1h', '1.5h', 'h', '24 h', 'custom', '99999999999999999999w'])('rejects %o without a default unit', (input) => {
    expect(periodToMs(input)).toBeUndefined();
  });
});

describe('rangeFromMs', () => {
  it('builds a range and refuses reversed or out-of-range ends', () => {
    expect(rangeFromMs(0, 1000, false)).toEqual({
      from: '1970-01-01T00:00:00.000Z',
      to: '1970-01-01T00:00:01.000Z',
      relative: false,
    });
    expect(rangeFromMs(2000, 1000, false)).toBeUndefined();
    expect(rangeFromMs(-1, 1000, true)).toBeUndefined();
  });
});
