import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';
import { buildSite, selectPublic } from '../../../src/feed/build';
import { entryContent, historyFeeds, xmlText } from '../../../src/feed/build/history-feeds';
import { escapeHtml } from '../../../src/feed/build/html';
import { statusLabel } from '../../../src/feed/build/labels';
import { isMaintenance, type SiteEvent } from '../../../src/feed/build/event-docs';
import type { Page, SiteState } from '../../../src/feed/schema';
import { fileBody, makeIncident, makeUpdate, NOW, sampleLog, SITE } from './site-fixtures';

// historyFeeds writes each entry alone and splices them into the frame: the bytes must be those of
// the feed package writing every entry in one feed, which is what this reference does.
function wholeFeeds(page: Page, base: string, events: readonly SiteEvent[]) {
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
  for (const event of events) {
    feed.addItem({
      title: xmlText(escapeHtml(`${event.name} (${statusLabel(event.status)})`)),
      id: event.shortlink,
      link: event.shortlink,
      date: new Date(event.updated_at),
      published: new Date(isMaintenance(event) ? event.created_at : event.started_at),
      description: xmlText(escapeHtml(event.incident_updates[0]?.body.slice(0, 300) ?? '')),
      content: xmlText(entryContent(event).value),
    });
  }
  return { atom: feed.atom1(), rss: feed.rss2() };
}

const hostile = sampleLog();
hostile.incidents.push(makeIncident(300, { publicTitle: '<entry> </entry> <item> ]]> & \u0001 end' }));
hostile.updates.push(makeUpdate(hostile.incidents.at(-1)!.id, { body: '</item></channel> <entry>x</entry> ]]><![CDATA[' }));

const siteOf = (log: ReturnType<typeof sampleLog>, name: string) => {
  const { state } = buildSite(selectPublic(log, { ...SITE, settings: { ...SITE.settings, name } }, NOW));
  const events = [...state.incidents, ...state.scheduled_maintenances].sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : 0));
  return { state, events };
};

describe('historyFeeds', () => {
  it.each([
    ['the sample site', sampleLog(), 'Acme'],
    ['entry and item tags in the text', hostile, 'Acme <entry></entry> <item></item> ]]>'],
  ])('writes the bytes of one feed of every entry: %s', (_, log, name) => {
    const { state, events }: { state: SiteState; events: SiteEvent[] } = siteOf(log, name);
    const page: Page = { id: 'acme', name, url: SITE.url, time_zone: 'Etc/UTC', updated_at: state.updated_at };
    for (const count of [1, 2, events.length]) {
      const listed = events.slice(0, count);
      expect(historyFeeds(page, SITE.url, listed)).toEqual(wholeFeeds(page, SITE.url, listed));
    }
  });

  it('writes an empty feed for a site with no events', () => {
    const page: Page = { id: 'acme', name: 'Acme', url: SITE.url, time_zone: 'Etc/UTC', updated_at: NOW.toISOString() };
    expect(historyFeeds(page, SITE.url, [])).toEqual(wholeFeeds(page, SITE.url, []));
  });

  it('is what buildSite publishes', () => {
    const { files, state } = buildSite(selectPublic(sampleLog(), SITE, NOW));
    expect(fileBody(files, 'history.atom')).toContain(`<updated>${state.updated_at}</updated>`);
  });
});
