import { parseFeed } from '@rowanmanning/feed-parser';
// The strict XML checker @rowanmanning/feed-parser itself is built on: feed-parser is lenient on purpose.
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildSite, selectPublic } from '../../../src/feed/build';
import { FEED_ENTRIES } from '../../../src/feed/build/history-feeds';
import { fileBody, makeComponent, makeIncident, makeUpdate, NOW, sampleLog, SITE, uuid } from './site-fixtures';

const link = (n: number) => `https://status.acme.example/incidents/${uuid(n)}.html`;

describe.each([
  ['history.atom', 'atom', '1.0', 'https://status.acme.example/history.atom'],
  ['history.rss', 'rss', '2.0', 'https://status.acme.example/history.rss'],
])('%s', (path, type, version, self) => {
  const { files } = buildSite(selectPublic(sampleLog(), SITE, NOW));
  const body = fileBody(files, path);
  const feed = parseFeed(body);

  it('is well-formed XML a feed reader reads as the right format', () => {
    expect(XMLValidator.validate(body)).toBe(true);
    expect(feed.meta).toEqual({ type, version });
  });

  it('names the page, links to it and to itself, and says when it last changed', () => {
    expect(feed.title).toBe('Acme status history');
    expect(feed.url).toBe('https://status.acme.example/');
    expect(feed.self).toBe(self);
    expect(feed.updated?.toISOString()).toBe('2026-03-10T14:00:00.000Z');
  });

  it('has one entry per incident and maintenance, most recently updated first, each linking to its page', () => {
    expect(feed.items.map((i) => [i.title, i.url, i.id])).toEqual([
      ['Web upgrade (In progress)', link(200), link(200)],
      ['API unavailable (Investigating)', link(101), link(101)],
      ['Checkout errors (Resolved)', link(100), link(100)],
    ]);
    expect(feed.items.map((i) => i.published?.toISOString())).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-10T13:00:00.000Z', '2026-03-05T10:00:00.000Z']);
    if (type === 'atom') {
      expect(feed.items.map((i) => i.updated?.toISOString())).toEqual(['2026-03-10T14:00:00.000Z', '2026-03-10T13:10:00.000Z', '2026-03-05T12:00:00.000Z']);
    }
  });

  it("carries every update in an entry's content, newest first, with its component changes", () => {
    const content = feed.items[2]!.content!;
    expect(content).toContain('<p>Minor impact.</p><p>Affected components: Billing.</p>');
    const order = [
      '<strong>Resolved</strong> — 5 Mar 2026, 12:00 UTC',
      '<strong>Monitoring</strong> — 5 Mar 2026, 11:00 UTC',
      '<strong>Investigating</strong> — 5 Mar 2026, 10:05 UTC',
    ].map((s) => content.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual(order.slice().sort((a, b) => a - b));
    expect(content).toContain('<p>Some checkouts fail.</p><ul><li>Billing: Operational → Partial outage</li></ul>');
    expect(feed.items[0]!.content).toContain('Scheduled from 10 Mar 2026, 14:00 UTC until 10 Mar 2026, 16:00 UTC.');
  });
});

describe('hostile text in the feeds', () => {
  const title = 'a ]]> b ]]> <script>alert(1)</script> & "q" \u0001\uFFFF\uD800 end';
  const body = 'x ]]><![CDATA[ y ]]> <img src=x onerror=alert(1)> javascript:alert(1) https://ok.example/a?b=1&c=2 \u000B';
  const log = {
    components: [makeComponent(1)],
    incidents: [makeIncident(100, { publicTitle: title })],
    updates: [makeUpdate(uuid(100), { body })],
    maintenances: [],
  };
  const { files } = buildSite(selectPublic(log, { ...SITE, settings: { ...SITE.settings, name: 'Acme ]]> & <Co>' } }, NOW));

  it.each(['history.atom', 'history.rss'])('%s stays well-formed and reads back as the text, never as markup', (path) => {
    const xml = fileBody(files, path);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseFeed(xml);
    expect(feed.title).toBe('Acme ]]> & <Co> status history');
    expect(feed.items[0]!.title).toBe('a ]]> b ]]> <script>alert(1)</script> & "q"  end (Investigating)');
    // Entry HTML (Atom type="html", RSS content:encoded) carries the text escaped: shown, never run.
    const entry = xml.slice(xml.search(/<entry>|<item>/));
    expect(entry).not.toMatch(/<script|<img|<a href="javascript/i);
    expect(entry).toContain('&lt;img src=x onerror=alert(1)&gt; javascript:alert(1) <a href="https://ok.example/a?b=1&amp;c=2" rel="nofollow noopener">');
    expect(entry).not.toMatch(/[\u0001\u000B\uFFFF\uD800]/);
  });
});

describe('feed length', () => {
  it(`keeps the newest ${FEED_ENTRIES} entries; the site's pages keep the rest`, () => {
    const log = sampleLog();
    for (let n = 0; n < 60; n++) {
      const incident = makeIncident(1000 + n, { publicTitle: `Old ${n}`, startedAt: new Date(NOW.getTime() - (n + 2) * 86_400_000).toISOString() });
      log.incidents.push(incident);
      log.updates.push(makeUpdate(incident.id, { status: 'resolved', at: incident.startedAt }));
    }
    const { files } = buildSite(selectPublic(log, SITE, NOW));
    for (const path of ['history.atom', 'history.rss']) {
      const items = parseFeed(fileBody(files, path)).items;
      expect(items).toHaveLength(FEED_ENTRIES);
      expect(items[0]!.title).toBe('Web upgrade (In progress)');
      expect(items.at(-1)!.title).toBe('Old 46 (Resolved)');
    }
    expect(files.filter((f) => f.path.startsWith('incidents/'))).toHaveLength(63);
  });
});
