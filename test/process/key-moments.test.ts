import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDuration, timingsOf } from '../../src/process/key-moments';
import { incidentAt } from './fixtures';

const T = (hhmm: string, day = '2026-03-28') => `${day}T${hhmm}:00.000Z`;
const min = 60_000;

// Durations are between instants: the zone the browser runs in must change nothing, even across
// the night Berlin and New York move their clocks.
describe.each(['UTC', 'Europe/Berlin', 'America/New_York'])('timingsOf in %s', (zone) => {
  const before = process.env.TZ;
  beforeEach(() => void (process.env.TZ = zone));
  afterEach(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
  it.each([
    [
      'a clean run',
      incidentAt({
        startedAt: T('10:00'),
        detectedAt: T('10:04'),
        acknowledgedAt: T('10:06'),
        mitigatedAt: T('10:30'),
        status: 'resolved',
        resolvedAt: T('11:00'),
      }),
      { detect: 4 * min, acknowledge: 2 * min, mitigate: 30 * min, resolve: 60 * min },
      {},
    ],
    [
      // Declared at 10:20, then the start backdated to the first alert (09:50) after the fact.
      'a start backdated after declaring',
      incidentAt({
        createdAt: T('10:20'),
        startedAt: T('09:50'),
        detectedAt: T('10:20'),
        acknowledgedAt: T('10:22'),
        status: 'resolved',
        resolvedAt: T('11:20'),
        mitigatedAt: T('10:50'),
      }),
      { detect: 30 * min, acknowledge: 2 * min, mitigate: 60 * min, resolve: 90 * min },
      {},
    ],
    [
      'a detection backdated to when the alert fired, days before',
      incidentAt({
        startedAt: T('23:30', '2026-03-27'),
        detectedAt: T('23:45', '2026-03-27'),
        acknowledgedAt: T('08:45'),
        status: 'resolved',
        resolvedAt: T('09:30'),
      }),
      { detect: 15 * min, acknowledge: 9 * 60 * min, mitigate: 10 * 60 * min, resolve: 10 * 60 * min },
      {},
    ],
    [
      // Berlin's clocks jump 02:00 → 03:00 local that night: one real hour, not two.
      'across the night the clocks change',
      incidentAt({
        startedAt: '2026-03-29T00:30:00.000Z',
        detectedAt: '2026-03-29T01:30:00.000Z',
        acknowledgedAt: '2026-03-29T01:40:00.000Z',
        status: 'resolved',
        resolvedAt: '2026-03-29T02:30:00.000Z',
        mitigatedAt: '2026-03-29T02:00:00.000Z',
      }),
      { detect: 60 * min, acknowledge: 10 * min, mitigate: 90 * min, resolve: 120 * min },
      {},
    ],
    [
      'still open, nothing after the acknowledgement',
      incidentAt({ startedAt: T('10:00'), detectedAt: T('10:01'), acknowledgedAt: T('10:02') }),
      { detect: 1 * min, acknowledge: 1 * min },
      { mitigate: 'open', resolve: 'open' },
    ],
    [
      'open but mitigated',
      incidentAt({ startedAt: T('10:00'), detectedAt: T('10:01'), acknowledgedAt: T('10:02'), mitigatedAt: T('10:12') }),
      { detect: 1 * min, acknowledge: 1 * min, mitigate: 12 * min },
      { resolve: 'open' },
    ],
    [
      'no detection time: acknowledgement counts from the start',
      incidentAt({
        startedAt: T('10:00'),
        detectedAt: undefined,
        acknowledgedAt: T('10:10'),
        status: 'resolved',
        resolvedAt: T('10:40'),
        mitigatedAt: T('10:20'),
      }),
      { acknowledge: 10 * min, mitigate: 20 * min, resolve: 40 * min },
      { detect: 'missing' },
    ],
    [
      'a start moved after the detection is out of order, never negative',
      incidentAt({
        startedAt: T('10:30'),
        detectedAt: T('10:00'),
        acknowledgedAt: T('10:35'),
        status: 'resolved',
        resolvedAt: T('11:00'),
        mitigatedAt: T('10:45'),
      }),
      { acknowledge: 35 * min, mitigate: 15 * min, resolve: 30 * min },
      { detect: 'out-of-order' },
    ],
    [
      'a resolvedAt left on a reopened incident is not a resolution',
      incidentAt({ startedAt: T('10:00'), detectedAt: T('10:00'), acknowledgedAt: T('10:05'), status: 'identified', resolvedAt: T('10:30') }),
      { detect: 0, acknowledge: 5 * min },
      { mitigate: 'open', resolve: 'open' },
    ],
  ])('%s', (_, incident, ms, gaps) => {
    const timings = timingsOf(incident);
    expect(timings.ms).toEqual(ms);
    expect(timings.gaps).toEqual(gaps);
  });

  it('takes the resolution as the mitigation when none was marked, and says so', () => {
    const t = timingsOf(incidentAt({ startedAt: T('10:00'), status: 'resolved', resolvedAt: T('10:45') }));
    expect(t.ms.mitigate).toBe(45 * min);
    expect(t.mitigatedAtResolution).toBe(true);
    expect(timingsOf(incidentAt({ startedAt: T('10:00'), mitigatedAt: T('10:05'), status: 'resolved', resolvedAt: T('10:45') })).mitigatedAtResolution).toBe(
      false,
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [42_000, '42 s'],
    [7 * min, '7 min'],
    [125 * min, '2 h 05 min'],
    [(3 * 24 + 4) * 60 * min, '3 d 4 h'],
  ])('%i ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
