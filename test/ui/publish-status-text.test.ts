import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishResult, TimeDisplay } from '../../src/model';
import type { UpdateDue } from '../../src/publish/cadence';
import { canRetryNow, describeMinutes, describePublishResult, describeUpdateDue, describeWait } from '../../src/ui/publish-status-text';

// A zone with DST: on 2026-03-29 Berlin moves from UTC+1 to UTC+2 at 01:00 UTC. Set before the
// first time is formatted (format-time keeps its formatters), restored after.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const result = (patch: Partial<PublishResult>): PublishResult => ({
  targetId: 'host',
  state: 'pending',
  at: '2026-03-29T01:30:00.000Z',
  message: '',
  ...patch,
});
const now = new Date('2026-03-29T01:30:00.000Z');

describe('describePublishResult', () => {
  it.each<[string, PublishResult | undefined, TimeDisplay, string]>([
    ['nothing yet', undefined, 'local', 'Not published yet'],
    ['pending', result({ state: 'pending', message: 'Waiting to publish' }), 'local', 'Waiting to publish'],
    ['publishing', result({ state: 'publishing' }), 'local', 'Publishing…'],
    // After the DST change: 01:04:31 UTC is 03:04:31 CEST.
    ['published, summer time', result({ state: 'published', publishedAt: '2026-03-29T01:04:31.000Z' }), 'local', 'Published 03:04:31'],
    // Before it: 00:59:59 UTC is 01:59:59 CET.
    ['published, winter time', result({ state: 'published', publishedAt: '2026-03-29T00:59:59.000Z' }), 'local', 'Published 01:59:59'],
    ['published, in UTC', result({ state: 'published', publishedAt: '2026-03-29T01:04:31.000Z' }), 'utc', 'Published 01:04:31 UTC'],
    // 23:30 UTC on the 28th is already the 29th in Berlin, but still the 28th in UTC.
    ['published late last night (local)', result({ state: 'published', publishedAt: '2026-03-28T23:30:00.000Z' }), 'local', 'Published 00:30:00'],
    ['published yesterday (UTC)', result({ state: 'published', publishedAt: '2026-03-28T23:30:00.000Z' }), 'utc', 'Published Sat, 28 Mar 2026 23:30:00 UTC'],
    ['published without publishedAt', result({ state: 'published', at: '2026-03-29T01:10:00.000Z' }), 'local', 'Published 03:10:00'],
    [
      'retrying in seconds',
      result({ state: 'retrying', message: 'Host unreachable (127.0.0.1:8787).', nextAttemptAt: '2026-03-29T01:30:30.000Z' }),
      'local',
      'Host unreachable (127.0.0.1:8787), retrying in 30 s',
    ],
    [
      'retrying in minutes',
      result({ state: 'retrying', message: 'Host error (HTTP 502) on api/v2/summary.json', nextAttemptAt: '2026-03-29T01:34:00.000Z' }),
      'local',
      'Host error (HTTP 502) on api/v2/summary.json, retrying in 4 min',
    ],
    [
      'retrying, due already',
      result({ state: 'retrying', message: 'Host unreachable', nextAttemptAt: '2026-03-29T01:29:00.000Z' }),
      'local',
      'Host unreachable, retrying now',
    ],
    ['retrying with no words', result({ state: 'retrying', message: ' ' }), 'local', 'Publishing failed, retrying now'],
    [
      'failed',
      result({ state: 'failed', message: 'Token refused: check the token in Settings → Publishing' }),
      'local',
      'Token refused: check the token in Settings → Publishing',
    ],
    ['failed with no words', result({ state: 'failed', message: '' }), 'local', 'Publishing failed'],
  ])('%s', (_label, given, timeDisplay, expected) => {
    expect(describePublishResult(given, { now, timeDisplay, locale: 'en-GB' })).toBe(expected);
  });
});

describe('canRetryNow', () => {
  it.each<[PublishResult['state'] | undefined, boolean]>([
    [undefined, false],
    ['pending', false],
    ['publishing', false],
    ['published', false],
    ['retrying', true],
    ['failed', true],
  ])('%s → %s', (state, expected) => {
    expect(canRetryNow(state && result({ state }))).toBe(expected);
  });
});

describe('waits', () => {
  it.each([
    [400, '1 s'],
    [29_001, '30 s'],
    [59_000, '59 s'],
    [60_000, '1 min'],
    [150_000, '3 min'],
    [3_600_000, '1 h'],
    [7_500_000, '2 h 5 min'],
  ])('%i ms → %s', (ms, expected) => {
    expect(describeWait(ms)).toBe(expected);
  });

  it.each([
    [12, '12 min'],
    [60, '1 h'],
    [61, '1 h 1 min'],
  ])('%i minutes → %s', (minutes, expected) => {
    expect(describeMinutes(minutes)).toBe(expected);
  });
});

describe('describeUpdateDue', () => {
  const due = (dueAt: string, first: boolean): UpdateDue => ({ dueAt, first, overdue: now.toISOString() >= dueAt });
  it.each<[string, UpdateDue | undefined, string]>([
    ['resolved: nothing owed', undefined, ''],
    ['first, in time', due('2026-03-29T01:34:10.000Z', true), 'First public update due in 5 min'],
    ['next, in time', due('2026-03-29T01:42:00.000Z', false), 'Next public update due in 12 min'],
    ['next, in hours', due('2026-03-29T03:00:00.000Z', false), 'Next public update due in 1 h 30 min'],
    ['due this second', due('2026-03-29T01:30:00.000Z', false), 'Public update due now'],
    ['late by seconds', due('2026-03-29T01:29:10.000Z', true), 'First public update due now'],
    ['overdue', due('2026-03-29T01:26:30.000Z', false), 'Public update overdue by 3 min'],
    ['first overdue', due('2026-03-29T01:20:00.000Z', true), 'First public update overdue by 10 min'],
  ])('%s', (_label, given, expected) => {
    expect(describeUpdateDue(given, now)).toBe(expected);
  });
});
