/**
 * Sentry, on sentry.io (`acme.sentry.io/issues/`, `sentry.io/organizations/acme/issues/`) or
 * self-hosted under any host and sub-path (`https://errors.example.com/sentry/organizations/acme/
 * discover/results/`). The shape decides: an `/organizations/<org>/<section>/` path, a known
 * section right under an `*.sentry.io` organization host, or the old `/<org>/<project>/issues/`
 * layout on a host named for Sentry.
 *
 * Page filters follow Sentry's `normalizeDateTimeParams` (static/app/components/organizations/
 * pageFilters/parse.tsx): `statsPeriod` (legacy `period`) matching `^(\d+)([hdmsw])?$`, a bare
 * number being seconds, wins over `start`/`end`; `start`/`end` are read with `moment.utc`, so a
 * value without a zone is UTC (`utc=true` only changes how the page displays times). A URL with
 * neither shows the page's own default period, which differs per page, so it yields no range.
 * Frozen URLs carry `start`/`end` in Sentry's own `YYYY-MM-DDTHH:mm:ss` form.
 */
import type { Recognized } from '../recognized.ts';
import type { TimeRange } from '../../model/time-range.ts';
import { replaceQueryParams } from '../query-string.ts';
import { isoToIso, periodToMs, rangeFromMs } from '../instants.ts';

const SECTIONS = new Set([
  'issues',
  'discover',
  'performance',
  'dashboards',
  'dashboard',
  'releases',
  'alerts',
  'explore',
  'insights',
  'traces',
  'replays',
  'profiling',
  'monitors',
  'crons',
  'uptime',
  'feedback',
  'user-feedback',
  'logs',
  'metrics',
]);
// sentry.io hosts that are not an organization's app.
const NOT_APP_HOST = /^(docs|www|blog|status|develop|open|forum|changelog|try|sandbox)\./i;

export function recognizeSentry(url: URL, now: Date): Recognized | undefined {
  if (!isSentryPage(url)) return undefined;
  const params = url.searchParams;
  const range = readRange(params, now);
  const query = params.get('query')?.trim() || undefined;
  const frozenUrl = range
    ? `${url.origin}${url.pathname}?${replaceQueryParams(url.search, {
        statsPeriod: null,
        period: null,
        start: encodeURIComponent(sentryDate(range.from)),
        end: encodeURIComponent(sentryDate(range.to)),
      })}${url.hash}`
    : url.href;
  return { tool: 'sentry', ...(range ? { range } : {}), ...(query ? { query } : {}), frozenUrl };
}

function isSentryPage(url: URL): boolean {
  const segments = url.pathname.split('/').filter((s) => s !== '');
  for (let i = 0; i + 2 < segments.length; i++) {
    if (segments[i] === 'organizations' && SECTIONS.has(segments[i + 2] ?? '')) return true;
  }
  const host = url.hostname.toLowerCase();
  // An organization's own host: acme.sentry.io/issues/, acme.de.sentry.io/discover/…
  if (host.endsWith('.sentry.io') && !NOT_APP_HOST.test(host) && SECTIONS.has(segments[0] ?? '')) return true;
  // Sentry before 2018 (and some self-hosted installs still): /<org>/<project>/issues/<id>/
  return host.includes('sentry') && segments[2] === 'issues';
}

function readRange(params: URLSearchParams, now: Date): TimeRange | undefined {
  const nowMs = now.getTime();
  for (const key of ['statsPeriod', 'period']) {
    const text = params.get(key);
    const ms = text ? periodToMs(text, { defaultUnit: 's' }) : undefined;
    if (ms !== undefined) return rangeFromMs(nowMs - ms, nowMs, true);
  }
  const start = params.get('start');
  const end = params.get('end');
  const from = start ? isoToIso(start) : undefined;
  const to = end ? isoToIso(end) : undefined;
  if (!from || !to) return undefined;
  return rangeFromMs(Date.parse(from), Date.parse(to), false);
}

/** `2026-11-28T08:10:00.000Z` → `2026-11-28T08:10:00`, keeping milliseconds only when set. */
function sentryDate(iso: string): string {
  return iso.replace(/\.000Z$/, '').replace(/Z$/, '');
}
