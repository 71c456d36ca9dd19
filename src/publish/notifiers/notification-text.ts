import type { Notification } from '../../model';

/**
 * Words every notifier shares, so Slack, Teams, the webhook and the email say the same thing.
 * Plain text only: each notifier escapes for its own channel.
 */

/** `identified` → `Identified`, `in_progress` → `In progress`. */
export function statusLabel(status: string): string {
  const words = status.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `[INC-7] Identified: Card payments failing` — the email subject and the chat fallback line. */
export function subjectLine(n: Notification): string {
  return `[${n.incidentKey}] ${statusLabel(n.status)}: ${n.publicTitle}`;
}

/** `INC-7 · Card payments failing` — the card's heading. */
export function headingLine(n: Notification): string {
  return `${n.incidentKey} · ${n.publicTitle}`;
}

/**
 * `2026-11-28 09:30 UTC`. A message is read in many zones at once, so it names its zone rather
 * than guessing the reader's (Slack, which knows the reader's zone, localizes it itself).
 */
export function utcTime(at: string): string {
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) return at;
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Unix seconds of an ISO instant, or undefined when it is not one. */
export function unixSeconds(at: string): number | undefined {
  const ms = new Date(at).getTime();
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** Longest link a button takes (Slack's button `url` limit); longer ones are left out, not cut. */
const MAX_LINK = 3000;

/** The address when it is an http(s) URL short enough for a button; undefined otherwise. */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.href.length <= MAX_LINK ? url.href : undefined;
}

/** The status page and, for internal audiences only, the internal timeline: the links a message offers. */
export function notificationLinks(n: Notification, audience: 'internal' | 'public') {
  const statusPage = httpUrl(n.statusPageUrl);
  const timeline = audience === 'internal' ? httpUrl(n.timelineUrl) : undefined;
  return { statusPage, timeline };
}

/**
 * Cuts `text` to at most `max` UTF-16 units (what the services count), never inside a surrogate
 * pair, ending with `ellipsis` when it cut.
 */
export function truncate(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ellipsis.length);
  // A high surrogate at the cut would leave half an emoji.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end).trimEnd() + ellipsis;
}

/** `\r\n` and `\r` become `\n`; runs of blank lines become one. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n');
}
