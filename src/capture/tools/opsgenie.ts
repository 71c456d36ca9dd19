/**
 * Opsgenie alerts and incidents: the app on `app.opsgenie.com` or `<account>.app.opsgenie.com`
 * (EU: `app.eu.opsgenie.com`, `<account>.app.eu.opsgenie.com`), its `opsg.in` short links, and
 * the same alerts where Atlassian now shows them, Jira Service Management Operations on
 * `<site>.atlassian.net/jira/ops/…`. Opsgenie is SaaS only, so the host decides.
 *
 * The ref is the alert (or incident) id as Opsgenie writes it in its API (`id`: a UUID, for alerts
 * followed by `-<epoch ms>`), from any of the routes the app has used:
 * - `/alert/detail/<id>/details` (and `/logs`, `/notes`…), the current app;
 * - `/alert/V2#/show/<id>/details`, the older app, and `/alert/show/<id>`;
 * - `/incident/detail/<id>`, an Opsgenie incident (`links.web` in the Incident API);
 * - `opsg.in/a/i/<id>`, the short link to an alert;
 * - `/jira/ops/alerts/<id>` in Jira Service Management.
 * An alert's short `tinyId` (`#1791`) never appears in these URLs, so it is not the ref.
 * Alert lists and settings are Opsgenie without a ref.
 *
 * Frozen: the page itself, without `utm_*` parameters.
 */
import type { Recognized } from '../recognized.ts';
import { pathSegments, withoutTracking } from './page-ref.ts';

const OPSGENIE_APP_HOST = /^(?:[a-z0-9-]+\.)?app\.(?:eu\.)?opsgenie\.com$/i;
const SHORT_LINK_HOST = /^opsg\.in$/i;
const ATLASSIAN_HOST = /\.atlassian\.net$/i;
// A UUID, or a UUID's leading groups, optionally followed by `-<epoch ms>`: hex groups joined by dashes.
const OPSGENIE_ID = /^[0-9a-f]{8,}(?:-[0-9a-f]{1,13})*$/i;

export function recognizeOpsgenie(url: URL): Recognized | undefined {
  const host = url.hostname;
  const segments = pathSegments(url.pathname);
  let id: string | undefined;
  if (OPSGENIE_APP_HOST.test(host)) {
    id = appRouteId(segments, url.hash);
  } else if (SHORT_LINK_HOST.test(host)) {
    id = segments[0] === 'a' && segments[1] === 'i' ? segments[2] : undefined;
  } else if (ATLASSIAN_HOST.test(host) && segments[0] === 'jira' && segments[1] === 'ops') {
    id = segments[2] === 'alerts' ? segments[3] : undefined;
  } else {
    return undefined;
  }
  const ref = id !== undefined && OPSGENIE_ID.test(id) ? { kind: 'alert' as const, id } : undefined;
  return { tool: 'opsgenie', ...(ref && { ref }), frozenUrl: withoutTracking(url) };
}

function appRouteId(segments: string[], hash: string): string | undefined {
  const [section, view, id] = segments;
  if ((section === 'alert' || section === 'incident') && (view === 'detail' || view === 'show')) return id;
  // The older app routed inside the fragment: `/alert/V2#/show/<id>/details`.
  if (section === 'alert' && view === 'V2') {
    const route = pathSegments(hash.replace(/^#/, '').split('?')[0] ?? '');
    return route[0] === 'show' ? route[1] : undefined;
  }
  return undefined;
}
