// Times on the published pages, written in UTC and saying so: the page is static, so it cannot know
// the reader's zone (a small script rewrites them when JavaScript runs). Written from the ISO
// string by hand: no Intl, no host zone, the same bytes in Node and in the service worker.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const DAY_MS = 86_400_000;

/** `2026-05-17T14:05:09.000Z` → `17 May 2026`. */
export function utcDate(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** `2026-05-17T14:05:09.000Z` → `17 May 2026, 14:05 UTC`. */
export function utcDateTime(iso: string): string {
  return `${utcDate(iso)}, ${iso.slice(11, 16)} UTC`;
}

/** Midnight UTC of the day holding `ms`. */
export function utcDayStart(ms: number): number {
  return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}

/** The UTC day `YYYY-MM-DD` of an instant in milliseconds. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
