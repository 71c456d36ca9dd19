import type { TimeDisplay } from '../model';

/** Pure formatting of stored UTC instants for display in local time or UTC. */

const zone = (mode: TimeDisplay) => (mode === 'utc' ? 'UTC' : undefined);

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const CLOCK_SECONDS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' };
const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const OPTION_NAMES = new Map([
  [CLOCK, 'clock'],
  [CLOCK_SECONDS, 'seconds'],
  [DAY, 'day'],
]);

const clockFormats = new Map<string, Intl.DateTimeFormat>();
/** Formats are built once per zone, locale and options: the side panel formats three times per row it shows. */
function fmt(mode: TimeDisplay, options: Intl.DateTimeFormatOptions, locale?: string): Intl.DateTimeFormat {
  const key = `${mode}|${locale ?? ''}|${OPTION_NAMES.get(options) ?? JSON.stringify(options)}`;
  let f = clockFormats.get(key);
  if (!f) clockFormats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone(mode) })));
  return f;
}

/**
 * `09:10` or `09:10 AM`: the browser's locale decides the clock, as it does in the entry editor's
 * time input, so a time reads the same in the list and in the editor.
 */
export function formatClock(iso: string, mode: TimeDisplay, locale?: string): string {
  return fmt(mode, CLOCK, locale).format(new Date(iso));
}

/** `09:10:05` (or `09:10:05 AM`) for tooltips and exact times. */
export function formatClockSeconds(iso: string, mode: TimeDisplay, locale?: string): string {
  return fmt(mode, CLOCK_SECONDS, locale).format(new Date(iso));
}

/**
 * `10:13–11:13 UTC`, `Sat, 28 Nov 2026 23:50 – Sun, 29 Nov 2026 00:20 GMT+1`: a time window with
 * the zone said once, the way the zone chip says it; the day only when the window spans two.
 */
export function formatWindow(fromIso: string, toIso: string, mode: TimeDisplay, locale?: string): string {
  const zone = zoneLabel(mode, new Date(toIso));
  if (dayKey(fromIso, mode) === dayKey(toIso, mode)) return `${formatClock(fromIso, mode, locale)}–${formatClock(toIso, mode, locale)} ${zone}`;
  return `${formatDay(fromIso, mode, locale)} ${formatClock(fromIso, mode, locale)} – ${formatDay(toIso, mode, locale)} ${formatClock(toIso, mode, locale)} ${zone}`;
}

/** `Sat, 28 Nov 2026` for day headings. */
export function formatDay(iso: string, mode: TimeDisplay, locale?: string): string {
  return fmt(mode, DAY, locale).format(new Date(iso));
}

/**
 * `2026-11-28`: groups entries by calendar day in the zone being shown. Plain arithmetic, not
 * Intl: the side panel calls it for every entry of a 10,000-entry timeline.
 */
export function dayKey(iso: string, mode: TimeDisplay): string {
  if (mode === 'utc') return new Date(iso).toISOString().slice(0, 10);
  const d = new Date(iso);
  // getTimezoneOffset is per instant, so DST changes are honoured.
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** The zone label shown next to times: `UTC`, or the local zone's short name. */
export function zoneLabel(mode: TimeDisplay, at = new Date()): string {
  if (mode === 'utc') return 'UTC';
  const part = new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'local';
}

/** How long since `startIso`: `45s`, `12m`, `2h 05m`, `3d 4h`. */
export function formatAge(startIso: string, now: Date): string {
  const s = Math.max(0, Math.floor((now.getTime() - new Date(startIso).getTime()) / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** The value an `<input type="datetime-local" step="1">` shows for an instant. */
export function toDateTimeInput(iso: string, mode: TimeDisplay): string {
  const d = new Date(iso);
  if (mode === 'utc') return d.toISOString().slice(0, 19);
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 19);
}

/** Reads a datetime-local value back as a UTC instant; undefined when it is not a time. */
export function fromDateTimeInput(value: string, mode: TimeDisplay): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined;
  const d = new Date(mode === 'utc' ? `${value}Z` : value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * `1 incident`, `2 incidents`, `0 incidents`: a count with the noun its number takes, chosen by
 * Intl.PluralRules (English words, so English rules, whatever the browser's locale).
 */
export function formatCount(count: number, one: string, other: string, locale = 'en'): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return `${count.toLocaleString(locale)} ${rules.select(count) === 'one' ? one : other}`;
}
