/**
 * Zabbix's own time grammar, as its frontend reads `from`/`to` (ui/include/classes/parsers/
 * CRelativeTimeParser.php and CAbsoluteTimeParser.php in zabbix/zabbix):
 *
 * - relative: `now[/<yMwdhm>][<+->N<yMwdhms>[/<yMwdhm>]]…`, a bare N being seconds. Steps run on
 *   PHP's `DateTime` in the user's zone: days, weeks, months and years move the wall clock (so
 *   `now-1d` keeps the time of day across a DST change, and `-1 month` from 31 March rolls over to
 *   3 March as PHP does); hours, minutes and seconds are elapsed time. Rounding goes down to the
 *   start of the unit for `from` and up to its last second (`23:59:59`) for `to`; weeks run Monday
 *   to Sunday ("Monday this week" / "Sunday this week").
 * - absolute: `YYYY[-MM[-DD]][ hh[:mm[:ss]]]` in the user's zone; as the end of a range, a partial
 *   date stands for the last second of what it names (`to=2026-11` is 30 November, 23:59:59).
 */
import { instantOfWallTime, isRealWallTime, wallTimeAt, type WallTime } from './wall-clock.ts';
import { durationUnitMs } from '../instants.ts';

const RELATIVE = /^now(?:\/[yMwdhm]|[+-]\d{1,10}[yMwdhms]?)*$/;
const RELATIVE_TOKEN = /\/([yMwdhm])|([+-])(\d{1,10})([yMwdhms])?/g;
const ABSOLUTE = /^([12]\d{3})(?:-(\d{1,2})(?:-(\d{1,2})(?: +(\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?)?)?)?)?$/;

// Seconds, minutes and hours are elapsed time; longer steps follow the calendar in the zone.
const ELAPSED_UNITS = new Set(['s', 'm', 'h']);

export function isZabbixRelative(text: string): boolean {
  return text.startsWith('now');
}

/**
 * One end of a Zabbix range as epoch milliseconds, or `undefined` when `text` is neither form.
 * `nowMs` should be whole seconds (Zabbix reads `time()`).
 */
export function resolveZabbixTime(text: string, nowMs: number, zone: string, isStart: boolean): number | undefined {
  const value = text.trim();
  if (RELATIVE.test(value)) return resolveRelative(value, nowMs, zone, isStart);
  return resolveAbsolute(value, zone, isStart);
}

function resolveRelative(text: string, nowMs: number, zone: string, isStart: boolean): number | undefined {
  let t: number | undefined = nowMs;
  for (const [, precision, sign, amount, unit = 's'] of text.slice(3).matchAll(RELATIVE_TOKEN)) {
    if (t === undefined) return undefined;
    if (precision !== undefined) {
      t = instantOfWallTime(rounded(wallTimeAt(t, zone), precision, isStart), zone);
      continue;
    }
    const n = Number(amount) * (sign === '-' ? -1 : 1);
    const elapsed = ELAPSED_UNITS.has(unit) ? durationUnitMs(unit) : undefined;
    if (elapsed !== undefined) {
      t += n * elapsed;
      continue;
    }
    const wall = wallTimeAt(t, zone);
    if (unit === 'd') wall.day += n;
    else if (unit === 'w') wall.day += 7 * n;
    else if (unit === 'M') wall.month += n;
    else wall.year += n;
    t = instantOfWallTime(wall, zone);
  }
  return t !== undefined && Number.isFinite(t) ? t : undefined;
}

function rounded(wall: WallTime, unit: string, isStart: boolean): WallTime {
  const first = { hour: 0, minute: 0, second: 0 };
  const last = { hour: 23, minute: 59, second: 59 };
  switch (unit) {
    case 'm':
      return { ...wall, second: isStart ? 0 : 59 };
    case 'h':
      return { ...wall, minute: isStart ? 0 : 59, second: isStart ? 0 : 59 };
    case 'd':
      return { ...wall, ...(isStart ? first : last) };
    case 'w': {
      // ISO weeks, as PHP's "Monday this week": a Sunday belongs to the week that began six days before.
      const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
      const monday = wall.day - ((weekday + 6) % 7);
      return { ...wall, day: isStart ? monday : monday + 6, ...(isStart ? first : last) };
    }
    case 'M':
      // Day 0 of the next month is the last day of this one.
      return isStart ? { ...wall, day: 1, ...first } : { ...wall, month: wall.month + 1, day: 0, ...last };
    default:
      return isStart ? { ...wall, month: 1, day: 1, ...first } : { ...wall, month: 12, day: 31, ...last };
  }
}

function resolveAbsolute(text: string, zone: string, isStart: boolean): number | undefined {
  const m = ABSOLUTE.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m;
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo ?? 1),
    day: Number(d ?? 1),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
  };
  // Zabbix refuses what PHP would roll over (`2026-02-31`, `25:00`).
  if (!isRealWallTime(wall)) return undefined;
  if (!isStart) {
    if (mo === undefined) Object.assign(wall, { month: 12, day: 31, hour: 23, minute: 59, second: 59 });
    else if (d === undefined) Object.assign(wall, { month: wall.month + 1, day: 0, hour: 23, minute: 59, second: 59 });
    else if (h === undefined) Object.assign(wall, { hour: 23, minute: 59, second: 59 });
    else if (mi === undefined) Object.assign(wall, { minute: 59, second: 59 });
    else if (s === undefined) wall.second = 59;
  }
  return instantOfWallTime(wall, zone);
}

/** Zabbix 1.8–3.4's `stime`: `YmdHis` (or `YmdHi`) in the user's zone. */
export function resolveLegacyStime(text: string, zone: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s = '0'] = m;
  const wall = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(s) };
  return isRealWallTime(wall) ? instantOfWallTime(wall, zone) : undefined;
}
