import { time } from '../../../src/feed/parse/read';

/**
 * The page's language for Intl: the nearest `lang` attribute, else the browser's. Pages write
 * `en_US` or junk in `lang`, which would make Intl throw, so each candidate is checked.
 */
export function pageLocale(element: Element, navigator = globalThis.navigator): string | undefined {
  for (const tag of [element.closest('[lang]')?.getAttribute('lang'), navigator?.language]) {
    try {
      if (tag) return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
    } catch {
      // not a language tag; try the next one
    }
  }
  return undefined;
}

/** Each unit's length in minutes, largest first: a time is said in the first one it spans. */
const UNITS = { year: 525600, month: 43200, week: 10080, day: 1440, hour: 60, minute: 1 };

/** A time as the feed parser reads one (its own are ISO instants, `fetchedAt` epoch ms). */
const toDate = (at: string | number | undefined) => {
  const iso = time(at);
  return iso ? new Date(iso) : undefined;
};

const relativeFormats = new Map<string | undefined, Intl.RelativeTimeFormat>();

/**
 * The page's one relative-time formatter per locale, made on first use and kept: the first Intl
 * formatter in a fresh renderer costs 15–20 ms (Intl's own set-up), and every render asked for
 * another. It depends on nothing else that may change (the zone, unlike DateTimeFormat's).
 */
export function relativeFormat(locale?: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}

/** "5 minutes ago" in the page's language; "" for a time that is not one. */
export function relativeTime(at: string | number | undefined, now: number, locale?: string): string {
  const date = toDate(at);
  if (!date) return '';
  const minutes = (+date - now) / 6e4;
  const [unit, length] = Object.entries(UNITS).find(([, length]) => Math.abs(minutes) >= length) ?? ['second', Infinity];
  return relativeFormat(locale).format(Math.trunc(minutes / length), unit as Intl.RelativeTimeFormatUnit);
}

/** The exact date and time with its zone, for tooltips; "" for a time that is not one. */
export function exactTime(at: string | number | undefined, locale?: string): string {
  const date = toDate(at);
  return date ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long' }).format(date) : '';
}

/** `in_progress` → "In progress": feed status words, readable. */
export const humanize = (word: string) => word.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase());

/** A link target only if it is http(s); relative links resolve against the feed's own URL. */
export function webUrl(url: string | undefined, base?: string): string | undefined {
  try {
    const parsed = new URL(url ?? '', base);
    return url && /^https?:$/.test(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The words around a maintenance window (an element's own); `{start}` and `{end}` stand for its times. */
export interface WindowTexts {
  /** Under way: `until {end}`. */
  untilText: string;
  /** Upcoming: `from {start} to {end}`. */
  upcomingText: string;
}

/**
 * A maintenance window in words: until its end once under way, from its start to its end while
 * only scheduled; "" when the feed gives no end (or an upcoming one no start). Times are in the
 * visitor's language and zone (`timeZone` is for tests); each carries its date when it falls on
 * another day than the one the reader has in mind (today; for the end of an upcoming window, its
 * start's day), and the zone's name when a clock change comes before the end (between start and
 * end, or now and the end of one under way), since "from 1:00 to 1:30" is then an hour and a half.
 */
export function maintenanceWindow(
  event: { status?: string | undefined; startedAt?: string | undefined; endsAt?: string | undefined },
  texts: WindowTexts,
  now: number,
  locale?: string,
  timeZone?: string,
): string {
  const start = toDate(event.startedAt);
  const end = toDate(event.endsAt);
  const upcoming = event.status === 'scheduled';
  if (!end || (upcoming && !start)) return '';
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone, ...options });
  const day = (date: Date) => format({ dateStyle: 'short' }).format(date);
  const zone = (date: Date) =>
    format({ timeZoneName: 'short' })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value;
  // The locale's own short time (09:00, 9:00 AM); Intl cannot add a date or a zone to that style.
  const clock = (date: Date, reference: Date, zoned: boolean) =>
    (day(date) !== day(reference) ? `${format({ month: 'short', day: 'numeric' }).format(date)}, ` : '') +
    format({ timeStyle: 'short' }).format(date) +
    (zoned ? ` ${zone(date)}` : '');
  const today = new Date(now);
  if (!upcoming) return texts.untilText.replace('{end}', clock(end, today, zone(end) !== zone(today)));
  const zoned = zone(start!) !== zone(end);
  return texts.upcomingText.replace('{start}', clock(start!, today, zoned)).replace('{end}', clock(end, start!, zoned));
}
