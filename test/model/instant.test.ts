import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARLIEST_INSTANT, LATEST_INSTANT, isStorableInstant } from '../../src/model';

/** The definition the digit check replaces: a Date round trip that writes back the same text. */
function byRoundTrip(value: string): boolean {
  if (value < EARLIEST_INSTANT || value > LATEST_INSTANT) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isStorableInstant', () => {
  it.each([
    ['2026-11-30T12:00:00.000Z', true],
    ['2024-02-29T23:59:59.999Z', true],
    ['2026-02-29T00:00:00.000Z', false],
    ['2100-02-29T00:00:00.000Z', false],
    ['2000-02-29T00:00:00.000Z', true],
    ['2026-04-31T00:00:00.000Z', false],
    ['2026-11-30T24:00:00.000Z', false],
    ['2026-11-30T12:00:60.000Z', false],
    ['2026-11-30T12:00:00Z', false],
    ['2026-11-30T12:00:00.000+00:00', false],
    ['1969-12-31T23:59:59.999Z', false],
    ['3000-01-01T00:00:00.000Z', false],
  ])('%s → %s', (value, ok) => {
    expect(isStorableInstant(value)).toBe(ok);
    expect(byRoundTrip(value)).toBe(ok);
  });

  it('agrees with a Date round trip on every digit combination near the edges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1960, max: 3010 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 999 }),
        (y, mo, d, h, mi, s, ms) => {
          const value = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`;
          expect(isStorableInstant(value)).toBe(byRoundTrip(value));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
