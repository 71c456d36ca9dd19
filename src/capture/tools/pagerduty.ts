/**
 * PagerDuty incidents and alerts, on an account's own host: `<account>.pagerduty.com`, or
 * `<account>.eu.pagerduty.com` for the EU service region. PagerDuty is SaaS only, so the host
 * decides; every page there is the app (marketing, API and docs live on other hosts).
 *
 * The ref is the object the page shows, by the id PagerDuty writes in its API's `html_url`:
 * - `/incidents/<id>` (also `/incidents/<id>/log_entries/<entry>`): the incident, `PT4KHLK`;
 * - `/alerts/<id>`: one alert, `PXPGF42`.
 * Ids are PagerDuty's object ids, upper-case letters and digits (7 characters in older accounts,
 * 14 in newer ones: `Q1C5WQ0U8TSCXE`). Lists and settings pages are PagerDuty without a ref.
 *
 * Frozen: the page itself, without the `utm_*` parameters PagerDuty's Slack and e-mail links add.
 */
import type { Recognized } from '../recognized.ts';
import { pathSegments, withoutTracking } from './page-ref.ts';

const PAGERDUTY_HOST = /^[a-z0-9-]+\.(?:eu\.)?pagerduty\.com$/i;
// Hosts under the domain that are not an account's app.
const NOT_APP_HOST = /^(?:www|api|events|developer|support|status|community|university|ir|eu)\./i;
const PAGERDUTY_ID = /^[A-Z0-9]{6,20}$/;

export function recognizePagerDuty(url: URL): Recognized | undefined {
  const host = url.hostname;
  if (!PAGERDUTY_HOST.test(host) || NOT_APP_HOST.test(host)) return undefined;
  const [section, id] = pathSegments(url.pathname);
  const ref = (section === 'incidents' || section === 'alerts') && id !== undefined && PAGERDUTY_ID.test(id) ? { kind: 'alert' as const, id } : undefined;
  return { tool: 'pagerduty', ...(ref && { ref }), frozenUrl: withoutTracking(url) };
}
