/**
 * xMatters, on a company's instance: `<company>.xmatters.com`, or `<company>.<deployment>.
 * xmatters.com` (`flow-company.tst.xmatters.com`, `test001.vortex.shared-dev.xmatters.com`). xMatters is SaaS only,
 * so the host decides; the web app lives under `/xmatters/…` (`/xmatters/signOn.do`,
 * `/xmatters/ui/…`) and the REST API under `/api/xm/1/…`.
 *
 * xMatters does not document its web app's routes, so the ref is taken only where a URL names
 * the event in the REST API's own terms (`GET /api/xm/1/events/{eventId}`, where an id is the
 * event's UUID or its numeric id): a path `…/events/<id>` (or `…/alerts/<id>`, xMatters' newer
 * name for events), or an `eventId` / `alertId` parameter. Anything else on the instance is
 * xMatters without a ref.
 *
 * Frozen: the page itself, without `utm_*` parameters.
 */
import type { Recognized } from '../recognized.ts';
import { pathSegments, withoutTracking } from './page-ref.ts';

const XMATTERS_HOST = /^(?:[a-z0-9-]+\.)+xmatters\.com$/i;
// Hosts under the domain that are not a company's instance.
const NOT_INSTANCE_HOST = /^(?:www|help|support|status|community|xperts|developer|go)\./i;
const EVENT_ID = /^(?:\d{1,20}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function recognizeXMatters(url: URL): Recognized | undefined {
  const host = url.hostname;
  if (!XMATTERS_HOST.test(host) || NOT_INSTANCE_HOST.test(host)) return undefined;
  const id = eventId(url);
  return { tool: 'xmatters', ...(id !== undefined && { ref: { kind: 'alert' as const, id } }), frozenUrl: withoutTracking(url) };
}

function eventId(url: URL): string | undefined {
  const segments = pathSegments(url.pathname);
  for (let i = 0; i + 1 < segments.length; i++) {
    const id = segments[i + 1] ?? '';
    if ((segments[i] === 'events' || segments[i] === 'alerts') && EVENT_ID.test(id)) return id;
  }
  for (const key of ['eventId', 'alertId']) {
    const id = url.searchParams.get(key);
    if (id !== null && EVENT_ID.test(id)) return id;
  }
  return undefined;
}
