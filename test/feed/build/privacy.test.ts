import { describe, expect, it } from 'vitest';
import { buildSite, selectPublic } from '../../../src/feed/build';
import type { IncidentLog } from '../../../src/feed/build/select-public';
import type { Clip, Screenshot, TimelineEntry } from '../../../src/model';
import { makeComponent, makeIncident, makeMaintenance, makeUpdate, NOW, SITE, uuid } from './site-fixtures';

const MARKER = 'PRIVATE-MARKER-7f3a';

/**
 * Everything the extension holds about two incidents, with the marker in every field that is not
 * written for the public: internal titles and impact, the manager, authors, notes, clips and their
 * pages, screenshots, a private component, a component's internal name on an update, owners and
 * escalation contacts, an incident not yet given a public title.
 */
function markedLog() {
  const clip: Clip = {
    tool: 'grafana',
    pageUrl: `https://grafana.internal/d/${MARKER}`,
    pageTitle: `${MARKER} dashboard`,
    frozenUrl: `https://grafana.internal/d/x?from=1&to=2&q=${MARKER}`,
    query: `rate(${MARKER}[5m])`,
    panelTitle: MARKER,
    dashboardTitle: MARKER,
    componentIds: [uuid(1)],
  };
  const entries: TimelineEntry[] = [
    {
      id: uuid(900),
      incidentId: uuid(100),
      at: '2026-03-10T09:01:00.000Z',
      recordedAt: '2026-03-10T09:01:00.000Z',
      author: `${MARKER} author`,
      kind: 'note',
      text: `Note: ${MARKER} db password rotated`,
      starred: true,
      updatedAt: '2026-03-10T09:01:00.000Z',
    },
    {
      id: uuid(901),
      incidentId: uuid(100),
      at: '2026-03-10T09:02:00.000Z',
      recordedAt: '2026-03-10T09:02:00.000Z',
      author: MARKER,
      kind: 'clip',
      text: MARKER,
      sourceUrl: `https://grafana.internal/${MARKER}`,
      starred: false,
      clip,
      updatedAt: '2026-03-10T09:02:00.000Z',
    },
  ];
  const screenshots: Screenshot[] = [
    {
      id: uuid(950),
      incidentId: uuid(100),
      image: new Blob([MARKER]),
      thumbnail: new Blob([MARKER]),
      width: 10,
      height: 10,
      takenAt: '2026-03-10T09:02:00.000Z',
    },
  ];
  const log: IncidentLog = {
    components: [
      makeComponent(1, {
        name: 'Checkout',
        owner: `${MARKER} team`,
        escalation: { name: `${MARKER} on-call`, reach: `mailto:${MARKER}@example.com` },
        dashboardPatterns: [`https://grafana.internal/d/${MARKER}/*`],
      }),
      makeComponent(2, { name: `${MARKER} ledger`, public: false, description: MARKER, group: `${MARKER} internal group` }),
    ],
    incidents: [
      makeIncident(100, { title: `${MARKER} title`, impact: `${MARKER} impact`, manager: `${MARKER} manager`, publicTitle: 'Checkout is slow' }),
      // Not public yet: nothing of it may be published, not even its updates.
      makeIncident(101, { title: MARKER, publicTitle: '', manager: MARKER }),
    ],
    updates: [
      makeUpdate(uuid(100), {
        body: 'Some checkouts take longer than usual.',
        author: `${MARKER} author`,
        components: [
          // The name the component had when the update was written: internal until renamed.
          { componentId: uuid(1), name: `${MARKER} checkout-svc`, from: 'operational', to: 'degraded_performance' },
          { componentId: uuid(2), name: `${MARKER} ledger`, from: 'operational', to: 'major_outage' },
        ],
      }),
      makeUpdate(uuid(100), { at: '2026-03-10T10:00:00.000Z', status: 'resolved', body: 'Checkout is fast again.', author: MARKER }),
      makeUpdate(uuid(101), { body: `${MARKER} not public yet`, author: MARKER }),
    ],
    maintenances: [makeMaintenance(200, { title: 'Database upgrade', componentIds: [uuid(1), uuid(2)], author: `${MARKER} author` })],
  };
  // What the database holds beyond the log's public tables: present, and never to be read.
  return Object.assign(log, { entries, screenshots, heldClips: [{ draft: { text: MARKER, clip } }], settings: { author: MARKER } });
}

describe('privacy: only what was written for the public is published', () => {
  const input = selectPublic(markedLog(), SITE, NOW);
  const { files, state } = buildSite(input);

  it.each(files.map((f) => [f.path, f.body]))('%s holds no private byte', (_path, body) => {
    expect(body).not.toContain(MARKER);
    // Nor the id of the private component: nothing about it is published.
    expect(body).not.toContain(uuid(2));
    // Nor the unpublished incident, or its update.
    expect(body).not.toContain(uuid(101));
  });

  it('holds none in the input the builder sees, or the state it hands back', () => {
    expect(JSON.stringify(input)).not.toContain(MARKER);
    expect(JSON.stringify(state)).not.toContain(MARKER);
  });

  it('publishes the public text', () => {
    const all = files.map((f) => f.body).join('\n');
    for (const text of [
      'Checkout is slow',
      'Some checkouts take longer than usual.',
      'Checkout is fast again.',
      'Database upgrade',
      'We will upgrade the database.',
    ]) {
      expect(all).toContain(text);
    }
  });

  it('names components on updates by their public name, and only public ones', () => {
    expect(input.incidents[0]!.updates[0]!.components).toEqual([{ id: uuid(1), name: 'Checkout', from: 'operational', to: 'degraded_performance' }]);
    expect(input.maintenances[0]!.componentIds).toEqual([uuid(1)]);
    expect(input.components.map((c) => c.name)).toEqual(['Checkout']);
  });

  it('tells the merge which ids it holds back, and nothing else about them', () => {
    expect(input.withheldIds).toEqual([uuid(2), uuid(101)]);
  });

  it('breaks when a private field is let through (the marker test can fail)', () => {
    const leaky = selectPublic(markedLog(), SITE, NOW);
    leaky.incidents[0]!.name = markedLog().incidents[0]!.title;
    expect(buildSite(leaky).files.some((f) => f.body.includes(MARKER))).toBe(true);
  });
});
