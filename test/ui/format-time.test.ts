import { describe, expect, it } from 'vitest';
import { dayKey, formatAge, formatCount, formatWindow, fromDateTimeInput, toDateTimeInput } from '../../src/ui/format-time';

describe('dayKey', () => {
  it.each([
    ['2026-11-28T23:59:59.999Z', '2026-11-28'],
    ['2026-11-29T00:00:00.000Z', '2026-11-29'],
    ['2026-12-31T23:30:00.000Z', '2026-12-31'],
  ])('groups %s on %s in UTC', (iso, day) => {
    expect(dayKey(iso, 'utc')).toBe(day);
  });

  it('agrees with Intl for local days across a year (DST changes included)', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3_600_000 * 7) {
      const iso = new Date(t).toISOString();
      expect(dayKey(iso, 'local')).toBe(intl.format(new Date(t)));
    }
  });
});

describe('formatAge', () => {
  it.each([
    [30, '30s'],
    [12 * 60, '12m'],
    [2 * 3600 + 5 * 60, '2h 05m'],
    [3 * 86400 + 4 * 3600, '3d 4h'],
    [-5, '0s'],
  ])('%i seconds → %s', (seconds, label) => {
    const start = '2026-11-28T09:00:00.000Z';
    expect(formatAge(start, new Date(Date.parse(start) + seconds * 1000))).toBe(label);
  });
});

describe('datetime-local round trip', () => {
  it.each(['utc', 'local'] as const)('%s: an instant survives edit form and back', (mode) => {
    const iso = '2026-03-29T01:30:15.000Z';
    expect(fromDateTimeInput(toDateTimeInput(iso, mode), mode)).toBe(iso);
  });

  it.each(['', 'yesterday', '2026-13-45T99:99'])('rejects %j', (value) => {
    expect(fromDateTimeInput(value, 'utc')).toBeUndefined();
  });
});

describe('formatWindow and formatCount (issue 10)', () => {
  it.each([
    ['UTC, one day', '2026-11-28T10:13:00.000Z', '2026-11-28T11:13:00.000Z', 'utc', 'UTC', /^10:13–11:13 UTC$|^10:13 AM–11:13 AM UTC$/],
    [
      'UTC, two days',
      '2026-11-28T23:50:00.000Z',
      '2026-11-29T00:20:00.000Z',
      'utc',
      'UTC',
      /^Sat, .*28.* 11:50 PM – Sun, .*29.* 12:20 AM UTC$|^Sat, .*28.* 23:50 – Sun, .*29.* 00:20 UTC$/,
    ],
    // Berlin leaves summer time at 01:00 UTC on 25 Oct 2026: the zone said is the window's end's.
    ['Berlin across the DST change', '2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z', 'local', 'Europe/Berlin', /^02:30( AM)?–02:30( AM)? GMT\+1$/],
  ] as const)('%s', (_name, from, to, mode, tz, expected) => {
    process.env.TZ = tz;
    try {
      expect(formatWindow(from, to, mode)).toMatch(expected);
    } finally {
      delete process.env.TZ;
    }
  });

  it.each([
    [0, '0 entries'],
    [1, '1 entry'],
    [2, '2 entries'],
    [1000, '1,000 entries'],
  ])('%i → %s', (n, text) => {
    expect(formatCount(n, 'entry', 'entries')).toBe(text);
  });
});
