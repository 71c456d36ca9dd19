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

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 864e5],
  ['month', 30 * 864e5],
  ['week', 7 * 864e5],
  ['day', 864e5],
  ['hour', 36e5],
  ['minute', 6e4],
];

const toDate = (at: string | number | undefined) => {
  const date = new Date(at ?? NaN);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** "5 minutes ago" in the page's language; "" for a time that is not one. */
export function relativeTime(at: string | number | undefined, now: number, locale?: string): string {
  const date = toDate(at);
  if (!date) return '';
  const diff = date.getTime() - now;
  const [unit, ms] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? ['second', Infinity];
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.trunc(diff / ms), unit);
}

/** The exact date and time with its zone, for tooltips; "" for a time that is not one. */
export function exactTime(at: string | number | undefined, locale?: string): string {
  const date = toDate(at);
  return date ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long' }).format(date) : '';
}

/** `in_progress` → "In progress": feed status words, readable. */
export const humanize = (word: string) => {
  const text = word.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** A link target only if it is http(s); relative links resolve against the feed's own URL. */
export function webUrl(url: string | undefined, base?: string): string | undefined {
  try {
    const parsed = new URL(url ?? '', base);
    return url && /^https?:$/.test(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
