/**
 * Kibana's time picker text turned back into a range, for URLs whose state is hashed. What the page
 * scripts send back is parsed with the schemas in src/model/page-facts.ts.
 */
import { tz } from '@date-fns/tz';
import { isValid, parse } from 'date-fns';
import { isValidTimeZone, resolveRange } from './relative-time.ts';
import type { TimeRange } from '../model/time-range.ts';
import type { KibanaPageFacts } from '../model/page-facts.ts';

// Kibana's default `dateFormat`, moment's `MMM D, YYYY @ HH:mm:ss.SSS`, and its shorter variants.
const KIBANA_DATE_FORMATS = ["MMM d, yyyy '@' HH:mm:ss.SSS", "MMM d, yyyy '@' HH:mm:ss", "MMM d, yyyy '@' HH:mm"];
// Maps, not object literals: the keys are page text, and a picker reading "constructor" or
// "__proto__" must find nothing rather than what every object inherits.
const UNIT_MATH = new Map([
  ['second', 's'],
  ['minute', 'm'],
  ['hour', 'h'],
  ['day', 'd'],
  ['week', 'w'],
  ['month', 'M'],
  ['year', 'y'],
]);
// EUI's commonly used ranges that are not "Last/Next N units".
const NAMED_RANGES = new Map<string, [string, string]>([
  ['today', ['now/d', 'now/d']],
  ['this week', ['now/w', 'now/w']],
  ['this month', ['now/M', 'now/M']],
  ['this year', ['now/y', 'now/y']],
  ['yesterday', ['now-1d/d', 'now-1d/d']],
  ['week to date', ['now/w', 'now']],
  ['month to date', ['now/M', 'now']],
  ['year to date', ['now/y', 'now']],
]);

/**
 * The range Kibana's time picker shows, as ISO-8601 UTC instants. Tries, in order: the resolved
 * `data-shared-timefilter-duration`, absolute start/end buttons, and the picker's label ("Last 15
 * minutes", "Today") resolved against `now`. `undefined` when the page did not say enough.
 */
export function kibanaRangeFromPage(facts: KibanaPageFacts, now: Date): TimeRange | undefined {
  const zone = facts.timeZone !== undefined && isValidTimeZone(facts.timeZone) ? facts.timeZone : 'UTC';
  const labelled = facts.prettyRange === undefined ? undefined : rangeFromLabel(facts.prettyRange, now, zone);

  const shared = facts.sharedDuration === undefined ? undefined : splitRange(facts.sharedDuration);
  if (shared !== undefined) {
    const from = parseKibanaDate(shared[0], zone, now);
    const to = parseKibanaDate(shared[1], zone, now);
    if (from !== undefined && to !== undefined) {
      return { from: from.toISOString(), to: to.toISOString(), relative: labelled?.relative ?? false };
    }
  }
  if (facts.start !== undefined && facts.end !== undefined) {
    const from = parseKibanaDate(facts.start, zone, now);
    const to = parseKibanaDate(facts.end, zone, now);
    if (from !== undefined && to !== undefined) {
      return { from: from.toISOString(), to: to.toISOString(), relative: facts.end.trim().toLowerCase() === 'now' };
    }
  }
  return labelled;
}

/**
 * A date as Kibana's picker prints it in `zone`: the default `dateFormat`, an ISO instant, or "now".
 * Approximate labels ("~ 15 minutes ago") are not exact instants and give `undefined`.
 */
export function parseKibanaDate(text: string, zone: string, now: Date): Date | undefined {
  const value = text.trim();
  if (value.toLowerCase() === 'now') return now;
  for (const format of KIBANA_DATE_FORMATS) {
    const date = parse(value, format, now, { in: tz(zone) });
    if (isValid(date)) return new Date(date.getTime());
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return undefined;
}

function rangeFromLabel(label: string, now: Date, zone: string): TimeRange | undefined {
  const text = label.trim().toLowerCase();
  const named = NAMED_RANGES.get(text);
  if (named !== undefined) return resolveRange(named[0], named[1], now, { timeZone: zone });
  const match = /^(last|next) (\d+) (second|minute|hour|day|week|month|year)s?$/.exec(text);
  if (match === null) return undefined;
  const [, direction, amount, unit] = match;
  const step = `${amount}${UNIT_MATH.get(unit ?? '') ?? ''}`;
  return direction === 'last' ? resolveRange(`now-${step}`, 'now', now, { timeZone: zone }) : resolveRange('now', `now+${step}`, now, { timeZone: zone });
}

function splitRange(text: string): [string, string] | undefined {
  const parts = text.split(/\s+(?:to|→)\s+/);
  return parts.length === 2 && parts[0] !== undefined && parts[1] !== undefined ? [parts[0], parts[1]] : undefined;
}
