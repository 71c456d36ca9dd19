/**
 * Zendesk tickets: the agent's view on `<subdomain>.zendesk.com`, and the customer's view of the
 * same ticket in a Help Center, on `zendesk.com` or on the help center's own domain.
 *
 * The ref is the ticket number as Zendesk writes it (the ticket's `id`; the app shows it as
 * `#123`, which is how the log says it), from:
 * - `/agent/tickets/<id>` (and `/agent/tickets/<id>/events`…), the Agent Workspace;
 * - `/agent/#/tickets/<id>`, the agent interface before 2021, routed in the fragment;
 * - `/tickets/<id>`, the classic interface, on `zendesk.com` only;
 * - `/hc/<locale>/requests/<id>` (or `/hc/requests/<id>`), the requester's view in a Help
 *   Center, under any host: a Help Center can be mapped to a company's domain.
 * Other agent pages (views, search, dashboards) are Zendesk without a ref; the rest of
 * `zendesk.com` (marketing, the product docs) is no ticket page and is left alone.
 *
 * Frozen: the page itself, without `utm_*` parameters.
 */
import type { Recognized } from '../recognized.ts';
import { pathSegments, withoutTracking } from './page-ref.ts';

const ZENDESK_HOST = /^[a-z0-9-]+\.zendesk\.com$/i;
const TICKET_ID = /^[1-9]\d{0,15}$/;
const LOCALE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export function recognizeZendesk(url: URL): Recognized | undefined {
  const segments = pathSegments(url.pathname);
  const onZendesk = ZENDESK_HOST.test(url.hostname);
  let id: string | undefined;
  if (onZendesk && segments[0] === 'agent') {
    const route = segments.length === 1 ? pathSegments(url.hash.replace(/^#/, '').split('?')[0] ?? '') : segments.slice(1);
    id = route[0] === 'tickets' ? route[1] : undefined;
  } else if (onZendesk && segments[0] === 'tickets') {
    // Classic tickets only: other `/tickets/…` pages there are not the agent app.
    if (!TICKET_ID.test(segments[1] ?? '')) return undefined;
    id = segments[1];
  } else {
    const requests = helpCenterRequests(segments);
    if (requests === undefined) return undefined;
    id = segments[requests + 1];
  }
  const ref = id !== undefined && TICKET_ID.test(id) ? { kind: 'ticket' as const, id } : undefined;
  return { tool: 'zendesk', ...(ref && { ref }), frozenUrl: withoutTracking(url) };
}

/** Index of `requests` in a Help Center path (`/hc/en-us/requests/…`, `/hc/requests/…`). */
function helpCenterRequests(segments: string[]): number | undefined {
  if (segments[0] !== 'hc') return undefined;
  if (segments[1] === 'requests') return 1;
  if (LOCALE.test(segments[1] ?? '') && segments[2] === 'requests') return 2;
  return undefined;
}
