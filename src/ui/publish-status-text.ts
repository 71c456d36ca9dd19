import type { PublishResult, TimeDisplay } from '../model';
import type { UpdateDue } from '../publish/cadence';
import { dayKey, formatClockSeconds, formatDay } from './format-time';

/** Pure wording of where publishing stands, for the popup: one line a responder reads at a glance. */

export interface WordingOptions {
  now: Date;
  timeDisplay: TimeDisplay;
  /** For tests; the browser's own otherwise. */
  locale?: string;
}

/**
 * A target's last result in words: "Published 12:04:31", "Host unreachable (…), retrying in
 * 30 s", "Token refused: check …", "Publishing…", "Waiting to publish". The result's message is
 * already words (and never holds a secret); this adds the times.
 */
export function describePublishResult(result: PublishResult | undefined, { now, timeDisplay, locale }: WordingOptions): string {
  if (!result) return 'Not published yet';
  switch (result.state) {
    case 'pending':
      return 'Waiting to publish';
    case 'publishing':
      return 'Publishing…';
    case 'published':
      return `Published ${describeInstant(result.publishedAt ?? result.at, { now, timeDisplay, locale })}`;
    case 'retrying': {
      const reason = withoutFullStop(result.message) || 'Publishing failed';
      const wait = result.nextAttemptAt ? Date.parse(result.nextAttemptAt) - now.getTime() : 0;
      return wait > 0 ? `${reason}, retrying in ${describeWait(wait)}` : `${reason}, retrying now`;
    }
    case 'failed':
      return result.message.trim() || 'Publishing failed';
  }
}

/** Whether "Retry now" has something to do: a publish is waiting on a backoff or stopped. */
export function canRetryNow(result: PublishResult | undefined): boolean {
  return result?.state === 'retrying' || result?.state === 'failed';
}

/** `12:04:31`, with the day in front when it is not today in the zone shown, and `UTC` said when shown in UTC. */
export function describeInstant(iso: string, { now, timeDisplay, locale }: WordingOptions): string {
  const time = formatClockSeconds(iso, timeDisplay, locale);
  const day = dayKey(iso, timeDisplay) === dayKey(now.toISOString(), timeDisplay) ? '' : `${formatDay(iso, timeDisplay, locale)} `;
  return `${day}${time}${timeDisplay === 'utc' ? ' UTC' : ''}`;
}

/** A wait in words: `30 s`, `4 min`, `2 h 5 min`. Seconds round up: "in 0 s" would be a lie. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return describeMinutes(Math.round(seconds / 60));
}

/** `12 min`, `1 h`, `2 h 5 min`. */
export function describeMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
}

/**
 * When customers must next hear from us: "Next public update due in 12 min", "Public update
 * overdue by 3 min" ("First …" while nothing is published). Empty once resolved: nothing is owed.
 * Minutes left round up and minutes late round down, so the words never claim more time than there is.
 */
export function describeUpdateDue(due: UpdateDue | undefined, now: Date): string {
  if (!due) return '';
  const left = Date.parse(due.dueAt) - now.getTime();
  if (left > 0) return `${due.first ? 'First' : 'Next'} public update due in ${describeMinutes(Math.ceil(left / 60_000))}`;
  const late = Math.floor(-left / 60_000);
  const which = due.first ? 'First public update' : 'Public update';
  return late < 1 ? `${which} due now` : `${which} overdue by ${describeMinutes(late)}`;
}

function withoutFullStop(message: string): string {
  return message.trim().replace(/\.+$/u, '');
}
