import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSite, selectPublic } from '../../../src/feed/build';
import { groupId } from '../../../src/feed/build/components';
import { parseStatusFeed } from '../../../src/feed/parse';
import * as schema from '../../../src/feed/schema';
import type { Component, Severity } from '../../../src/model';
import { fileBody, json, makeComponent, makeIncident, makeMaintenance, makeUpdate, NOW, sampleLog, SITE, uuid } from './site-fixtures';

const site = () => buildSite(selectPublic(sampleLog(), SITE, NOW));

const SHORTLINK = (n: number) => `https://status.acme.example/incidents/${uuid(n)}.html`;

describe('the Statuspage v2 documents', () => {
  it('lists exactly the files DESIGN.md names, each with its type and a short cache lifetime', () => {
    const { files } = site();
    expect(files.map((f) => [f.path, f.contentType, f.cacheControl])).toEqual([
      ['api/v2/summary.json', 'application/json; charset=utf-8', 'public, max-age=30'],
      ['api/v2/status.json', 'application/json; charset=utf-8', 'public, max-age=30'],
      ['api/v2/components.json', 'application/json; charset=utf-8', 'public, max-age=30'],
      ['api/v2/incidents.json', 'application/json; charset=utf-8', 'public, max-age=30'],
      ['api/v2/incidents/unresolved.json', 'application/json; charset=utf-8', 'public, max-age=30'],
      ['api/v2/scheduled-maintenances.json', 'application/json; charset=utf-8', 'public, max-age=30'],
      ['sitrep-site.json', 'application/json; charset=utf-8', 'no-cache'],
      ['history.atom', 'application/atom+xml; charset=utf-8', 'public, max-age=30'],
      ['history.rss', 'application/rss+xml; charset=utf-8', 'public, max-age=30'],
      ['index.html', 'text/html; charset=utf-8', 'public, max-age=30'],
      // Events newest first: the maintenance running now, the open incident, yesterday's resolved one.
      [`incidents/${uuid(200)}.html`, 'text/html; charset=utf-8', 'public, max-age=30'],
      [`incidents/${uuid(101)}.html`, 'text/html; charset=utf-8', 'public, max-age=30'],
      [`incidents/${uuid(100)}.html`, 'text/html; charset=utf-8', 'public, max-age=30'],
    ]);
  });

  it.each<[string, { safeParse(v: unknown): { success: boolean; error?: unknown } }]>([
    ['api/v2/summary.json', schema.SummaryJson],
    ['api/v2/status.json', schema.StatusJson],
    ['api/v2/components.json', schema.ComponentsJson],
    ['api/v2/incidents.json', schema.IncidentsJson],
    ['api/v2/incidents/unresolved.json', schema.UnresolvedIncidentsJson],
    ['api/v2/scheduled-maintenances.json', schema.ScheduledMaintenancesJson],
    ['sitrep-site.json', schema.SiteState],
  ])('%s matches its strict schema', (path, docSchema) => {
    expect(docSchema.safeParse(json(site().files, path)).error).toBeUndefined();
  });

  it("has Statuspage's fields, no more and no fewer: the keys of Cloudflare's own summary.json", () => {
    const cloudflare = JSON.parse(readFileSync(new URL('../../fixtures/feeds/statuspage-summary-cloudflare.json', import.meta.url), 'utf8'));
    const keys = (o: object) =>
      Object.keys(o)
        .filter((k) => k !== 'reminder_intervals')
        .sort();
    const ours = json(site().files, 'api/v2/summary.json');
    expect(keys(ours)).toEqual(keys(cloudflare));
    expect(keys(ours.page)).toEqual(keys(cloudflare.page));
    expect(keys(ours.status)).toEqual(keys(cloudflare.status));
    expect(keys(ours.components[0])).toEqual(keys(cloudflare.components[0])); // a group
    expect(keys(ours.components[1])).toEqual(keys(cloudflare.components[1])); // a member
    expect(keys(ours.incidents[0])).toEqual(keys(cloudflare.incidents[0]));
    expect(keys(ours.incidents[0].incident_updates[0])).toEqual(keys(cloudflare.incidents[0].incident_updates[0]));
    expect(keys(ours.incidents[0].incident_updates[0].affected_components[0])).toEqual(
      keys(cloudflare.incidents[0].incident_updates[0].affected_components[0]),
    );
    expect(keys(ours.scheduled_maintenances[0])).toEqual(keys(cloudflare.scheduled_maintenances[0]));
  });

  it('reads back through our own parseStatusFeed as what was published', () => {
    const snapshot = parseStatusFeed(fileBody(site().files, 'api/v2/summary.json'));
    expect(snapshot).toEqual({
      format: 'statuspage',
      page: { name: 'Acme', url: 'https://status.acme.example/' },
      indicator: 'critical',
      description: 'Major System Outage',
      components: [
        { id: uuid(1), name: 'API', status: 'major_outage', group: 'Platform' },
        { id: uuid(2), name: 'Web', status: 'under_maintenance', group: 'Platform' },
        { id: uuid(3), name: 'Billing', status: 'operational' },
      ],
      incidents: [
        {
          id: uuid(101),
          name: 'API unavailable',
          status: 'investigating',
          impact: 'critical',
          url: SHORTLINK(101),
          startedAt: '2026-03-10T13:00:00.000Z',
          updatedAt: '2026-03-10T13:10:00.000Z',
          latest: { status: 'investigating', body: 'The API is down.', at: '2026-03-10T13:10:00.000Z' },
        },
      ],
      maintenances: [
        expect.objectContaining({
          id: uuid(200),
          name: 'Web upgrade',
          status: 'in_progress',
          impact: 'maintenance',
          url: SHORTLINK(200),
          startedAt: '2026-03-10T14:00:00.000Z',
          latest: { status: 'in_progress', body: expect.stringMatching(/^Scheduled maintenance is currently in progress/), at: '2026-03-10T14:00:00.000Z' },
        }),
      ],
      updatedAt: '2026-03-10T14:00:00.000Z',
    });
    expect(parseStatusFeed(fileBody(site().files, 'api/v2/status.json'))).toMatchObject({ indicator: 'critical', description: 'Major System Outage' });
  });

  it('writes an incident as Statuspage does: updates newest first, affected components, monitoring and resolution times', () => {
    const resolved = json(site().files, 'api/v2/incidents.json').incidents.find((i: { id: string }) => i.id === uuid(100));
    expect(resolved).toMatchObject({
      name: 'Checkout errors',
      status: 'resolved',
      impact: 'minor', // SEV3
      created_at: '2026-03-05T10:05:00.000Z',
      updated_at: '2026-03-05T12:00:00.000Z',
      started_at: '2026-03-05T10:00:00.000Z',
      monitoring_at: '2026-03-05T11:00:00.000Z',
      resolved_at: '2026-03-05T12:00:00.000Z',
      shortlink: SHORTLINK(100),
      page_id: 'acme-status',
      components: [expect.objectContaining({ id: uuid(3), name: 'Billing' })],
    });
    expect(resolved.incident_updates.map((u: schema.IncidentUpdate) => [u.status, u.display_at, u.affected_components])).toEqual([
      ['resolved', '2026-03-05T12:00:00.000Z', [{ code: uuid(3), name: 'Billing', old_status: 'partial_outage', new_status: 'operational' }]],
      ['monitoring', '2026-03-05T11:00:00.000Z', null],
      ['investigating', '2026-03-05T10:05:00.000Z', [{ code: uuid(3), name: 'Billing', old_status: 'operational', new_status: 'partial_outage' }]],
    ]);
  });

  it('lists unresolved incidents alone in unresolved.json and the summary, and every incident in incidents.json', () => {
    const { files } = site();
    const ids = (path: string) => json(files, path).incidents.map((i: { id: string }) => i.id);
    expect(ids('api/v2/incidents/unresolved.json')).toEqual([uuid(101)]);
    expect(ids('api/v2/summary.json')).toEqual([uuid(101)]);
    expect(ids('api/v2/incidents.json')).toEqual([uuid(101), uuid(100)]);
  });

  it('keeps incidents.json and scheduled-maintenances.json to the newest 50, as Statuspage does', () => {
    const log = sampleLog();
    for (let n = 0; n < 60; n++) {
      const incident = makeIncident(1000 + n, { startedAt: new Date(NOW.getTime() - (n + 1) * 3_600_000).toISOString() });
      log.incidents.push(incident);
      log.updates.push(makeUpdate(incident.id, { status: 'resolved', at: incident.startedAt }));
      log.maintenances.push(
        makeMaintenance(3000 + n, {
          scheduledFor: `2026-02-${String(1 + (n % 28)).padStart(2, '0')}T0${n % 10}:00:00.000Z`,
          scheduledUntil: `2026-02-${String(1 + (n % 28)).padStart(2, '0')}T0${n % 10}:30:00.000Z`,
          createdAt: '2026-01-01T00:00:00.000Z',
        }),
      );
    }
    const { files, state } = buildSite(selectPublic(log, SITE, NOW));
    const incidents = json(files, 'api/v2/incidents.json').incidents;
    expect(incidents).toHaveLength(50);
    expect(incidents[0].id).toBe(uuid(1000)); // started an hour ago, the newest
    expect(incidents.map((i: { started_at: string }) => i.started_at)).toEqual(
      incidents
        .map((i: { started_at: string }) => i.started_at)
        .sort()
        .reverse(),
    );
    expect(json(files, 'api/v2/scheduled-maintenances.json').scheduled_maintenances).toHaveLength(50);
    // The site itself keeps them all.
    expect(state.incidents).toHaveLength(62);
    expect(state.scheduled_maintenances).toHaveLength(61);
  });
});

describe('components', () => {
  it('gives each group an id from its name, the same for every publisher, listing its members', () => {
    const { components } = json(site().files, 'api/v2/components.json');
    const platform = groupId('Platform');
    expect(platform).toMatch(/^group-[0-9a-f]{16}$/);
    expect(groupId('Platform')).toBe(platform);
    expect(groupId('platform')).not.toBe(platform);
    expect(components.map((c: schema.Component) => [c.name, c.group, c.group_id, c.position, c.status, c.group ? c.components : undefined])).toEqual([
      ['Platform', true, null, 1, 'major_outage', [uuid(1), uuid(2)]],
      ['API', false, platform, 1, 'major_outage', undefined],
      ['Web', false, platform, 2, 'under_maintenance', undefined],
      ['Billing', false, null, 3, 'operational', undefined],
    ]);
    expect(components[1].description).toBe('REST and GraphQL');
    expect(components[2].description).toBeNull();
  });

  it('orders by order, then name, groups where their first member would be', () => {
    const log = sampleLog();
    log.components = [
      makeComponent(1, { name: 'Zeta', order: 5 }),
      makeComponent(2, { name: 'Beta', group: 'G', order: 7 }),
      makeComponent(3, { name: 'Alpha', group: 'G', order: 2 }),
      makeComponent(4, { name: 'Alpha', order: 5 }),
    ];
    const { components } = json(buildSite(selectPublic(log, SITE, NOW)).files, 'api/v2/components.json');
    expect(components.map((c: schema.Component) => c.name)).toEqual(['G', 'Alpha', 'Beta', 'Alpha', 'Zeta']);
  });
});

describe('the overall status', () => {
  const OPERATIONAL = [makeComponent(1), makeComponent(2)];
  const withStatus = (...statuses: Component['status'][]) => statuses.map((status, i) => makeComponent(i + 1, { status }));
  const openIncident = (severity: Severity, n = 100) => ({ incident: makeIncident(n, { severity }), update: makeUpdate(uuid(n)) });

  it.each<[string, { components: Component[]; open?: Severity[]; maintenance?: boolean }, schema.StatusIndicator, string]>([
    ['all operational', { components: OPERATIONAL }, 'none', 'All Systems Operational'],
    ['no components at all', { components: [] }, 'none', 'All Systems Operational'],
    ['a degraded component', { components: withStatus('operational', 'degraded_performance') }, 'minor', 'Minor Service Outage'],
    ['a partial outage', { components: withStatus('operational', 'partial_outage') }, 'major', 'Partial System Outage'],
    ['one of two in major outage', { components: withStatus('operational', 'major_outage') }, 'major', 'Partial System Outage'],
    ['every component in major outage', { components: withStatus('major_outage', 'major_outage') }, 'critical', 'Major System Outage'],
    ['a component under maintenance, none running', { components: withStatus('operational', 'under_maintenance') }, 'maintenance', 'Service Under Maintenance'],
    ['a maintenance in progress', { components: OPERATIONAL, maintenance: true }, 'maintenance', 'Service Under Maintenance'],
    ['a SEV3 incident open', { components: OPERATIONAL, open: ['SEV3'] }, 'minor', 'Minor Service Outage'],
    ['SEV3 and SEV1 open: the worst', { components: OPERATIONAL, open: ['SEV3', 'SEV1'] }, 'critical', 'Major System Outage'],
    ['an open incident outranks maintenance', { components: OPERATIONAL, open: ['SEV2'], maintenance: true }, 'major', 'Partial System Outage'],
    [
      'an open SEV1 speaks for the page even if components say less',
      { components: withStatus('degraded_performance'), open: ['SEV1'] },
      'critical',
      'Major System Outage',
    ],
    [
      'an open SEV5 (no impact) leaves it to the components',
      { components: withStatus('degraded_performance'), open: ['SEV5'] },
      'minor',
      'Minor Service Outage',
    ],
  ])('%s → %s', (_label, { components, open = [], maintenance }, indicator, description) => {
    const incidents = open.map((severity, i) => openIncident(severity, 100 + i));
    const log = {
      components,
      incidents: incidents.map((i) => i.incident),
      updates: incidents.map((i) => i.update),
      maintenances: maintenance ? [makeMaintenance(200, { componentIds: [] })] : [],
    };
    const { files } = buildSite(selectPublic(log, SITE, NOW));
    expect(json(files, 'api/v2/status.json').status).toEqual({ indicator, description });
  });
});

describe('errors', () => {
  it('refuses to publish a document its schema refuses, naming the file and the field', () => {
    const input = selectPublic(sampleLog(), SITE, NOW);
    input.incidents[1]!.name = '\u0007 '; // the open one
    expect(() => buildSite(input)).toThrow(/^Site file api\/v2\/summary\.json is not valid at incidents\.0\.name: A name needs visible text$/);
  });

  it('refuses an id that is not URL-safe before it can become a path', () => {
    const input = selectPublic(sampleLog(), SITE, NOW);
    input.incidents[0]!.id = '../../etc/passwd'; // the resolved one
    expect(() => buildSite(input)).toThrow(/^Site file api\/v2\/incidents\.json is not valid at incidents\.1\.id: An id is 1–64 letters.* \(and \d+ more\)$/);
  });

  it('names a site URL that is no URL without quoting it', () => {
    const input = selectPublic(sampleLog(), { ...SITE, url: 'not a url with secret-token' }, NOW);
    expect(() => buildSite(input)).toThrow('The status site URL is not a valid URL');
    expect(() => buildSite(input)).not.toThrow(/secret-token/);
  });
});
