// The lenient reader of every status feed Sitrep shows, shared by the extension and the widget.
// It ships inside the ~10 KB banner, so it stays plain code: no zod, no dependencies.
import { FeedError } from './feed-error';
import { readCstate } from './parse/cstate';
import { readInstatus } from './parse/instatus';
import { isObj, shown, text } from './parse/read';
import { readStatuspage } from './parse/statuspage';
import { readUpptime } from './parse/upptime';

export { FeedError };

export interface StatusSnapshot {
  format: 'statuspage' | 'cstate' | 'upptime' | 'instatus';
  page: { name: string; url?: string };
  indicator: 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
  description: string;
  components: { id: string; name: string; status: 'operational' | 'degraded_performance'
      | 'partial_outage' | 'major_outage' | 'under_maintenance'; group?: string }[];
  incidents: FeedEvent[];     // unresolved incidents, newest first
  maintenances: FeedEvent[];  // scheduled or in-progress maintenance
  updatedAt?: string;
}

export interface FeedEvent {
  id: string; name: string; status: string; impact: string; url?: string;
  startedAt?: string; updatedAt: string;
  latest?: { status: string; body: string; at: string };
}

export type StatusIndicator = StatusSnapshot['indicator'];
export type ComponentState = StatusSnapshot['components'][number]['status'];

const EXPECTED =
  'expected a Statuspage v2 summary.json/status.json, a cState index.json, an Upptime summary.json or an Instatus summary.json';

/**
 * Reads a status feed, given as the response text or as already-parsed JSON, whatever its
 * format: Statuspage v2 (Atlassian's, incident.io's, Sitrep's own), cState, Upptime, Instatus.
 * Unknown fields are ignored, missing optional ones tolerated, text clamped, non-http(s) links
 * dropped. Throws FeedError, with a message a site owner can act on, when it cannot be used.
 */
export function parseStatusFeed(input: unknown): StatusSnapshot {
  const doc = typeof input == 'string' ? readJson(input) : input;
  if (Array.isArray(doc)) {
    const upptime = readUpptime(doc);
    if (upptime) return upptime;
    throw new FeedError(`Unrecognized feed: ${EXPECTED} (found ${doc.length ? `a list of ${doc.length} items, none of them an Upptime site` : 'an empty list'})`);
  }
  if (!isObj(doc)) {
    throw new FeedError(`Feed is ${doc === null ? 'null' : typeof doc == 'string' ? 'a lone JSON string' : shown(doc)}, not a status document: ${EXPECTED}`);
  }
  const has = (key: string) => Object.hasOwn(doc, key);
  const page = doc.page;
  if (has('cStateVersion') || doc.is == 'index' || Array.isArray(doc.systems)) return readCstate(doc);
  if (has('activeIncidents') || has('activeMaintenances') || (isObj(page) && typeof page.status == 'string' && !isObj(doc.status))) {
    return readInstatus(doc);
  }
  if (isObj(doc.status) || (isObj(page) && (has('components') || has('incidents') || has('scheduled_maintenances')))) {
    return readStatuspage(doc);
  }
  const error = isObj(doc.error) ? doc.error.message : (doc.error ?? doc.message);
  const keys = Object.keys(doc);
  throw new FeedError(
    text(error)
      ? `Feed is an error response: ${shown(error)} — check the src URL and that the status page is public`
      : `Unrecognized feed: ${EXPECTED} (found ${keys.length ? `keys: ${keys.slice(0, 10).map((k) => text(k, 40) ?? '""').join(', ')}${keys.length > 10 ? ', …' : ''}` : 'an empty object'})`,
  );
}

const HINT = 'check the src URL points at the JSON feed, e.g. …/api/v2/summary.json';
/**
 * A JSON string (running to the end of the text when unterminated, so the scan stays linear
 * on hostile input), or, outside strings, a comma before a closing bracket.
 */
const STRING_OR_TRAILING_COMMA = /("[^"\\]*(?:\\[^]?[^"\\]*)*)("|$)|,(?=\s*[}\]])/g;

function readJson(input: string): unknown {
  const json = input.replace(/^\uFEFF/, '').trim();
  if (!json) throw new FeedError(`Feed is empty: the response has no body — ${HINT}`);
  if (/^<(\?xml|rss|feed)\b/i.test(json)) throw new FeedError(`Feed is XML (Atom/RSS), not JSON — ${HINT}`);
  if (!/^[[{"\d-]|^(true|false|null)\b/.test(json)) {
    throw new FeedError(`Feed is not JSON: the response starts with '${text(json.split('\n', 1)[0], 30)}' — ${HINT}`);
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
    return string.replace(/[\0-\x1f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + end;
  });
  try {
    return JSON.parse(mended);
  } catch (e) {
    // More brackets opened than closed once the strings are out: the document stops early.
    const bare = mended.replace(STRING_OR_TRAILING_COMMA, '');
    const count = (re: RegExp) => bare.match(re)?.length ?? 0;
    throw new FeedError(
      `Feed JSON is truncated or malformed: ${
        unterminated || count(/[{[]/g) > count(/[}\]]/g)
          ? `it ends after ${json.length} characters, before the document is complete — the response was cut off`
          : text((e as Error).message, 160)
      }`,
    );
  }
}
