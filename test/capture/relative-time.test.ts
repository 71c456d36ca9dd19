import { describe, expect, it } from 'vitest';
import { durationToMs, isRelativeTime, parseInstant, resolveRange, resolveTime } from '../../src/capture/relative-time.ts';

const NOW = new Date('2026-11-28T09:10:00.000Z'); // a Saturday

describe('resolveTime', () => {
  // Expected values follow Grafana's datemath.test.ts rules: `-`/`+` step, `/unit` rounds to the
  // start of the unit (or its last millisecond with roundUp), rounding only by one whole unit.
  it.each([
    { text: 'now', expected: '2026-11-28T09:10:00.000Z' },
    { text: 'now-1h', expected: '2026-11-28T08:10:00.000Z' },
    { text: 'now-90m', expected: '2026-11-28T07:40:00.000Z' },
    { text: 'now+2d', expected: '2026-11-30T09:10:00.000Z' },
    { text: 'now-7d', expected: '2026-11-21T09:10:00.000Z' },
    { text: 'now/d', expected: '2026-11-28T00:00:00.000Z' },
    { text: 'now/d', roundUp: true, expected: '2026-11-28T23:59:59.999Z' },
    { text: 'now-1d/d', expected: '2026-11-27T00:00:00.000Z' },
    { text: 'now-1d/d', roundUp: true, expected: '2026-11-27T23:59:59.999Z' },
    { text: 'now/w', expected: '2026-11-22T00:00:00.000Z' },
    { text: 'now/w', weekStartsOn: 1 as const, expected: '2026-11-23T00:00:00.000Z' },
    { text: 'now/M', expected: '2026-11-01T00:00:00.000Z' },
    { text: 'now/Q', expected: '2026-10-01T00:00:00.000Z' },
    { text: 'now/y', roundUp: true, expected: '2026-12-31T23:59:59.999Z' },
    { text: 'now/1d', expected: '2026-11-28T00:00:00.000Z' },
    { text: 'now - 1h', expected: '2026-11-28T08:10:00.000Z' },
    { text: '2026-03-01T00:00:00Z||+1M/M', expected: '2026-04-01T00:00:00.000Z' },
    { text: '1795857000000', expected: '2026-11-28T09:10:00.000Z' },
    { text: '2026-11-28T10:10:00+01:00', expected: '2026-11-28T09:10:00.000Z' },
  ])('$text (roundUp $roundUp) is $expected', ({ text, roundUp, weekStartsOn, expected }) => {
    expect(resolveTime(text, NOW, { roundUp, weekStartsOn })?.toISOString()).toBe(expected);
  });

  it.each(['', 'now&1d', 'now/2d', 'now-1x', 'now-12345678901h', 'yesterday', 'now-'])('rejects %j', (text) => {
    expect(resolveTime(text, NOW)).toBeUndefined();
  });

  it('says which time zone it does not know', () => {
    expect(() => resolveTime('now/d', NOW, { timeZone: 'Mars/Olympus' })).toThrow('Unknown time zone "Mars/Olympus"');
  });
});

describe('time zones and DST', () => {
  it.each([
    {
      // Berlin springs forward at 02:00 on Sunday 29 March 2026: that day has 23 hours.
      name: 'today in Berlin on the spring-forward day',
      now: '2026-03-29T10:30:00.000Z',
      zone: 'Europe/Berlin',
      from: 'now/d',
      to: 'now/d',
      expected: { from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T21:59:59.999Z' },
    },
    {
      name: 'yesterday in Berlin seen from the day after spring-forward (still 24 hours, CET)',
      now: '2026-03-30T10:30:00.000Z',
      zone: 'Europe/Berlin',
      from: 'now-1d/d',
      to: 'now-1d/d',
      expected: { from: '2026-03-28T23:00:00.000Z', to: '2026-03-29T21:59:59.999Z' },
    },
    {
      // A calendar day keeps the wall-clock time across the change (moment does the same):
      // 12:30 CEST today is 12:30 CET yesterday, 23 real hours earlier.
      name: 'now-1d across spring-forward in Berlin',
      now: '2026-03-29T10:30:00.000Z',
      zone: 'Europe/Berlin',
      from: 'now-1d',
      to: 'now',
      expected: { from: '2026-03-28T11:30:00.000Z', to: '2026-03-29T10:30:00.000Z' },
    },
    {
      name: 'now-24h across spring-forward in Berlin is 24 real hours',
      now: '2026-03-29T10:30:00.000Z',
      zone: 'Europe/Berlin',
      from: 'now-24h',
      to: 'now',
      expected: { from: '2026-03-28T10:30:00.000Z', to: '2026-03-29T10:30:00.000Z' },
    },
    {
      // New York falls back at 02:00 on Sunday 1 November 2026: that day has 25 hours.
      name: 'today in New York on the fall-back day',
      now: '2026-11-01T15:00:00.000Z',
      zone: 'America/New_York',
      from: 'now/d',
      to: 'now/d',
      expected: { from: '2026-11-01T04:00:00.000Z', to: '2026-11-02T04:59:59.999Z' },
    },
    {
      name: 'yesterday in New York the day after fall-back',
      now: '2026-11-02T12:00:00.000Z',
      zone: 'America/New_York',
      from: 'now-1d/d',
      to: 'now-1d/d',
      expected: { from: '2026-11-01T04:00:00.000Z', to: '2026-11-02T04:59:59.999Z' },
    },
    {
      // Before 04:00 UTC it is still Saturday 31 October in New York.
      name: 'the local date, not the UTC date, decides the day',
      now: '2026-11-01T03:30:00.000Z',
      zone: 'America/New_York',
      from: 'now/d',
      to: 'now',
      expected: { from: '2026-10-31T04:00:00.000Z', to: '2026-11-01T03:30:00.000Z' },
    },
    {
      name: 'UTC by default',
      now: '2026-11-01T03:30:00.000Z',
      zone: undefined,
      from: 'now/d',
      to: 'now/d',
      expected: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-01T23:59:59.999Z' },
    },
    {
      name: 'a zone east of UTC rounds to its own midnight',
      now: '2026-11-28T09:10:00.000Z',
      zone: 'Asia/Kolkata',
      from: 'now/d',
      to: 'now/d',
      expected: { from: '2026-11-27T18:30:00.000Z', to: '2026-11-28T18:29:59.999Z' },
    },
  ])('$name', ({ now, zone, from, to, expected }) => {
    expect(resolveRange(from, to, new Date(now), { timeZone: zone })).toEqual({ ...expected, relative: true });
  });
});

describe('resolveRange', () => {
  it('is relative when either end moves with the clock', () => {
    expect(resolveRange('2026-11-28T00:00:00Z', 'now', NOW)?.relative).toBe(true);
    expect(resolveRange('2026-11-28T00:00:00Z', '2026-11-28T01:00:00Z', NOW)?.relative).toBe(false);
  });

  it('has no range when either end is unreadable', () => {
    expect(resolveRange('now-1h', 'later', NOW)).toBeUndefined();
  });
});

describe('parseInstant', () => {
  it.each([
    ['1410337646373', '2014-09-10T08:27:26.373Z'],
    ['20140410T052010', '2014-04-10T05:20:10.000Z'],
    ['20140410', '2014-04-10T00:00:00.000Z'],
    ['20149999', '1970-01-01T05:35:49.999Z'], // not a date, so epoch ms, as Grafana reads it
    ['2015-09-19T06:31:44.000Z', '2015-09-19T06:31:44.000Z'],
    ['2025-03-26T16:38:28.000', '2025-03-26T16:38:28.000Z'], // no zone: UTC
    ['2019-10-25 23:37', '2019-10-25T23:37:00.000Z'],
    ['2026-11-28', '2026-11-28T00:00:00.000Z'],
    ['2026-11-28T09:10:00.123456789Z', '2026-11-28T09:10:00.123Z'],
  ])('%s is %s', (text, expected) => {
    expect(parseInstant(text)?.toISOString()).toBe(expected);
  });

  it.each(['', 'now', 'Sep 19, 2015', '2026-13-45T00:00:00Z'])('rejects %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe('durationToMs', () => {
  it.each([
    ['10000', 10_000],
    ['10s', 10_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    ['7d', 604_800_000],
  ])('%s is %d ms', (text, expected) => {
    expect(durationToMs(text)).toBe(expected);
  });

  it('rejects what is not a duration', () => {
    expect(durationToMs('soon')).toBeUndefined();
  });
});

it('isRelativeTime knows date math from instants', () => {
  expect(isRelativeTime('now-1h')).toBe(true);
  expect(isRelativeTime('1410337646373')).toBe(false);
});
