// The lenient reader of every status feed Sitrep shows, shared by the extension and the widget.
// It ships inside the banner (12 KB gzipped at most, Lit included), so it stays plain code: no zod,
// no dependencies.
import { FeedError } from './feed-error';
import { readCstate } from './parse/cstate';
import { readInstatus } from './parse/instatus';
import { isRecord } from './parse/is-record';
import { shown, text } from './parse/read';
import { readStatuspage } from './parse/statuspage';
import { readUpptime } from './parse/upptime';

export { FeedError };

export interface StatusSnapshot {
  format: 'statuspage' | 'cstate' | 'upptime' | 'instatus';
  page: { name: string; url?: string };
  indicator: 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
  description: string;
  components: {
    id: string;
    name: string;
    status: 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage' | 'under_maintenance';
    group?: string;
  }[];
  incidents: FeedEvent[]; // unresolved incidents, newest first
  maintenances: FeedEvent[]; // scheduled or in-progress maintenance
  updatedAt?: string;
}

export interface FeedEvent {
  id: string;
  name: string;
  status: string;
  impact: string;
  url?: string;
  startedAt?: string;
  endsAt?: string;
  updatedAt: string; // endsAt: a maintenance window's end
  latest?: { status: string; body: string; at: string };
}

export type StatusIndicator = StatusSnapshot['indicator'];
export type ComponentState = StatusSnapshot['components'][number]['status'];

/**
 * The end of every message about a response that is no feed: a wrong `src` is the usual cause,
 * and the formats say what a right one looks like.
 */
const CHECK_SRC =
  ' — check the src URL points at a status feed: Statuspage v2 summary.json or status.json, cState index.json, Upptime history/summary.json or Instatus summary.json';

/**
 * Reads a status feed, given as the response text or as already-parsed JSON, whatever its
 * format: Statuspage v2 (Atlassian's, incident.io's, Sitrep's own), cState, Upptime, Instatus.
 * Unknown fields are ignored, missing optional ones tolerated, text clamped, non-http(s) links
 * dropped. Throws FeedError, with a message a site owner can act on, when it cannot be used.
 */
export function parseStatusFeed(input: unknown): StatusSnapshot {
  const doc = typeof input === 'string' ? readJson(input) : input;
  let found = shown(doc);
  if (Array.isArray(doc)) {
    const upptime = readUpptime(doc);
    if (upptime) return upptime;
    found = doc.length ? `a list of ${doc.length} item${doc.length > 1 ? 's' : ''} without an Upptime site` : 'an empty list';
  } else if (isRecord(doc)) {
    const has = (key: string) => Object.hasOwn(doc, key);
    const page = doc.page;
    if (has('cStateVersion') || doc.is === 'index' || Array.isArray(doc.systems)) return readCstate(doc);
    if (has('activeIncidents') || has('activeMaintenances') || (isRecord(page) && typeof page.status === 'string' && !isRecord(doc.status))) {
      return readInstatus(doc);
    }
    if (isRecord(doc.status) || (isRecord(page) && (has('components') || has('incidents') || has('scheduled_maintenances')))) {
      return readStatuspage(doc);
    }
    const error = isRecord(doc.error) ? doc.error.message : (doc.error ?? doc.message);
    if (text(error)) throw new FeedError(`Feed is an error response: ${shown(error)} — check the src URL and that the status page is public`);
    const keys = Object.keys(doc);
    found = keys.length ? `an object with keys ${keys.slice(0, 10).map(shown).join(', ')}${keys.length > 10 ? ', …' : ''}` : 'an empty object';
  }
  throw new FeedError(`Feed is ${found}, not a status document${CHECK_SRC}`);
}

/**
 * A JSON string (running to the end of the text when unterminated, so the scan stays linear
 * on hostile input), or, outside strings, a comma before a closing bracket.
 */
const STRING_OR_TRAILING_COMMA = /("[^"\\]*(?:\\[^]?[^"\\]*)*)("|$)|,(?=\s*[}\]])/g;

function readJson(input: string): unknown {
  const json = input.replace(/^\uFEFF/, '').trim();
  if (!/^[[{"\d-]|^(true|false|null)\b/.test(json)) {
    const what = !json
      ? 'empty'
      : /^<(\?xml|rss|feed)\b/i.test(json)
        ? 'XML (Atom/RSS), not JSON'
        : `not JSON: it starts with '${text(json.split('\n', 1)[0], 30)}'`;
    throw new FeedError(`Feed is ${what}${CHECK_SRC}`);
  }
  try {
    return JSON.parse(json);
  } catch {
    // Retried below after mending what static generators emit: raw control characters inside
    // strings (cState copies Markdown straight in) and trailing commas.
  }
  let unterminated = false;
  const mended = json.replace(STRING_OR_TRAILING_COMMA, (_, string?: string, end?: string) => {
    if (string === undefined) return '';
    if (!end) unterminated = true;
    return string.replace(/[\0-\x1f]/g, (c) => JSON.stringify(c).slice(1, -1)) + end;
  });
  try {
    return JSON.parse(mended);
  } catch (e) {
    // More brackets opened than closed once the strings are out: the document stops early.
    const bare = mended.replace(STRING_OR_TRAILING_COMMA, '');
    throw new FeedError(
      unterminated || bare.split(/[{[]/).length > bare.split(/[}\]]/).length
        ? `Feed JSON stops after ${json.length} characters, before the document ends: the response was cut off`
        : `Feed JSON is malformed: ${text((e as Error).message, 160)}`,
    );
  }
}
