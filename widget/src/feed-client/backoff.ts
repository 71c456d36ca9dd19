/**
 * How long to wait after the `failures`-th failure in a row: exponential, capped, with "equal
 * jitter" (half fixed, half random) so that many pages retrying a failed status host spread
 * out instead of arriving in lockstep.
 */
export function backoffDelay(failures: number, baseMs: number, capMs: number, random = Math.random): number {
  const ceiling = Math.min(Math.max(capMs, baseMs), baseMs * 2 ** Math.max(0, failures));
  return ceiling / 2 + random() * (ceiling / 2);
}
