import { Feed } from 'feed';
import type { Page } from '../schema';
import { isMaintenance, type SiteEvent as Event } from './event-docs';
import { escapeHtml, html, textWithLinks, type Markup } from './html';
import { changeText, impactLabel, statusLabel } from './labels';
import { postmortemMarkup } from './postmortem-body';
import { utcDateTime } from './utc-time';

// history.atom and history.rss, written with the `feed` package. It runs in the extension's service
// worker: its dependency xml-js pulls in sax, whose one Node import (`stream`) Vite replaces with an
// empty module that sax falls back from; a Vite browser bundle of buildSite was run in a module
// service worker in Chromium and wrote both feeds (about 55 kB minified, 15 kB gzipped, of the
// worker bundle). One entry per incident or maintenance, newest first, its updates in the content,
// newest first.
//
// Two gaps of xml-js are closed here rather than trusted: it escapes only the first `]]>` of a
// CDATA section, and it passes characters XML forbids. Titles and content are therefore HTML
// written by us (every `>` escaped, so no `]]>` can occur), and all text is cleaned of forbidden
// characters first. Atom titles are `type="html"`, so the escaped title is exactly right; RSS
// readers decode entities in titles the same way.

/** Characters XML 1.0 forbids, and lone surrogates. */
const NOT_XML = /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export const xmlText = (text: string) => text.replace(NOT_XML, '');

/** An event's updates as feed-entry HTML: each update's status, time, text and component changes. */
export function entryContent(event: Event): Markup {
  const window = isMaintenance(event)
    ? html`<p>Scheduled from ${utcDateTime(event.scheduled_for)} until ${utcDateTime(event.scheduled_until)}.</p>`
    : html`<p>${impactLabel(event.impact)}.</p>`;
  const components = event.components.length ? html`<p>Affected components: ${event.components.map((c) => c.name).join(', ')}.</p>` : '';
  const postmortem = !isMaintenance(event) && event.postmortem_body ? html`<h3>Post-mortem</h3>${postmortemMarkup(event.postmortem_body, 'h4')}` : '';
  return html`${window}${components}${postmortem}${event.incident_updates.map(
    (u) =>
      html`<p><strong>${statusLabel(u.status)}</strong> — ${utcDateTime(u.display_at)}</p><p>${textWithLinks(u.body)}</p>${
        u.affected_components?.length ? html`<ul>${u.affected_components.map((c) => html`<li>${changeText(c)}</li>`)}</ul>` : ''
      }`,
  )}`;
}

/**
 * Entries per feed, as Statuspage's incidents.json lists 50: readers poll feeds and keep what they
 * saw, so older entries add bytes to every poll and tell nobody anything new. The site's pages and
 * sitrep-site.json keep the whole history window.
 */
export const FEED_ENTRIES = 50;

export interface HistoryFeeds {
  atom: string;
  rss: string;
}

/** One event's `<entry>` (Atom) and `<item>` (RSS), as the feed package writes them. */
export type FeedEntry = HistoryFeeds;

/**
 * Both feeds of the newest FEED_ENTRIES events (`events` come newest first). `base` is the site's
 * URL, ending in `/`. `entryOf` is an event's entries as `feedEntry` writes them: a build keeps them
 * from the last, so a publish writes only the entries that changed. The feed package writes the
 * frame around one stand-in entry, which the entries replace: the bytes are those of one feed of
 * all entries, as the package writes each entry alone at the same depth.
 */
export function historyFeeds(page: Page, base: string, events: readonly Event[], entryOf: (event: Event) => FeedEntry = feedEntry): HistoryFeeds {
  const listed = events.slice(0, FEED_ENTRIES);
  const frame = newFeed(page, base);
  if (!listed.length) return { atom: frame.atom1(), rss: frame.rss2() };
  addEntry(frame, STAND_IN, 'x');
  const entries = listed.map(entryOf);
  return {
    atom: spliced(
      frame.atom1(),
      'entry',
      entries.map((e) => e.atom),
    ),
    rss: spliced(
      frame.rss2(),
      'item',
      entries.map((e) => e.rss),
    ),
  };
}

/** An event's entry in each feed, written alone. */
export function feedEntry(event: Event): FeedEntry {
  const feed = newFeed(STAND_IN_PAGE, STAND_IN_BASE);
  addEntry(feed, event, xmlText(entryContent(event).value));
  return { atom: only(feed.atom1(), 'entry'), rss: only(feed.rss2(), 'item') };
}

function newFeed(page: Page, base: string): Feed {
  const name = xmlText(page.name);
  return new Feed({
    id: base,
    title: `${name} status history`,
    description: `Incidents and maintenance of ${name}`,
    link: base,
    updated: new Date(page.updated_at),
    generator: 'Sitrep',
    author: { name },
    feedLinks: { atom: `${base}history.atom`, rss: `${base}history.rss` },
  });
}

function addEntry(feed: Feed, event: Event, content: string): void {
  feed.addItem({
    title: xmlText(escapeHtml(`${event.name} (${statusLabel(event.status)})`)),
    id: event.shortlink,
    link: event.shortlink,
    date: new Date(event.updated_at),
    published: new Date(isMaintenance(event) ? event.created_at : event.started_at),
    description: xmlText(escapeHtml(event.incident_updates[0]?.body.slice(0, 300) ?? '')),
    content,
  });
}

// The stand-in entry and the frame of a lone entry hold only our own words, so the first `<entry>`
// of such a frame is the entry's own; the entry is the last thing in the feed, so its last `</entry>` is too.
const STAND_IN_BASE = 'https://sitrep.invalid/';
const STAND_IN_PAGE: Page = { id: 'sitrep', name: 'Sitrep', url: STAND_IN_BASE, time_zone: 'Etc/UTC', updated_at: '2000-01-01T00:00:00.000Z' };
const STAND_IN = {
  name: 'Sitrep',
  status: 'resolved',
  shortlink: STAND_IN_BASE,
  updated_at: STAND_IN_PAGE.updated_at,
  started_at: STAND_IN_PAGE.updated_at,
  impact: 'none',
  incident_updates: [],
} as unknown as Event;

/** Where a feed's one `<tag>…</tag>` element starts and ends. */
function bounds(xml: string, tag: string): [number, number] {
  const start = xml.lastIndexOf(`<${tag}>`);
  const end = xml.lastIndexOf(`</${tag}>`) + tag.length + 3;
  if (start < 0 || end < start) throw new Error(`The feed package wrote no <${tag}>`);
  return [start, end];
}

const only = (xml: string, tag: string) => {
  const [start, end] = bounds(xml, tag);
  return xml.slice(start, end);
};

/** The frame with its one element replaced by `entries`, each on its own line at the element's indentation. */
function spliced(frame: string, tag: string, entries: readonly string[]): string {
  const [start, end] = bounds(frame, tag);
  const indent = frame.slice(frame.lastIndexOf('\n', start), start);
  return frame.slice(0, start) + entries.join(indent) + frame.slice(end);
}
