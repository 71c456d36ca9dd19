import * as z from 'zod';

/** An ISO-8601 UTC instant as `Date#toISOString()` writes it: the only way times are stored. */
export const Instant = z.iso.datetime({ offset: false, precision: 3 });
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
