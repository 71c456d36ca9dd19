/**
 * Intercom conversations, in the Inbox on `app.intercom.com` (also `app.intercom.io`, and the EU
 * and Australian regions `app.eu.intercom.com`, `app.au.intercom.com`). Intercom is SaaS only, so
 * the host decides, and the app lives under `/a/`.
 *
 * The ref is the conversation's id as Intercom writes it in its API (`id`, all digits), from the
 * Inbox routes that show one conversation:
 * - `/a/inbox/<workspace>/inbox/conversation/<id>`, and with a view in between
 *   (`…/inbox/shared/all/conversation/<id>`, `…/inbox/view/<view>/conversation/<id>`);
 * - `/a/apps/<workspace>/inbox/inbox/all/conversations/<id>` and `/a/apps/<workspace>/
 *   conversations/<id>`, the older Inbox.
 * A `#part_id=…` fragment points at one reply and is kept. Other pages of the app are Intercom
 * without a ref.
 *
 * Frozen: the page itself, without `utm_*` parameters.
 */
import type { Recognized } from '../recognized.ts';
import { pathSegments, withoutTracking } from './page-ref.ts';

const INTERCOM_HOST = /^app\.(?:(?:eu|au)\.)?intercom\.(?:com|io)$/i;
const CONVERSATION_ID = /^\d{1,30}$/;

export function recognizeIntercom(url: URL): Recognized | undefined {
  if (!INTERCOM_HOST.test(url.hostname)) return undefined;
  const segments = pathSegments(url.pathname);
  if (segments[0] !== 'a') return undefined;
  let id: string | undefined;
  for (let i = 1; i + 1 < segments.length; i++) {
    if (segments[i] === 'conversation' || segments[i] === 'conversations') id = segments[i + 1];
  }
  const ref = id !== undefined && CONVERSATION_ID.test(id) ? { kind: 'ticket' as const, id } : undefined;
  return { tool: 'intercom', ...(ref && { ref }), frozenUrl: withoutTracking(url) };
}
