import { describe, expect, it } from 'vitest';
import { ratioRow, withinRatio } from '../../bench/harness/row';

const summary = (median: number) => ({ median, p95: median, runs: 9 });

describe('a ratio row keeps to its bound', () => {
  it.each([
    // Clock readings 0.1 ms apart, as a service worker's are: 1.4 ms over 0.7 ms is exactly 2×.
    ['exactly on the bound, as clock differences come out (ratio 2.0000000000001625)', 1.3999999999999773, 0.6999999999999318, 2, true],
    ['exactly on the bound, as a service worker’s clock gave it (ratio 2.0000000093)', 1.6000000014901161, 0.7999999970197678, 2, true],
    ['a step over it', 1.5, 0.7, 2, false],
    ['under it', 1.3, 0.7, 2, true],
  ])('%s', (_, measured, reference, max, ok) => {
    expect(ratioRow({ name: 'x', unit: 'ms', measured: summary(measured), reference: { name: 'r', median: reference }, maxRatio: max }).ok).toBe(ok);
  });

  it('is strict past a millionth', () => {
    expect(withinRatio(2 * (1 + 1e-5), 2)).toBe(false);
    expect(withinRatio(2 * (1 + 1e-7), 2)).toBe(true);
  });
});
