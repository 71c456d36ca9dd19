/**
 * Alertmanager's UI routes in the fragment: `#/alerts?silenced=false&inhibited=false&active=true&
 * filter={alertname="X"}`, `#/silences?filter=…`, `#/silences/new?filter=…`, `#/silences/<id>`,
 * `#/status`. Alertmanager shows what is firing now and has no time range, so the frozen URL is the
 * URL itself; the label-matcher `filter` is the query.
 */
import type { Recognized } from '../recognized.ts';
import { parseQuery, splitHashRoute } from '../query-string.ts';

const ROUTE = /^\/(alerts|silences(?:\/[^/?]+)?|status|receivers)\/?$/;
// Parameters the alerts and silences routes take; other single-page apps with `#/alerts` do not
// use these, which keeps a stray `#/alerts` from being taken for Alertmanager.
const ALERTMANAGER_PARAMS = ['filter', 'silenced', 'inhibited', 'muted', 'active', 'receiver', 'group', 'customGrouping'];

export function recognizeAlertmanager(url: URL, _now: Date): Recognized | undefined {
  const { route, query } = splitHashRoute(url.hash);
  if (!ROUTE.test(route)) return undefined;
  const params = parseQuery(query);
  const named = /alertmanager/i.test(url.hostname + url.pathname) || url.port === '9093';
  if (!named && !ALERTMANAGER_PARAMS.some((name) => params.has(name))) return undefined;

  const result: Recognized = { tool: 'alertmanager', frozenUrl: url.href };
  const filter = params.get('filter');
  if (filter !== undefined && filter.trim() !== '') result.query = filter;
  return result;
}
