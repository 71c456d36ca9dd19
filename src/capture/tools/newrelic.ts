/**
 * New Relic: the New Relic One app (`one.newrelic.com`, EU `one.eu.newrelic.com`, `gov-one`,
 * `staging-one`), the older per-product hosts (`rpm`, `alerts`, `synthetics`, `infrastructure`,
 * `insights`), and the issue pages alert notifications link to
 * (`radar-api.service.newrelic.com/accounts/<account>/issues/<issue>`). New Relic is SaaS only, so
 * the host decides.
 *
 * The window: `begin`/`end` (epoch ms) win over `duration` (ms, ending now), as New Relic One reads
 * them; launcher links carry the same as `platform[timeRange][begin_time|end_time|duration]`.
 * Frozen: `begin`/`end` (or `begin_time`/`end_time`) set where `duration` was, `duration` removed.
 *
 * The entity the page is about is its GUID, in the path (`/nr1-core/apm/overview/<guid>`,
 * `/dashboards/detail/<guid>`) or in a nerdlet's base64 JSON state (`pane`, `cards[0]`, `sidebars`);
 * per New Relic's entity GUID spec (newrelic/entity-definitions, docs/entities/guid_spec.md) it is
 * URL-safe base64 of `account|domain|type|id`, and that decoded form is the clip's `panel`. An alert
 * incident or issue (legacy `alerts.newrelic.com/accounts/<a>/incidents/<id>`, the issue page, or an
 * `incidentId`/`issueId` in nerdlet state) is the clip's `ref`.
 */
import type { Recognized } from '../recognized.ts';
import type { TimeRange } from '../../model/time-range.ts';
import { isRecord } from '../../model/is-record.ts';
import { decodeQueryComponent } from '../query-string.ts';
import { epochMillisToIso, rangeFromMs } from '../instants.ts';

const APP_HOST = /^(one|gov-one|staging-one|rpm|alerts|synthetics|infrastructure|insights)(\.eu)?\.newrelic\.com$/i;
const ISSUE_HOST = /^radar-api\.service(\.eu)?\.newrelic\.com$/i;
const GUID_TEXT = /^[A-Za-z0-9_+/-]{16,300}={0,2}$/;
const GUID = /^\d{1,10}\|[A-Z][A-Z0-9_]{2,14}\|[A-Z][A-Z0-9_]{1,49}\|[\x20-\x7E]{1,50}$/;
// Nerdlet state New Relic One keeps as base64 JSON in the query.
const STATE_PARAM = /^(pane|launcher|overlay|sidebars|cards)(\[\d+\])?$/;

interface TimeKeys {
  begin: string;
  end: string;
  duration: string;
}
const PLAIN: TimeKeys = { begin: 'begin', end: 'end', duration: 'duration' };
const FALLBACK_FLAG = 'platform[$isFallbackTimeRange]';
const PLATFORM: TimeKeys = {
  begin: 'platform[timeRange][begin_time]',
  end: 'platform[timeRange][end_time]',
  duration: 'platform[timeRange][duration]',
};

export function recognizeNewRelic(url: URL, now: Date): Recognized | undefined {
  const issuePage = ISSUE_HOST.test(url.hostname);
  if (!issuePage && !APP_HOST.test(url.hostname)) return undefined;
  const params = url.searchParams;
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const states = nerdletStates(params);

  const keys = params.has(PLATFORM.begin) || params.has(PLATFORM.duration) ? PLATFORM : PLAIN;
  const range = readRange(params, keys, now.getTime());
  const alert = alertId(segments, states);
  const panel = entityFromPath(segments) ?? entityFromStates(states);
  const query = states.map((s) => s.get('query') ?? s.get('nrql')).find((q) => typeof q === 'string' && q.trim() !== '');
  return {
    tool: 'newrelic',
    ...(alert ? { ref: { kind: 'alert' as const, id: alert } } : {}),
    ...(range ? { range } : {}),
    ...(typeof query === 'string' ? { query: query.trim() } : {}),
    ...(panel ? { panel } : {}),
    frozenUrl: range ? `${url.origin}${url.pathname}?${pinned(url.search, keys, range)}${url.hash}` : url.href,
  };
}

function readRange(params: URLSearchParams, keys: TimeKeys, nowMs: number): TimeRange | undefined {
  const begin = params.get(keys.begin)?.trim();
  if (begin) {
    const from = epochMillisToIso(begin);
    if (from === undefined) return undefined;
    const endText = params.get(keys.end)?.trim();
    if (!endText) return rangeFromMs(Date.parse(from), nowMs, true);
    const to = epochMillisToIso(endText);
    return to === undefined ? undefined : rangeFromMs(Date.parse(from), Date.parse(to), false);
  }
  const duration = params.get(keys.duration)?.trim() ?? '';
  if (!/^\d{1,13}$/.test(duration)) return undefined;
  return rangeFromMs(nowMs - Number(duration), nowMs, true);
}

/**
 * The query with the window pinned: begin and end written where `duration` (or the old begin/end)
 * stood, in New Relic's own bracket spelling, and a launcher's `platform[$isFallbackTimeRange]`
 * turned off (links built with begin/end set it `false`); every other parameter kept byte for byte.
 */
function pinned(search: string, keys: TimeKeys, range: TimeRange): string {
  const pairs = [`${keys.begin}=${Date.parse(range.from)}`, `${keys.end}=${Date.parse(range.to)}`];
  const replaced = new Set([keys.begin, keys.end, keys.duration]);
  const out: string[] = [];
  let written = false;
  for (const segment of search.replace(/^\?/, '').split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const key = decodeQueryComponent(eq === -1 ? segment : segment.slice(0, eq));
    if (key === FALLBACK_FLAG) {
      // A fallback range gives way to the user's default; a pinned one must not.
      out.push(`${FALLBACK_FLAG}=false`);
    } else if (!replaced.has(key)) {
      out.push(segment);
    } else if (!written) {
      out.push(...pairs);
      written = true;
    }
  }
  if (!written) out.push(...pairs);
  return out.join('&');
}

/** Nerdlet states (`pane=eyJ…`) decoded to plain objects; anything else is skipped. */
function nerdletStates(params: URLSearchParams): Map<string, unknown>[] {
  const states: Map<string, unknown>[] = [];
  for (const [key, value] of params) {
    if (!STATE_PARAM.test(key)) continue;
    const json = decodeBase64(value);
    if (json === undefined) continue;
    try {
      const parsed: unknown = JSON.parse(json);
      // A Map, so keys from the page never meet what a plain object inherits.
      if (isRecord(parsed)) states.push(new Map(Object.entries(parsed)));
    } catch {
      // Not JSON: state New Relic keeps some other way.
    }
  }
  return states;
}

function alertId(segments: string[], states: Map<string, unknown>[]): string | undefined {
  // /accounts/<account>/issues/<issue> and /accounts/<account>/incidents/<incident>[/violations]
  if (segments[0] === 'accounts' && (segments[2] === 'issues' || segments[2] === 'incidents') && segments[3]) {
    return asAlertId(decodeQueryComponent(segments[3]));
  }
  for (const state of states) {
    const id = state.get('issueId') ?? state.get('incidentId');
    if (typeof id === 'string' || typeof id === 'number') return asAlertId(String(id).trim());
  }
  return undefined;
}

/** Incident numbers and issue UUIDs; anything else in a URL is not an alert of this page. */
function asAlertId(text: string): string | undefined {
  return /^[\w-]{1,100}$/.test(text) ? text : undefined;
}

function entityFromPath(segments: string[]): string | undefined {
  for (const segment of segments) {
    if (!GUID_TEXT.test(segment)) continue;
    const decoded = decodeGuid(segment);
    if (decoded !== undefined) return decoded;
  }
  return undefined;
}

function entityFromStates(states: Map<string, unknown>[]): string | undefined {
  for (const state of states) {
    const guid = state.get('entityGuid') ?? state.get('entityId');
    if (typeof guid === 'string' && GUID_TEXT.test(guid)) {
      const decoded = decodeGuid(guid);
      if (decoded !== undefined) return decoded;
    }
  }
  return undefined;
}

function decodeGuid(text: string): string | undefined {
  const decoded = decodeBase64(text);
  return decoded !== undefined && GUID.test(decoded) ? decoded : undefined;
}

/** Standard or URL-safe base64, padded or not (a `+` read from a query arrives as a space). */
function decodeBase64(text: string): string | undefined {
  if (text.length > 20_000) return undefined;
  const standard = text.trim().replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(standard) || standard.length % 4 === 1) return undefined;
  try {
    const binary = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
