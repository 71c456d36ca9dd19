import type { Notification, Notifier, Severity, WebhookNotifier } from '../../model';
import { PublishError } from '../target';
import { notificationLinks } from './notification-text';
import { postMessage, type SendOptions } from './post-message';

/**
 * The generic webhook's JSON body, documented in docs/webhook-format.md: change both together.
 * Field names are snake_case and stable; a receiver ignores fields it does not know.
 */
export interface WebhookBody {
  type: 'sitrep.status_update';
  /** The update's id: the same on every retry, so a receiver can drop a delivery it already has. */
  id: string;
  incident: { key: string; title: string; severity: Severity; status: string };
  message: string;
  /** When the update was posted, ISO-8601 UTC. */
  at: string;
  status_page_url?: string;
  /** Internal audiences only. */
  timeline_url?: string;
}

export const SIGNATURE_HEADER = 'X-Sitrep-Signature';
const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export function webhookBody(n: Notification, audience: Notifier['audience']): WebhookBody {
  const { statusPage, timeline } = notificationLinks(n, audience);
  return {
    type: 'sitrep.status_update',
    id: n.updateId,
    incident: { key: n.incidentKey, title: n.publicTitle, severity: n.severity, status: n.status },
    message: n.message,
    at: n.at,
    ...(statusPage && { status_page_url: statusPage }),
    ...(timeline && { timeline_url: timeline }),
  };
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, keyed with the signing key's UTF-8
 * bytes. Signing the timestamp with the body lets a receiver refuse a replayed delivery. Web
 * Crypto, so it runs in the extension's service worker as in Node.
 */
export async function signWebhook(body: string, key: string, now: Date): Promise<string> {
  if (!key) throw new PublishError('config', 'No signing key for the webhook: set one in Settings');
  const timestamp = Math.floor(now.getTime() / 1000);
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(`${timestamp}.${body}`)));
  const hex = Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `t=${timestamp},v1=${hex}`;
}

/** The request as sent: the exact body bytes the signature covers, and its headers. */
export async function webhookRequest(n: Notification, notifier: Pick<WebhookNotifier, 'audience'>, key: string, now: Date) {
  const body = JSON.stringify(webhookBody(n, notifier.audience));
  const headers = {
    'Content-Type': 'application/json; charset=utf-8',
    [SIGNATURE_HEADER]: await signWebhook(body, key, now),
    [IDEMPOTENCY_HEADER]: n.updateId,
  };
  return { body, headers };
}

/** Signs and posts one update to the notifier's endpoint; `key` is the secret. */
export async function sendWebhook(notifier: WebhookNotifier, key: string, n: Notification, fetchImpl: typeof fetch, options: SendOptions = {}) {
  const { body, headers } = await webhookRequest(n, notifier, key, (options.now ?? (() => new Date()))());
  let host: string;
  try {
    host = new URL(notifier.url).host;
  } catch {
    throw new PublishError('config', 'The webhook URL in Settings is not a web address: fix it');
  }
  // The endpoint is a setting, not a secret, but its query may hold a token: errors name the host only.
  return postMessage(
    {
      service: `The webhook at ${host}`,
      url: notifier.url,
      body,
      headers,
      secrets: [key, notifier.url],
      gone: `The webhook at ${host} answered "not found": check its URL in Settings`,
      refused: (status) => `The webhook at ${host} refused the signature (HTTP ${status}): check the signing key in Settings`,
    },
    fetchImpl,
    options,
  );
}
