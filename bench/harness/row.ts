import type { Summary } from './stats';

/** One figure of the benchmark, beside its reference measured in the same run. */
export interface BenchRow {
  /** `area: what is measured`, e.g. `side panel: first entries painted, 10,000 entries`. */
  name: string;
  unit: 'ms' | 'bytes' | '%' | 'kB';
  median: number;
  p95: number;
  reference: { name: string; median: number } | null;
  /** median / reference median; null where the row has no reference. */
  ratio: number | null;
  /** The bound in words, e.g. `≤ 1.2×` or `≤ 2× and p95 ≤ 100 ms`. */
  bound: string;
  ok: boolean;
  /** How many runs the median and p95 are of, and anything a reader needs to read the figure. */
  runs?: number;
  note?: string;
  /** Where the time went, when the run was profiled (top self time). */
  profile?: string[];
}

/** A failed sanity check (it did not run, the counts do not match): the run fails. */
export class SanityError extends Error {}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new SanityError(message);
}

interface RatioRow {
  name: string;
  unit: BenchRow['unit'];
  measured: Summary;
  reference: { name: string; median: number };
  /** The largest ratio of medians allowed. */
  maxRatio: number;
  /** Also: the measured p95 at most this (same unit). */
  maxP95?: number;
  /** Also: the measured median at most this (same unit). */
  maxMedian?: number;
  note?: string;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * Whether `ratio` keeps to `max`. Medians are differences of clock readings, and a clock with
 * 0.1 ms steps (a service worker's) gives 1.6 ms over 0.8 ms: a ratio of exactly 2 that the
 * readings' rounding made 2.0000000093 in one run. A millionth over the bound, far below any
 * clock's step, is on it.
 */
export function withinRatio(ratio: number, max: number): boolean {
  return ratio <= max * (1 + 1e-6);
}

/** A row whose bound is a ratio of medians (and optionally an absolute p95 or median). */
export function ratioRow({ name, unit, measured, reference, maxRatio, maxP95, maxMedian, note }: RatioRow): BenchRow {
  const ratio = measured.median / reference.median;
  const bounds = [`≤ ${maxRatio}×`];
  if (maxMedian !== undefined) bounds.push(`median ≤ ${fmt(maxMedian)} ${unit}`);
  if (maxP95 !== undefined) bounds.push(`p95 ≤ ${fmt(maxP95)} ${unit}`);
  const ok =
    Number.isFinite(ratio) &&
    withinRatio(ratio, maxRatio) &&
    (maxP95 === undefined || measured.p95 <= maxP95) &&
    (maxMedian === undefined || measured.median <= maxMedian);
  return {
    name,
    unit,
    median: measured.median,
    p95: measured.p95,
    reference,
    ratio,
    bound: bounds.join(' and '),
    ok,
    runs: measured.runs,
    ...(note !== undefined && { note }),
  };
}

/** A row with an absolute bound and no reference (`scrolling: frames over budget ≤ 1 %`). */
export function limitRow({
  name,
  unit,
  measured,
  max,
  note,
}: {
  name: string;
  unit: BenchRow['unit'];
  measured: Summary;
  max: number;
  note?: string;
}): BenchRow {
  return {
    name,
    unit,
    median: measured.median,
    p95: measured.p95,
    reference: null,
    ratio: null,
    bound: `≤ ${fmt(max)} ${unit}`,
    ok: measured.median <= max,
    runs: measured.runs,
    ...(note !== undefined && { note }),
  };
}
