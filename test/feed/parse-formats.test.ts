import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStatusFeed, type StatusSnapshot } from '../../src/feed/parse';

// Real documents of each format; test/fixtures/feeds/README.md says where each came from.
const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');

describe('parseStatusFeed reads each format from real documents', () => {
  it.each<[string, Partial<StatusSnapshot>, { components: string[]; incidents: string[]; maintenances: string[] }]>([
    [
      'statuspage-summary-cloudflare.json',
      {
        format: 'statuspage',
        page: { name: 'Cloudflare', url: 'http://www.cloudflarestatus.com/' },
        indicator: 'minor',
        description: 'Minor Service Outage',
        updatedAt: '2026-05-17T02:50:03.552Z',
      },
      {
        components: ['Billing: degraded_performance', 'Access: operational', 'Amsterdam, Netherlands - (AMS): under_maintenance'],
        incidents: ['PayPal Billing Issues: monitoring'],
        maintenances: ['AMS (Amsterdam) datacenter maintenance: in_progress', 'Scheduled Maintenance for Cloudflare Access: scheduled'],
      },
    ],
    [
      'statuspage-summary-github.json',
      // The feed's own indicator is kept even while an incident is open: GitHub's said "none".
      {
        format: 'statuspage',
        page: { name: 'GitHub', url: 'https://www.githubstatus.com/' },
        indicator: 'none',
        description: 'All Systems Operational',
        updatedAt: '2026-09-23T13:35:44.681Z',
      },
      {
        components: ['API Requests: operational', 'Git Operations: operational'],
        incidents: ['Incident across several services: investigating'],
        maintenances: [],
      },
    ],
    [
      'statuspage-status-mongodb.json',
      {
        format: 'statuspage',
        page: { name: 'MongoDB Cloud Status', url: 'https://status.mongodb.com/' },
        indicator: 'none',
        description: 'All Systems Operational',
        updatedAt: '2025-03-11T07:52:20.000Z',
      },
      { components: [], incidents: [], maintenances: [] },
    ],
    [
      'statuspage-incidents-emma.json',
      // No status object: the indicator comes from the one open incident; the resolved one is left out.
      {
        format: 'statuspage',
        page: { name: 'Emma', url: 'https://status.myemma.com/' },
        indicator: 'minor',
        description: 'Minor Service Outage',
        updatedAt: '2019-02-21T14:31:24.239Z',
      },
      { components: [], incidents: ['Delays in mailing delivery: identified'], maintenances: [] },
    ],
    [
      'incidentio-summary-linear.json',
      {
        format: 'statuspage',
        page: { name: 'Linear', url: 'https://linearstatus.com/' },
        indicator: 'major',
        description: 'Partial System Outage',
        updatedAt: '2026-09-23T09:54:16.000Z',
      },
      { components: ['API: partial_outage', 'Sync: operational'], incidents: ['Elevated API error rates: identified'], maintenances: [] },
    ],
    [
      'cstate-index-tor.json',
      {
        format: 'cstate',
        page: { name: 'Tor Project status', url: 'https://status.torproject.org/' },
        indicator: 'major',
        description: 'Partial System Outage',
        updatedAt: '2025-05-01T15:22:00.000Z',
      },
      {
        components: [
          'v3 Onion Services: operational',
          'Directory Authorities: partial_outage',
          'metrics.torproject.org: partial_outage',
          'GitLab: operational',
        ],
        incidents: ['Directory authority moria1 is unreachable: investigating', 'BridgeDB graphs on Metrics website are not shown: investigating'],
        maintenances: [],
      },
    ],
    [
      'cstate-index-v4-example.json',
      {
        format: 'cstate',
        page: { name: 'Eggsample Status', url: 'http://localhost:1313/' },
        indicator: 'major',
        description: 'Partial System Outage',
        updatedAt: undefined,
      },
      { components: ['Gateway: operational', 'API: operational'], incidents: [], maintenances: [] },
    ],
    [
      'upptime-summary.json',
      { format: 'upptime', page: { name: 'Status' }, indicator: 'major', description: 'Partial System Outage' },
      { components: ['Morning: operational', 'toCFCws: degraded_performance', 'Blog: major_outage'], incidents: [], maintenances: [] },
    ],
    [
      'instatus-summary.json',
      { format: 'instatus', page: { name: 'Instatus', url: 'https://instat.us/' }, indicator: 'critical', description: 'Major Service Outage' },
      { components: [], incidents: ["We're facing an issue with our API: investigating"], maintenances: ['Database maintenance: scheduled'] },
    ],
    [
      'instatus-summary-wistia.json',
      { format: 'instatus', page: { name: 'Wistia', url: 'https://status.wistia.com/' }, indicator: 'none', description: 'All Systems Operational' },
      { components: [], incidents: [], maintenances: [] },
    ],
  ])('%s', (file, expected, lists) => {
    const text = fixture(file);
    const snapshot = parseStatusFeed(text);
    const { updatedAt, ...rest } = expected;
    expect(snapshot).toMatchObject(rest);
    expect(snapshot.updatedAt).toBe(updatedAt);
    expect(snapshot.components.map((c) => `${c.name}: ${c.status}`)).toEqual(lists.components);
    expect(snapshot.incidents.map((e) => `${e.name}: ${e.status}`)).toEqual(lists.incidents);
    expect(snapshot.maintenances.map((e) => `${e.name}: ${e.status}`)).toEqual(lists.maintenances);
    // Text and the already-parsed document read the same.
    expect(parseStatusFeed(JSON.parse(text))).toEqual(snapshot);
  });
});

describe('Statuspage details', () => {
  const cloudflare = parseStatusFeed(fixture('statuspage-summary-cloudflare.json'));

  it('names each component by its group and leaves the groups themselves out', () => {
    expect(cloudflare.components).toEqual([
      { id: 'b7z3qwgk2pcl', name: 'Billing', status: 'degraded_performance', group: 'Cloudflare Sites and Services' },
      { id: 'zj0kwfl8t7hq', name: 'Access', status: 'operational', group: 'Cloudflare Sites and Services' },
      { id: '4zdk7c1bv3pj', name: 'Amsterdam, Netherlands - (AMS)', status: 'under_maintenance', group: 'Europe' },
    ]);
  });

  it('reads an incident with its link, times and latest update', () => {
    expect(cloudflare.incidents[0]).toEqual({
      id: 'm2wyc8xq1v0t',
      name: 'PayPal Billing Issues',
      status: 'monitoring',
      impact: 'minor',
      url: 'https://stspg.io/hx1z2k8mbq4r',
      startedAt: '2026-05-16T17:54:09.665Z',
      updatedAt: '2026-05-16T22:43:07.235Z',
      latest: { status: 'monitoring', body: 'A fix has been implemented and we are monitoring the results.', at: '2026-05-16T22:43:07.219Z' },
    });
  });

  it('lists maintenance in progress before upcoming, starting at scheduled_for', () => {
    expect(cloudflare.maintenances.map((m) => [m.id, m.startedAt])).toEqual([
      ['r8gx1b6ynq0e', '2026-05-15T13:00:00.000Z'],
      ['p0fk3s7dtn2g', '2026-05-17T12:00:00.000Z'],
    ]);
  });

  it('turns offsets into UTC instants and picks the newest update even when listed oldest first', () => {
    const [incident] = parseStatusFeed(fixture('statuspage-incidents-emma.json')).incidents;
    expect(incident).toMatchObject({
      startedAt: '2019-02-21T13:58:02.114Z',
      updatedAt: '2019-02-21T14:31:24.224Z',
      latest: { status: 'identified', body: 'The issue has been identified and a fix is being implemented.', at: '2019-02-21T14:31:24.210Z' },
    });
  });

  it("links incident.io's incidents, whose shortlink is null, to the page's incidents/<id>", () => {
    const [incident] = parseStatusFeed(fixture('incidentio-summary-linear.json')).incidents;
    expect(incident?.url).toBe('https://linearstatus.com/incidents/01M36RMC01ZFWQ861WYJKC4XE1');
  });
});

describe('cState details', () => {
  it('reads one issue listed under two systems as one incident, newest first, with Go times in UTC', () => {
    const { incidents } = parseStatusFeed(fixture('cstate-index-tor.json'));
    expect(incidents).toEqual([
      {
        id: 'https://status.torproject.org/issues/2025-04-12-moria1-unreachable/',
        name: 'Directory authority moria1 is unreachable',
        status: 'investigating',
        impact: 'major',
        url: 'https://status.torproject.org/issues/2025-04-12-moria1-unreachable/',
        startedAt: '2025-04-12T08:30:00.000Z',
        updatedAt: '2025-04-12T09:02:41.000Z',
      },
      {
        id: 'https://status.torproject.org/issues/2025-04-10-bridgedb-graphs-on-metrics-website/',
        name: 'BridgeDB graphs on Metrics website are not shown',
        status: 'investigating',
        impact: 'major',
        url: 'https://status.torproject.org/issues/2025-04-10-bridgedb-graphs-on-metrics-website/',
        startedAt: '2025-04-10T13:00:00.000Z',
        updatedAt: '2025-04-10T13:47:08.000Z',
      },
    ]);
  });

  it.each([
    ['ok', 'none', 'operational'],
    ['notice', 'minor', 'degraded_performance'],
    ['disrupted', 'major', 'partial_outage'],
    ['down', 'critical', 'major_outage'],
  ])('maps summaryStatus and system status %s to %s and %s', (word, indicator, state) => {
    const doc = { ...JSON.parse(fixture('cstate-index-tor.json')), summaryStatus: word };
    doc.systems[0].status = word;
    const snapshot = parseStatusFeed(doc);
    expect(snapshot.indicator).toBe(indicator);
    expect(snapshot.components[0]?.status).toBe(state);
  });

  it('reads what cState really emits: raw control characters in strings and trailing commas', () => {
    const raw = fixture('cstate-index-tor.json')
      .replace('"Tor Project status"', '"Tor Project\tstatus"')
      .replace('"description": "We continuously', '"description": "We\ncontinuously')
      .replace('"googleAnalytics": "UA-00000000-1"', '"googleAnalytics": "UA-00000000-1",');
    expect(() => JSON.parse(raw)).toThrow(SyntaxError);
    const snapshot = parseStatusFeed(raw);
    expect(snapshot.page.name).toBe('Tor Project status');
    expect(snapshot.components).toHaveLength(4);
  });

  it('leaves out issues marked resolved, as a boolean or as the string API 1.0 wrote', () => {
    const doc = JSON.parse(fixture('cstate-index-tor.json'));
    doc.systems[2].unresolvedIssues[0].resolved = true;
    doc.systems[1].unresolvedIssues[0].resolved = 'true';
    doc.systems[2].unresolvedIssues[1].resolved = 'true';
    expect(parseStatusFeed(doc).incidents).toEqual([]);
  });
});

describe('Instatus details', () => {
  it('reads JavaScript Date#toString() times and Instatus words as Statuspage ones', () => {
    const { incidents, maintenances } = parseStatusFeed(fixture('instatus-summary.json'));
    expect(incidents[0]).toMatchObject({ status: 'investigating', impact: 'critical', startedAt: '2022-06-11T18:55:50.000Z' });
    expect(maintenances[0]).toMatchObject({ status: 'scheduled', impact: 'maintenance', startedAt: '2022-06-11T18:55:54.000Z' });
  });

  it.each([
    ['UP', [], 'none'],
    ['UNDERMAINTENANCE', [], 'maintenance'],
    ['HASISSUES', [], 'minor'],
    ['HASISSUES', ['DEGRADEDPERFORMANCE'], 'minor'],
    ['HASISSUES', ['PARTIALOUTAGE', 'DEGRADEDPERFORMANCE'], 'major'],
    ['HASISSUES', ['MAJOROUTAGE'], 'critical'],
  ])('page status %s with incidents %j reads as %s', (status, impacts, indicator) => {
    const snapshot = parseStatusFeed({
      page: { name: 'Acme', url: 'https://status.acme.test', status },
      activeIncidents: impacts.map((impact, i) => ({ id: `i${i}`, name: `Incident ${i}`, started: '2026-01-02T03:04:05Z', status: 'IDENTIFIED', impact })),
    });
    expect(snapshot.indicator).toBe(indicator);
    expect(snapshot.incidents).toHaveLength(impacts.length);
  });

  it('leaves out resolved incidents and completed maintenance, and marks in-progress maintenance', () => {
    const snapshot = parseStatusFeed({
      page: { name: 'Acme', status: 'UNDERMAINTENANCE' },
      activeIncidents: [{ name: 'Old', started: '2026-01-01T00:00:00Z', status: 'RESOLVED', impact: 'MAJOROUTAGE' }],
      activeMaintenances: [
        { name: 'Done', start: '2026-01-01T00:00:00Z', status: 'COMPLETED' },
        { name: 'Now', start: '2026-01-02T00:00:00Z', status: 'INPROGRESS' },
      ],
    });
    expect(snapshot.incidents).toEqual([]);
    expect(snapshot.maintenances.map((m) => `${m.name}: ${m.status}`)).toEqual(['Now: in_progress']);
  });
});
