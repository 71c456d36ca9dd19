import * as z from 'zod';

/**
 * The one range every stored instant lies in: 1970-01-01 to the end of 2999, UTC.
 *
 * - 1970: the epoch. Dashboards send epoch milliseconds (`from=0` is Grafana's "all time"), and
 *   nothing an incident log records happened before it; a page's `now-9999y` is an error, not
 *   a time.
 * - 2999: far beyond any real time, yet in every zone (UTC−12 to UTC+14) its local date still has
 *   a four-digit year, so the editor's datetime-local field and the timeline never meet year
 *   10000 (a blank field) or year 1 ("1-01-01"), and ISO text still sorts as time.
 */
export const EARLIEST_INSTANT = '1970-01-01T00:00:00.000Z';
export const LATEST_INSTANT = '2999-12-31T23:59:59.999Z';

const ISO_UTC = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for an ISO text in the range and in exactly the form `Date#toISOString()` writes: a real
 * calendar time (no 30 February, no hour 24, no second 60, no `+002026-…`). Checked by its digits
 * rather than by a Date round trip: every stored time passes here, 100,000 of them per backup.
 */
export function isStorableInstant(value: string): boolean {
  if (value < EARLIEST_INSTANT || value > LATEST_INSTANT) return false;
  const m = ISO_UTC.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60;
}

/** An ISO-8601 UTC instant as `Date#toISOString()` writes it, 1970–2999: the only way times are stored. */
export const Instant = z.iso.datetime({ offset: false, precision: 3 }).refine(isStorableInstant, {
  error: (issue) => `expected a time from 1970 to 2999 (UTC), got ${JSON.stringify(String(issue.input).slice(0, 40))}`,
  // A text that is no ISO time at all has said so once already.
  when: (payload) => payload.issues.length === 0,
});
export type Instant = z.infer<typeof Instant>;

/** A link we are willing to render: http(s) only, never javascript: or data:. */
export const WebUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.hostname }).max(8192);
export type WebUrl = z.infer<typeof WebUrl>;

/** Normalizes any parseable date to the stored instant form. */
export function toInstant(date: Date | number | string): Instant {
  const d = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a valid time: ${String(date)}`);
  return d.toISOString();
}
