// Lenient readers for untrusted feed values: each returns a clean value or undefined, never throws.
import { isRecord } from './is-record';

export type Obj = Record<string, unknown>;

/** A table lookup that a key like `constructor` or `__proto__` cannot reach past. */
export const pick = <T>(table: Record<string, T>, key = ''): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/**
 * The objects of a list, the first `max` entries considered; `null` (incident.io's empty list)
 * or a wrong type reads as empty.
 */
export const objects = (v: unknown, max = 1000): Obj[] => (Array.isArray(v) ? v.slice(0, max).filter(isRecord) : []);

/** A string, or a number written where a string belongs; Hugo's `<no value>` reads as missing. */
export function str(v: unknown): string | undefined {
  // Number.isFinite is false for anything but a finite number, without coercing it.
  const s = Number.isFinite(v) ? String(v) : typeof v === 'string' ? v : undefined;
  return s && s !== '<no value>' ? s : undefined;
}

/** Keeps a cut from splitting a surrogate pair. */
function cut(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '') + '…';
}

/** An id: as given, only clamped. */
export const id = (v: unknown): string | undefined => {
  const s = str(v);
  return s && cut(s, 200);
};

/**
 * Text for people: control characters dropped (newlines kept when `multiline`), trimmed,
 * clamped to `max` characters.
 */
export function text(v: unknown, max = 200, multiline = false): string | undefined {
  const lines = str(v)?.replace(/\r\n?/g, '\n');
  // Tabs and newlines are the only control characters left after this; one line has neither.
  const s = (multiline ? lines : lines?.replace(/[\n\t]+/g, ' '))?.replace(/[\0-\x08\x0b-\x1f\x7f-\x9f]/g, '').trim();
  return s ? cut(s, max) : undefined;
}

/** A value as an error message quotes it: short, and never the whole of a huge or cyclic thing. */
export const shown = (v: unknown): string =>
  typeof v === 'string'
    ? `"${cut(v.replace(/[\0-\x1f\x7f-\x9f]/g, ''), 40)}"`
    : Array.isArray(v)
      ? 'a list'
      : isRecord(v)
        ? 'an object'
        : v === undefined
          ? 'missing'
          : cut(String(v), 40);

/** A lower-case keyword, for matching statuses across feeds that shout (`INVESTIGATING`). */
export const word = (v: unknown): string | undefined => text(v, 50)?.toLowerCase();

/** Only absolute http(s) links without credentials survive; everything else is dropped. */
export function url(v: unknown): string | undefined {
  const s = str(v)?.trim();
  if (!s || s.length > 2048) return undefined;
  try {
    const u = new URL(s);
    return /^https?:$/.test(u.protocol) && !u.username && !u.password ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An ISO-8601 instant, rewritten to the one form every engine must read (milliseconds, `Z` or
 * `±hh:mm`); what follows it (Go's zone name) is dropped.
 */
const ISO = /^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d)(:\d\d)?(?:\.(\d{1,3})\d*)?)? ?(?:Z|([+-]\d\d):?(\d\d)?)?[^]*/i;

/**
 * An ISO-8601 UTC instant from the time formats feeds actually send: ISO with any offset or
 * none (read as UTC), Go's `2025-09-10 10:00:00 +0000 UTC` (Hugo, so cState), JavaScript's
 * `Date#toString()` (Instatus) and epoch milliseconds. Anything else is no time: engines
 * disagree on what other strings mean.
 */
export function time(v: unknown): string | undefined {
  let s: string | number | undefined = typeof v === 'number' ? v : str(v)?.trim();
  if (typeof s === 'string') {
    s = ISO.test(s)
      ? s.replace(
          ISO,
          (_, date: string, clock = '00:00', seconds = ':00', ms = '', hours?: string, minutes = '00') =>
            `${date}T${clock}${seconds}.${ms.padEnd(3, '0')}${hours ? `${hours}:${minutes}` : 'Z'}`,
        )
      : /^\w{3} \w{3} \d\d \d{4} \d\d:\d\d:\d\d GMT[+-]\d{4}/.test(s)
        ? s
        : undefined;
  }
  const d = new Date(s ?? NaN);
  const year = d.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? d.toISOString() : undefined;
}

/**
 * Sorts in place by a string key; Array#sort is stable, so ties keep the feed's order.
 * Newest first is `descending` over ISO instants (an empty key sorts last).
 */
export const sortBy = <T>(items: T[], key: (item: T) => string, descending = false): T[] =>
  items.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x === y ? 0 : x < y !== descending ? -1 : 1;
  });
