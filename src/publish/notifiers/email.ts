import type { EmailNotifier, Notification } from '../../model';
import { normalizeNewlines, notificationLinks, statusLabel, subjectLine, truncate, utcTime } from './notification-text';

/**
 * Longest `mailto:` we hand a mail client. Browsers and mail clients cut or refuse longer ones at
 * different lengths (Windows' URL handoff stops near 2,048), so the message is shortened to fit.
 */
export const MAX_MAILTO_LENGTH = 1800;
const MAX_SUBJECT = 150;

export interface EmailDraft {
  /** `mailto:` URL (RFC 6068) that opens the user's mail client with the draft; nothing is sent by us. */
  href: string;
  subject: string;
  /** The body as the draft holds it, CRLF line breaks. */
  body: string;
  /** The message was shortened to keep `href` within MAX_MAILTO_LENGTH. */
  truncated: boolean;
}

/**
 * The email draft for one status update: subject `[INC-7] Identified: Card payments failing`,
 * the message, the facts and the status page link. Everything is percent-encoded as RFC 6068
 * asks (UTF-8; spaces `%20`, line breaks `%0D%0A`), so no text can add a header or a recipient.
 */
export function emailDraft(n: Notification, notifier: Pick<EmailNotifier, 'to' | 'audience'>): EmailDraft {
  const to = recipients(notifier.to);
  const subject = truncate(subjectLine(n).replace(/\s+/g, ' '), MAX_SUBJECT);
  const { statusPage, timeline } = notificationLinks(n, notifier.audience);
  const facts = [`Status: ${statusLabel(n.status)}`, `Severity: ${n.severity}`, `Posted: ${utcTime(n.at)}`];
  const links = [...(statusPage ? [`Status page: ${statusPage}`] : []), ...(timeline ? [`Internal timeline: ${timeline}`] : [])];
  const compose = (message: string) => [message, facts.join('\r\n'), ...(links.length ? [links.join('\r\n')] : [])].filter(Boolean).join('\r\n\r\n');
  const message = normalizeNewlines(n.message).trim().replace(/\n/g, '\r\n');

  const full = compose(message);
  if (mailto(to, subject, full).length <= MAX_MAILTO_LENGTH) {
    return { href: mailto(to, subject, full), subject, body: full, truncated: false };
  }
  const note = statusPage ? '… [shortened: the full update is on the status page]' : '… [shortened to fit an email link]';
  const shortened = (units: number) => compose(message.slice(0, units).trimEnd() + note);
  // The longest cut that fits; encoded length grows with the cut, so a binary search finds it.
  let low = 0;
  let high = message.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (mailto(to, subject, shortened(safeCut(message, mid))).length <= MAX_MAILTO_LENGTH) low = mid;
    else high = mid - 1;
  }
  const body = shortened(safeCut(message, low));
  return { href: mailto(to, subject, body), subject, body, truncated: true };
}

/** Addresses as a `mailto:` path: comma-separated, each percent-encoded but for `@`. */
function recipients(to: string): string {
  return to
    .split(/[,;]/)
    .map((address) => address.trim())
    .filter(Boolean)
    .map((address) => encodeURIComponent(address).replace(/%40/g, '@'))
    .join(',');
}

function mailto(to: string, subject: string, body: string): string {
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/** `units`, or one less when that would split a surrogate pair (encodeURIComponent throws on half a pair). */
function safeCut(text: string, units: number): number {
  return units > 0 && /[\uD800-\uDBFF]/.test(text.charAt(units - 1)) ? units - 1 : units;
}
