import { describe, expect, it } from 'vitest';
import { buildSite, selectPublic } from '../../../src/feed/build';
import type { IncidentLog } from '../../../src/feed/build/select-public';
import { parseStatusFeed } from '../../../src/feed/parse';
import { IncidentsJson } from '../../../src/feed/schema';
import type { Clip, Postmortem, TimelineEntry } from '../../../src/model';
import { fileBody, json, makeComponent, makeIncident, makeUpdate, NOW, SITE, uuid } from './site-fixtures';

const MARK = 'INTERNAL-PM-MARKER-51c2';
/** A distinct marker per private place, so a failure says which one leaked. */
const mark = (where: string) => `${MARK}-${where}`;

const PUBLIC = {
  opening: 'We are sorry: on 10 March checkout failed for many of you.',
  whatHappened: 'A database change <script>alert(1)</script> & a "retry storm" overloaded the ledger.',
  whatWeDid: 'We rolled the change back, then added limits. Details: https://acme.example/blog/ledger',
  closing: 'We know you rely on us. Sorry again.',
};

/** `publicText` as published at `publishedAt`; `typed`: what the editor holds now (edits since). */
function postmortem(incidentId: string, publishedAt: string | undefined, publicText = PUBLIC, typed = publicText): Postmortem {
  return {
    incidentId,
    status: 'final',
    authors: [mark('author')],
    timeline: 'all',
    sections: {
      summary: mark('summary'),
      impact: mark('impact'),
      rootCause: mark('rootCause'),
      trigger: mark('trigger'),
      detection: mark('detection'),
      resolution: mark('resolution'),
      longTermFix: mark('longTermFix'),
      wentWell: mark('wentWell'),
      wentWrong: mark('wentWrong'),
      lucky: mark('lucky'),
    },
    public: { ...typed, ...(publishedAt && { publishedAt, published: publicText }) },
    createdAt: '2026-03-10T11:00:00.000Z',
    updatedAt: '2026-03-10T12:00:00.000Z',
  };
}

const RESOLVED = uuid(100);
const DRAFTED = uuid(101);
const OPEN = uuid(102);
const PUBLISHED_AT = '2026-03-10T14:00:00.000Z';

function markedLog(): IncidentLog {
  const clip: Clip = {
    tool: 'grafana',
    pageUrl: `https://grafana.internal/d/${mark('clip-url')}`,
    pageTitle: mark('clip-title'),
    frozenUrl: `https://grafana.internal/d/x?q=${mark('clip-frozen')}`,
    query: mark('clip-query'),
    componentIds: [uuid(1)],
  };
  const entries: TimelineEntry[] = [
    {
      id: uuid(900),
      incidentId: RESOLVED,
      at: '2026-03-10T09:01:00.000Z',
      recordedAt: '2026-03-10T09:01:00.000Z',
      author: mark('note-author'),
      kind: 'note',
      text: mark('note'),
      starred: true,
      updatedAt: '2026-03-10T09:01:00.000Z',
    },
    {
      id: uuid(901),
      incidentId: RESOLVED,
      at: '2026-03-10T09:02:00.000Z',
      recordedAt: '2026-03-10T09:02:00.000Z',
      author: MARK,
      kind: 'clip',
      text: mark('clip-text'),
      starred: false,
      clip,
      updatedAt: '2026-03-10T09:02:00.000Z',
    },
  ];
  const log: IncidentLog = {
    components: [makeComponent(1, { name: 'Checkout', owner: mark('owner') })],
    incidents: [
      makeIncident(100, { title: mark('internal-title'), impact: mark('internal-impact'), manager: mark('manager'), publicTitle: 'Checkout errors' }),
      makeIncident(101, { title: mark('title-101'), publicTitle: 'Search slow' }),
      makeIncident(102, { title: mark('title-102'), publicTitle: 'API errors', startedAt: '2026-03-10T13:00:00.000Z' }),
    ],
    updates: [
      makeUpdate(RESOLVED, { at: '2026-03-10T09:05:00.000Z', body: 'Checkout fails for some.', author: mark('update-author') }),
      makeUpdate(RESOLVED, { at: '2026-03-10T10:00:00.000Z', status: 'resolved', body: 'Checkout works again.' }),
      makeUpdate(DRAFTED, { at: '2026-03-10T09:05:00.000Z', status: 'resolved', body: 'Search is fast again.' }),
      makeUpdate(OPEN, { at: '2026-03-10T13:05:00.000Z', body: 'API errors.' }),
    ],
    maintenances: [],
    postmortems: [
      // Edited since it was published: only the published copy may reach the site.
      postmortem(RESOLVED, PUBLISHED_AT, PUBLIC, { ...PUBLIC, whatHappened: mark('edited-after-publish') }),
      // Written, never published: none of it may reach the site, public part included.
      postmortem(DRAFTED, undefined, {
        opening: mark('draft-opening'),
        whatHappened: mark('draft-what'),
        whatWeDid: mark('draft-did'),
        closing: mark('draft-closing'),
      }),
    ],
  };
  return Object.assign(log, { entries, heldClips: [{ draft: { text: MARK, clip } }] });
}

describe('the public post-mortem on the status site', () => {
  const input = selectPublic(markedLog(), SITE, NOW);
  const { files, state } = buildSite(input);

  it.each(files.map((f) => [f.path, f.body]))('%s holds no byte of the internal post-mortem, notes, clips or titles', (_path, body) => {
    expect(body).not.toContain(MARK);
  });

  it('hands the builder and the merge state nothing private', () => {
    expect(JSON.stringify(input)).not.toContain(MARK);
    expect(JSON.stringify(state)).not.toContain(MARK);
  });

  it('publishes the incident as `postmortem`, with its body and when it was published', () => {
    const { incidents } = IncidentsJson.parse(json(files, 'api/v2/incidents.json'));
    const byId = new Map(incidents.map((i) => [i.id, i]));
    const published = byId.get(RESOLVED)!;
    expect(published.status).toBe('postmortem');
    expect(published.postmortem_body_last_updated_at).toBe(PUBLISHED_AT);
    expect(published.updated_at).toBe(PUBLISHED_AT);
    expect(published.resolved_at).toBe('2026-03-10T10:00:00.000Z');
    expect(published.postmortem_body).toBe(
      [PUBLIC.opening, '## What went wrong and why', PUBLIC.whatHappened, '## What we did about it', PUBLIC.whatWeDid, PUBLIC.closing].join('\n\n'),
    );
    // Unpublished post-mortem: resolved, no body. Open incident: untouched.
    expect(byId.get(DRAFTED)).toMatchObject({ status: 'resolved' });
    expect(byId.get(DRAFTED)).not.toHaveProperty('postmortem_body');
    expect(byId.get(OPEN)).toMatchObject({ status: 'investigating' });
    // Not unresolved: the banner's documents leave it out.
    expect(json(files, 'api/v2/incidents/unresolved.json').incidents.map((i: { id: string }) => i.id)).toEqual([OPEN]);
    expect(json(files, 'api/v2/summary.json').incidents.map((i: { id: string }) => i.id)).toEqual([OPEN]);
  });

  it('shows the four sections on the incident page, as escaped text', () => {
    const page = fileBody(files, `incidents/${RESOLVED}.html`);
    expect(page).toContain('<h2 id="postmortem">Post-mortem</h2>');
    expect(page).toContain(`<p class="body">${PUBLIC.opening}</p>`);
    expect(page).toContain('<h3>What went wrong and why</h3>');
    expect(page).toContain('A database change &lt;script&gt;alert(1)&lt;/script&gt; &amp; a &quot;retry storm&quot; overloaded the ledger.');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('<a href="https://acme.example/blog/ledger" rel="nofollow noopener">https://acme.example/blog/ledger</a>');
    expect(page).toContain(`<p class="body">${PUBLIC.closing}</p>`);
    expect(page).toContain('Postmortem ·');
    expect(fileBody(files, `incidents/${DRAFTED}.html`)).not.toContain('Post-mortem');
  });

  it('puts it in the Atom and RSS entries', () => {
    for (const path of ['history.atom', 'history.rss']) {
      const feed = fileBody(files, path);
      expect(feed).toContain('Checkout errors (Postmortem)');
      expect(feed).toContain(PUBLIC.opening);
      expect(feed).toContain('What we did about it');
      expect(feed).not.toContain('<script>alert(1)');
    }
  });

  it('keeps another publisher’s post-mortem on the merge', () => {
    const other = buildSite({ ...selectPublic({ ...markedLog(), incidents: [], updates: [], postmortems: [] }, SITE, NOW) }, state);
    const kept = json(other.files, 'api/v2/incidents.json').incidents.find((i: { id: string }) => i.id === RESOLVED);
    expect(kept.status).toBe('postmortem');
    expect(fileBody(other.files, `incidents/${RESOLVED}.html`)).toContain('<h3>What we did about it</h3>');
  });

  it('the marker test can fail: an internal section let through is found', () => {
    const leaky = selectPublic(markedLog(), SITE, NOW);
    leaky.incidents.find((i) => i.id === RESOLVED)!.postmortem!.whatHappened = mark('rootCause');
    expect(buildSite(leaky).files.some((f) => f.body.includes(MARK))).toBe(true);
  });

  it('the widget reads a `postmortem` incident as closed: no banner', () => {
    const summary = json(files, 'api/v2/summary.json');
    const resolved = json(files, 'api/v2/incidents.json').incidents.find((i: { id: string }) => i.id === RESOLVED);
    const snapshot = parseStatusFeed({ ...summary, incidents: [...summary.incidents, resolved] });
    expect(snapshot.incidents.map((i) => i.id)).toEqual([OPEN]);
    const quiet = parseStatusFeed({ ...summary, status: { indicator: 'none', description: 'All Systems Operational' }, incidents: [resolved] });
    expect(quiet.incidents).toEqual([]);
    expect(quiet.indicator).toBe('none');
  });
});
