/**
 * Wall-clock time in an IANA zone, for the PHP frontends (Zabbix, Nagios XI) that read and write
 * local times the way PHP's `DateTime` does: a wall time that falls in a spring-forward gap moves
 * forward by the gap, and one that occurs twice at fall-back is the earlier (summer-time) instant.
 * Offsets come from `@date-fns/tz`'s `tzOffset` (the zone database via Intl); `TZDate` resolves both
 * cases the same way but costs several times more per call, and a clip may convert a dozen times.
 */
import { tzOffset } from '@date-fns/tz';
import { DURATION_UNIT_MS } from '../instants.ts';
import { isValidTimeZone } from '../relative-time.ts';

const MINUTE_MS = 60_000;
const DAY_MS = DURATION_UNIT_MS.d;

export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** `zone` when it is a zone this runtime knows, else UTC: a clip must not fail on a bad setting. */
export function zoneOrUtc(zone: string | undefined): string {
  return zone !== undefined && isValidTimeZone(zone) ? zone : 'UTC';
}

/** The wall clock in `zone` at epoch milliseconds `ms` (whole seconds). */
export function wallTimeAt(ms: number, zone: string): WallTime {
  const t = new Date(ms + tzOffset(zone, new Date(ms)) * MINUTE_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

/**
 * Epoch milliseconds of wall time `wall` in `zone`. Fields out of range roll over as PHP's do
 * (month 13 is January next year, 31 February is early March). `undefined` outside 1970–9999.
 */
export function instantOfWallTime(wall: WallTime, zone: string): number | undefined {
  // Date.UTC does the rolling over; `local` is the wall time read as if it were UTC.
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (!Number.isFinite(local) || local < 0 || local > Date.UTC(9999, 11, 31, 23, 59, 59)) return undefined;
  // The offsets in force a day either side cover any one transition near this wall time.
  const before = tzOffset(zone, new Date(local - DAY_MS));
  const after = tzOffset(zone, new Date(local + DAY_MS));
  let earliest: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const t = local - offset * MINUTE_MS;
    if (tzOffset(zone, new Date(t)) === offset && (earliest === undefined || t < earliest)) earliest = t;
  }
  // No offset fits: the wall time is in a spring-forward gap, and PHP reads it with the offset from
  // before the change, which lands the same distance past it.
  const ms = earliest ?? local - before * MINUTE_MS;
  return Number.isNaN(ms) || ms < 0 ? undefined : ms;
}

/** True when `wall` names a real calendar date and clock time (no 31 February, no 24:00). */
export function isRealWallTime(wall: WallTime): boolean {
  const n = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  return (
    n.getUTCFullYear() === wall.year &&
    n.getUTCMonth() === wall.month - 1 &&
    n.getUTCDate() === wall.day &&
    n.getUTCHours() === wall.hour &&
    n.getUTCMinutes() === wall.minute &&
    n.getUTCSeconds() === wall.second
  );
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** PHP's `Y-m-d H:i:s`: `2026-11-28 04:10:00`. */
export function formatYmdHis(wall: WallTime): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}

/** PHP's `YmdHis`: `20261128041000`. */
export function formatCompactYmdHis(wall: WallTime): string {
  return formatYmdHis(wall).replace(/[- :]/g, '');
}

/** Whole seconds: the PHP frontends count time in seconds, so sub-second parts never reach a page. */
export function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
