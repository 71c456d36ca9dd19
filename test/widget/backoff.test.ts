import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../widget/src/feed-client/backoff';

const MINUTE = 60_000;

describe('backoffDelay', () => {
  it.each([
    // failures, base, cap, random → delay
    [1, MINUTE, 30 * MINUTE, 0, MINUTE],
    [1, MINUTE, 30 * MINUTE, 1, 2 * MINUTE],
    [2, MINUTE, 30 * MINUTE, 0, 2 * MINUTE],
    [3, MINUTE, 30 * MINUTE, 1, 8 * MINUTE],
    [10, MINUTE, 30 * MINUTE, 1, 30 * MINUTE],
    [10, MINUTE, 30 * MINUTE, 0, 15 * MINUTE],
    // a poll interval above the cap is never shortened by a failure, whatever the jitter
    [1, 60 * MINUTE, 30 * MINUTE, 0, 60 * MINUTE],
    [1, 60 * MINUTE, 30 * MINUTE, 1, 60 * MINUTE],
    [4, 60 * MINUTE, 30 * MINUTE, 0.5, 60 * MINUTE],
  ])('after %i failure(s) at base %i, cap %i, random %d waits %i ms', (failures, base, cap, random, expected) => {
    expect(backoffDelay(failures, base, cap, () => random)).toBe(expected);
  });

  it('doubles the ceiling with each failure and jitters within its upper half', () => {
    for (let failures = 1; failures <= 4; failures++) {
      const ceiling = 15_000 * 2 ** failures;
      for (const r of [0, 0.25, 0.5, 0.999]) {
        const delay = backoffDelay(failures, 15_000, 30 * MINUTE, () => r);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });
});
