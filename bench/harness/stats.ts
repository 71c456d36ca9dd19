/** Order statistics over timings: the benchmark reports medians and 95th percentiles. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const p95 = (values: readonly number[]) => quantile(values, 0.95);

/** Median and p95 of one series. */
export interface Summary {
  median: number;
  p95: number;
  runs: number;
}

export function summarize(values: readonly number[]): Summary {
  return { median: median(values), p95: p95(values), runs: values.length };
}

/**
 * Runs `measured` and `reference` alternately, `warmups` times unrecorded then `runs` times, so
 * both see the same machine: a burst of other work on a shared machine skews one pair, not one side.
 */
export async function interleave(
  { runs, warmups = 1 }: { runs: number; warmups?: number },
  measured: (run: number) => Promise<number>,
  reference: (run: number) => Promise<number>,
): Promise<{ measured: number[]; reference: number[] }> {
  const out = { measured: [] as number[], reference: [] as number[] };
  for (let i = -warmups; i < runs; i++) {
    const m = await measured(i);
    const r = await reference(i);
    if (i < 0) continue;
    out.measured.push(m);
    out.reference.push(r);
  }
  return out;
}
