import type { Component as ComponentDoc } from '../schema';
import type { SiteEvent } from './event-docs';
import type { FeedEntry } from './history-feeds';
import type { Markup } from './html';

// What a publish keeps of each event it wrote, so the next publish of the same site rebuilds only
// the events that changed: after one status update on a site of 500 incidents, one incident's
// document, JSON and page are new and every other file part is the text written before. Kept in
// memory (the extension's service worker, the host's process); a cold start builds everything once.

/** What one event adds to the site: its document (frozen, checked against its schema), its JSON and its page. */
export interface EventOutput {
  doc: SiteEvent;
  /** `JSON.stringify(doc)`. */
  json: string;
  /** incidents/<id>.html. */
  page: string;
  /** Its history feed entries and its item on index.html, once written. */
  feedEntry?: FeedEntry;
  pastEvent?: Markup;
}

export interface MemoEntry {
  /** A frozen copy of what the document was built from: our PublicIncident, or the document itself. */
  source: unknown;
  /** The component ids the event names and the leaf documents they were then (by identity). */
  touched?: { ids: readonly string[]; leaves: readonly (ComponentDoc | undefined)[] };
  output: EventOutput;
}

/** The memo of one site (one URL, page id and name): everything in it was written with those. */
export interface SiteMemo {
  events: Map<string, MemoEntry>;
  /** Component documents by id, frozen: equal components are the same object from build to build. */
  components: Map<string, ComponentDoc>;
}

/** Sites a process publishes to at once (a few targets); beyond that the oldest is forgotten. */
const SITES = 4;

/** Per-site memos. Inject a fresh one for a build that must not reuse anything (a test, a download). */
export class SiteBuildMemo {
  readonly #sites = new Map<string, SiteMemo>();

  /** The memo of a site, empty if unknown; `key` says everything every file of it depends on besides the events. */
  read(key: string): SiteMemo {
    return this.#sites.get(key) ?? { events: new Map(), components: new Map() };
  }

  /** Keeps what one successful build used: entries no longer on the site are dropped with it. */
  write(key: string, memo: SiteMemo): void {
    this.#sites.delete(key);
    this.#sites.set(key, memo);
    for (const oldest of this.#sites.keys()) {
      if (this.#sites.size <= SITES) break;
      this.#sites.delete(oldest);
    }
  }
}

/** The memo buildSite uses unless given one: lives as long as the process (or service worker). */
export const processMemo = new SiteBuildMemo();
