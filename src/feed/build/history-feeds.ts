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
// eslint-disable-next-line no-control-regex -- these control characters are exactly what XML forbids
const NOT_XML = /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
export const xmlText = (text: string) => text.replace(NOT_XML, '');

/** An event's updates as feed-entry HTML: each update's status, time, text and component changes. */
function entryContent(event: Event): Markup {
  const window = isMaintenance(event)
    ? html`<p>Scheduled from ${utcDateTime(event.scheduled_for)} until ${utcDateTime(event.scheduled_until)}.</p>`
    : html`<p>${impactLabel(event.impact)}.</p>`;
  const components = event.components.length
    ? html`<p>Affected components: ${event.components.map((c) => c.name).join(', ')}.</p>`
    : '';
  const postmortem =
    !isMaintenance(event) && event.postmortem_body ? html`<h3>Post-mortem</h3>${postmortemMarkup(event.postmortem_body, 'h4')}` : '';
  return html`${window}${components}${postmortem}${event.incident_updates.map(
    (u) => html`<p><strong>${statusLabel(u.status)}</strong> — ${utcDateTime(u.display_at)}</p><p>${textWithLinks(u.body)}</p>${
      u.affected_components?.length
        ? html`<ul>${u.affected_components.map(
            (c) => html`<li>${changeText(c)}</li>`,
          )}</ul>`
        : ''
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

/**
 * Both feeds of the newest FEED_ENTRIES events (`events` come newest first). `base` is the site's
 * URL, ending in `/`.
 */
export function historyFeeds(page: Page, base: string, events: readonly Event[]): HistoryFeeds {
  const name = xmlText(page.name);
  const feed = new Feed({
    id: base,
    title: `${name} status history`,
    description: `Incidents and maintenance of ${name}`,
    link: base,
    updated: new Date(page.updated_at),
    generator: 'Sitrep',
    author: { name },
    feedLinks: { atom: `${base}history.atom`, rss: `${base}history.rss` },
  });
  for (const event of events.slice(0, FEED_ENTRIES)) {
    const content = xmlText(entryContent(event).value);
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
  return { atom: feed.atom1(), rss: feed.rss2() };
}
