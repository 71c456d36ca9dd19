/**
 * How long to wait after the `failures`-th failure in a row: exponential, capped, with "equal
 * jitter" (half fixed, half random) so that many pages retrying a failed status host spread
 * out instead of arriving in lockstep. Never less than `baseMs`, the poll interval: a failure
 * slows polling down, and a site that polls less often than the cap is not polled faster.
 */
export function backoffDelay(failures: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(Math.max(capMs, baseMs), baseMs * 2 ** Math.max(0, failures));
  return Math.max(baseMs, ceiling / 2 + random() * (ceiling / 2));
}
