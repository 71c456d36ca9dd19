/**
 * Grafana dashboards: `/d/<uid>/<slug>`, `/d-solo/<uid>/<slug>`, `/dashboard/db|snapshot|script/…`,
 * `/public-dashboards/<token>` and app plugins (`/a/<plugin>-app/…`), under any host and sub-path.
 *
 * The range is `from`/`to` (date math, epoch ms, ISO or Grafana's compact `YYYYMMDD[THHmmss]`) or
 * `time` ± `time.window`/2. Rounding (`now/d`) happens in the `timezone=` parameter's zone; when it
 * is absent or `browser` we use UTC. The clip is resolved in the background, away from the tab, and
 * `recognize(url, now)` has no zone input, so UTC is the one answer that does not depend on which
 * machine resolves it; an IANA zone in the URL is honoured exactly.
 */
import type { Recognized } from '../recognized.ts';
import { replaceQueryParams } from '../query-string.ts';
import { durationToMs, isValidTimeZone, parseInstant, resolveRange } from '../relative-time.ts';
import type { TimeRange } from '../../model/time-range.ts';

// Parameters only Grafana puts on a dashboard URL; one of them (or "grafana" in the host or path)
// must be present, because `/d/<id>/…` alone is common elsewhere (Google Docs is `/document/d/<id>`).
const GRAFANA_PARAMS = ['orgId', 'from', 'to', 'time', 'time.window', 'viewPanel', 'editPanel', 'panelId', 'refresh', 'kiosk', 'timezone'];

export function recognizeGrafana(url: URL, now: Date): Recognized | undefined {
  const shape = dashboardShape(url.pathname);
  if (shape === undefined) return undefined;
  const params = url.searchParams;
  const hasGrafanaParam = GRAFANA_PARAMS.some((name) => params.has(name)) || hasVariableParam(params);
  if (!hasGrafanaParam && !mentionsGrafana(url)) return undefined;
  // App plugins share the shell but not the dashboard model; only their time range is ours to read.
  if (shape === 'app' && !params.has('from') && !params.has('time')) return undefined;

  const result: Recognized = { tool: 'grafana', frozenUrl: url.href };
  const panel = params.get('viewPanel') ?? params.get('editPanel') ?? (shape === 'solo' ? params.get('panelId') : null);
  if (panel !== null && panel !== '') result.panel = panel;

  const range = grafanaRange(params, now);
  if (range !== undefined) {
    result.range = range;
    const frozen = new URL(url.href);
    frozen.search = replaceQueryParams(url.search, {
      from: String(Date.parse(range.from)),
      to: String(Date.parse(range.to)),
      time: null,
      'time.window': null,
    });
    result.frozenUrl = frozen.href;
  }
  return result;
}

/** The zone Grafana rounds `now/d` in for this URL: an IANA `timezone=`, else UTC (see above). */
export function grafanaTimeZone(params: URLSearchParams): string {
  const zone = params.get('timezone');
  if (zone === null || zone === '' || zone === 'browser' || zone.toLowerCase() === 'utc') return 'UTC';
  return isValidTimeZone(zone) ? zone : 'UTC';
}

/** True when the host or path names Grafana (grafana.example.com, /monitoring/grafana/…). */
export function mentionsGrafana(url: URL): boolean {
  return /grafana/i.test(url.hostname) || /(^|\/)grafana(\/|$)/i.test(url.pathname);
}

function grafanaRange(params: URLSearchParams, now: Date): TimeRange | undefined {
  const time = params.get('time');
  const window = params.get('time.window');
  if (time !== null && window !== null) {
    const center = parseInstant(time);
    const windowMs = durationToMs(window);
    if (center !== undefined && windowMs !== undefined) {
      // A centre or window at the edge of what a Date holds steps off it: no range, not a throw.
      const from = new Date(center.getTime() - windowMs / 2);
      const to = new Date(center.getTime() + windowMs / 2);
      if (!Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime())) {
        return { from: from.toISOString(), to: to.toISOString(), relative: false };
      }
    }
  }
  const from = params.get('from');
  if (from === null || from === '') return undefined;
  // A URL with `from` alone keeps the dashboard's own `to`, which is `now` unless someone changed it.
  const to = params.get('to') ?? 'now';
  const range = resolveRange(from, to === '' ? 'now' : to, now, { timeZone: grafanaTimeZone(params) });
  // Grafana shows an inverted range (`from=now&to=now-1h`) the right way round.
  if (range !== undefined && range.from > range.to) return { ...range, from: range.to, to: range.from };
  return range;
}

type DashboardShape = 'dashboard' | 'solo' | 'app';

function dashboardShape(pathname: string): DashboardShape | undefined {
  const segments = pathname.split('/').filter((s) => s !== '');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const next = segments[i + 1];
    if (next === undefined) return undefined;
    const rest = segments.length - i - 2; // segments after the uid: at most the slug
    if ((segment === 'd' || segment === 'd-solo') && rest <= 1) return segment === 'd' ? 'dashboard' : 'solo';
    if (segment === 'dashboard' && (next === 'db' || next === 'snapshot' || next === 'script') && rest === 1) return 'dashboard';
    if (segment === 'public-dashboards' && rest === 0) return 'dashboard';
    if (segment === 'a' && /-app$/.test(next)) return 'app';
  }
  return undefined;
}

function hasVariableParam(params: URLSearchParams): boolean {
  for (const key of params.keys()) if (key.startsWith('var-')) return true;
  return false;
}
