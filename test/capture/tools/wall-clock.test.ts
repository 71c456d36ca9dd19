import { describe, expect, it } from 'vitest';
import { formatCompactYmdHis, formatYmdHis, instantOfWallTime, wallTimeAt, zoneOrUtc } from '../../../src/capture/tools/wall-clock.ts';

const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({ year, month, day, hour, minute, second });
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

// Expected instants worked out by hand from the zones' rules (New York: EDT −4, EST −5, changes
// 8 March and 1 November 2026 at 02:00; Lord Howe Island: +10:30 standard, +11 summer, changes
// 5 April 2026 at 02:00 summer time and 4 October 2026 at 02:00 standard time).
describe('instantOfWallTime', () => {
  it.each([
    ['an ordinary New York afternoon', wall(2026, 11, 28, 4, 10), 'America/New_York', '2026-11-28T09:10:00.000Z'],
    // PHP's DateTime takes the first of a repeated hour (summer time) …
    ['the repeated 01:30 in New York', wall(2026, 11, 1, 1, 30), 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['the repeated 01:45 on Lord Howe', wall(2026, 4, 5, 1, 45), 'Australia/Lord_Howe', '2026-04-04T14:45:00.000Z'],
    // … and moves a time in the skipped hour forward by the gap (02:30 → 03:30 EDT; 02:15 → 02:45 +11).
    ['the skipped 02:30 in New York', wall(2026, 3, 8, 2, 30), 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['the skipped 02:15 on Lord Howe', wall(2026, 10, 4, 2, 15), 'Australia/Lord_Howe', '2026-10-03T15:45:00.000Z'],
    // Fields roll over as PHP's do.
    ['month 13', wall(2026, 13, 1), 'UTC', '2027-01-01T00:00:00.000Z'],
    ['31 February', wall(2026, 2, 31), 'UTC', '2026-03-03T00:00:00.000Z'],
  ])('places %s', (_name, value, zone, expected) => {
    expect(iso(instantOfWallTime(value, zone))).toBe(expected);
  });

  it('has no instant before 1970 or after 9999', () => {
    expect(instantOfWallTime(wall(1969, 12, 31, 23), 'UTC')).toBeUndefined();
    expect(instantOfWallTime(wall(10000, 1, 1), 'UTC')).toBeUndefined();
    expect(instantOfWallTime(wall(-99999999999, 1, 1), 'UTC')).toBeUndefined();
  });
});

describe('wallTimeAt', () => {
  it('reads the wall clock on both sides of a half-hour change', () => {
    expect(formatYmdHis(wallTimeAt(Date.parse('2026-10-03T15:29:59Z'), 'Australia/Lord_Howe'))).toBe('2026-10-04 01:59:59');
    expect(formatYmdHis(wallTimeAt(Date.parse('2026-10-03T15:30:00Z'), 'Australia/Lord_Howe'))).toBe('2026-10-04 02:30:00');
    expect(formatCompactYmdHis(wallTimeAt(Date.parse('2026-11-01T06:30:00Z'), 'America/New_York'))).toBe('20261101013000');
  });

  it('falls back to UTC for a zone it does not know', () => {
    expect(zoneOrUtc('Mars/Olympus')).toBe('UTC');
    expect(zoneOrUtc(undefined)).toBe('UTC');
    expect(zoneOrUtc('Europe/Berlin')).toBe('Europe/Berlin');
  });
});
