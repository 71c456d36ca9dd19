import type { PublishError } from './target';

const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 10 * 60_000;
/** A setting is wrong (token, URL): the person fixing it publishes again anyway, so wait long. */
const SETTINGS_RETRY_MS = 5 * 60_000;

/**
 * When to try again after `attempts` failures in a row: 30 s, 1, 2, 4, 8 min, then every 10 min,
 * each with up to 10 % jitter so many browsers behind one broken host do not knock in step.
 */
export function retryDelayMs(attempts: number, error: PublishError, random: () => number = Math.random): number {
  const base = error.retry ? Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts)) : SETTINGS_RETRY_MS;
  return Math.round(base * (1 + 0.1 * random()));
}
