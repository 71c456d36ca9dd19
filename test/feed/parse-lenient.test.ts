import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStatusFeed, type StatusSnapshot } from '../../src/feed/parse';
import { time } from '../../src/feed/parse/read';

const cloudflare = () => JSON.parse(readFileSync(new URL('../fixtures/feeds/statuspage-summary-cloudflare.json', import.meta.url), 'utf8'));

/** A minimal Statuspage summary around the given incident. */
const withIncident = (incident: Record<string, unknown>) =>
  parseStatusFeed({
    page: { name: 'Acme', url: 'https://status.acme.test', updated_at: '2026-03-01T10:00:00Z' },
    status: { indicator: 'minor' },
    incidents: [{ id: 'abc', name: 'Slow API', status: 'investigating', started_at: '2026-03-01T09:00:00Z', ...incident }],
  }).incidents[0];

describe('links: only absolute http(s) ones survive', () => {
  it.each([
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(document.cookie)', undefined],
    ['  javascript:alert(1)', undefined],
    ['java\nscript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['file:///etc/passwd', undefined],
    ['ftp://status.acme.test/', undefined],
    ['/incidents/abc', undefined],
    ['//evil.test/incidents/abc', undefined],
    ['https://status.acme.test@evil.test/', undefined],
    ['https://user:secret@status.acme.test/', undefined],
    [`https://status.acme.test/${'a'.repeat(3000)}`, undefined],
    [42, undefined],
    ['https://status.acme.test/incidents/abc', 'https://status.acme.test/incidents/abc'],
    ['HTTP://Status.Acme.test/incidents/abc', 'http://status.acme.test/incidents/abc'],
  ])('%j reads as %j', (link, expected) => {
    const snapshot = parseStatusFeed({
      page: { name: 'Acme', url: link, status: 'HASISSUES' },
      activeIncidents: [{ name: 'Slow API', started: '2026-03-01T09:00:00Z', status: 'INVESTIGATING', impact: 'MAJOROUTAGE', url: link }],
    });
    expect(snapshot.page.url).toBe(expected);
    expect(snapshot.incidents[0]?.url).toBe(expected);
    const issue = parseStatusFeed({
      is: 'index',
      summaryStatus: 'down',
      systems: [
        {
          name: 'API',
          status: 'down',
          unresolvedIssues: [{ title: 'Down', createdAt: '2026-03-01 09:00:00 +0000 UTC', permalink: link, severity: 'down', resolved: false }],
        },
      ],
    }).incidents[0];
    expect(issue?.url).toBe(expected);
  });

  it("falls back to the page's incident link, not to a javascript: shortlink", () => {
    expect(withIncident({ shortlink: 'javascript:alert(1)' })?.url).toBe('https://status.acme.test/incidents/abc');
  });
});

describe('huge and hostile text', () => {
  it('clamps names to 200 characters and update texts to 5,000', () => {
    const incident = withIncident({
      name: 'N'.repeat(1_000_000),
      incident_updates: [{ status: 'investigating', body: 'B'.repeat(1_000_000), display_at: '2026-03-01T09:05:00Z' }],
    });
    expect(incident?.name).toBe(`${'N'.repeat(199)}…`);
    expect(incident?.latest?.body).toBe(`${'B'.repeat(4999)}…`);
  });

  it('clamps page names, descriptions and component names too', () => {
    const snapshot = parseStatusFeed({
      page: { name: 'P'.repeat(10_000) },
      status: { indicator: 'none', description: 'D'.repeat(10_000) },
      components: [{ id: 'I'.repeat(10_000), name: 'C'.repeat(10_000), status: 'operational' }],
    });
    expect(snapshot.page.name).toHaveLength(200);
    expect(snapshot.description).toHaveLength(200);
    expect(snapshot.components[0]?.name).toHaveLength(200);
    expect(snapshot.components[0]?.id).toHaveLength(200);
  });

  it('never cuts an emoji in half', () => {
    const name = withIncident({ name: `${'x'.repeat(198)}🔥🔥🔥` })?.name;
    expect(name).toBe(`${'x'.repeat(198)}…`);
    expect(name?.isWellFormed()).toBe(true);
  });

  it('drops control characters, keeps line breaks in update texts and leaves markup as text', () => {
    const incident = withIncident({
      name: 'Slow\u0000 API\u001b[31m\r\nagain',
      incident_updates: [{ status: 'identified', body: '  <img src=x onerror=alert(1)>\r\nLine two\u0007  ', display_at: '2026-03-01T09:05:00Z' }],
    });
    expect(incident?.name).toBe('Slow API[31m again');
    expect(incident?.latest?.body).toBe('<img src=x onerror=alert(1)>\nLine two');
  });

  it('caps lists at 1,000 components and 100 incidents', () => {
    const snapshot = parseStatusFeed({
      status: { indicator: 'major' },
      components: Array.from({ length: 5000 }, (_, i) => ({ id: `c${i}`, name: `C${i}`, status: 'operational' })),
      incidents: Array.from({ length: 500 }, (_, i) => ({ id: `i${i}`, name: `I${i}`, status: 'investigating', started_at: '2026-03-01T09:00:00Z' })),
    });
    expect(snapshot.components).toHaveLength(1000);
    expect(snapshot.incidents).toHaveLength(100);
  });

  it('is not fooled by keys that name Object.prototype members', () => {
    const snapshot = parseStatusFeed(
      '{"status":{"indicator":"constructor"},"components":[{"id":"a","name":"A","status":"__proto__"},{"id":"b","name":"B","status":"toString"},{"id":"c","name":"C","status":"degraded_performance"}]}',
    );
    expect(snapshot.indicator).toBe('minor');
    expect(snapshot.components.map((c) => c.id)).toEqual(['c']);
    expect(
      parseStatusFeed([
        { name: 'x', status: 'hasOwnProperty' },
        { name: 'y', status: 'up' },
      ]).components,
    ).toHaveLength(1);
  });

  it('reads an object that refers to itself without looping', () => {
    const doc: Record<string, unknown> = { status: { indicator: 'none' }, components: [] };
    doc.self = doc;
    expect(parseStatusFeed(doc).indicator).toBe('none');
  });
});

describe('missing, extra and loosely typed fields', () => {
  it('ignores fields it does not know', () => {
    const doc = cloudflare();
    doc.extra = { nested: [1, 2, 3] };
    doc.page.logo = 'https://example.test/logo.png';
    doc.incidents[0].reminder_intervals = [1, 2];
    doc.components[1].automation_email = 'component+x@notifications.statuspage.io';
    expect(parseStatusFeed(doc)).toEqual(parseStatusFeed(cloudflare()));
  });

  it('reads the bare minimum: an indicator', () => {
    expect(parseStatusFeed({ status: { indicator: 'major' } })).toEqual<StatusSnapshot>({
      format: 'statuspage',
      page: { name: 'Status' },
      indicator: 'major',
      description: 'Partial System Outage',
      components: [],
      incidents: [],
      maintenances: [],
    });
  });

  it.each([
    ['none', 'All Systems Operational'],
    ['minor', 'Minor Service Outage'],
    ['major', 'Partial System Outage'],
    ['critical', 'Major Service Outage'],
    ['maintenance', 'Service Under Maintenance'],
  ])('describes indicator %s as "%s" when the feed gives no description', (indicator, description) => {
    expect(parseStatusFeed({ status: { indicator: indicator.toUpperCase(), description: '   ' } }).description).toBe(description);
  });

  it('names the page after its host when it has no name', () => {
    expect(parseStatusFeed({ page: { url: 'https://status.acme.test/' }, status: { indicator: 'none' } }).page).toEqual({
      name: 'status.acme.test',
      url: 'https://status.acme.test/',
    });
  });

  it('reads numbers written as strings and strings written as numbers', () => {
    const snapshot = parseStatusFeed({
      page: { name: 404, updated_at: Date.UTC(2026, 2, 1, 10) },
      status: { indicator: 'none' },
      components: [
        { id: 7, name: 2024, status: 'operational', group: 'true', components: ['8'] },
        { id: 8, name: 'API', status: 'OPERATIONAL', group_id: 7 },
      ],
    });
    expect(snapshot.page.name).toBe('404');
    expect(snapshot.updatedAt).toBe('2026-03-01T10:00:00.000Z');
    expect(snapshot.components).toEqual([{ id: '8', name: 'API', status: 'operational', group: '2024' }]);
  });

  it('reads null lists (incident.io) and lists of the wrong type as empty', () => {
    const snapshot = parseStatusFeed({ status: { indicator: 'none' }, components: null, incidents: 'none', scheduled_maintenances: { 0: 'x' } });
    expect([snapshot.components, snapshot.incidents, snapshot.maintenances]).toEqual([[], [], []]);
  });

  it('skips junk entries inside lists and keeps the good ones', () => {
    const snapshot = parseStatusFeed({
      status: { indicator: 'minor' },
      components: [null, 5, 'API', [], { name: 'No status' }, { status: 'operational' }, { id: 'ok', name: 'Good', status: 'degraded_performance' }],
      incidents: [null, 'x', { id: 'i1', name: 'Good one', status: 'identified', started_at: '2026-03-01T09:00:00Z' }],
    });
    expect(snapshot.components).toEqual([{ id: 'ok', name: 'Good', status: 'degraded_performance' }]);
    expect(snapshot.incidents.map((e) => e.id)).toEqual(['i1']);
  });

  it('fills in what an incident leaves out, and leaves out one it cannot place in time', () => {
    const snapshot = parseStatusFeed({
      status: { indicator: 'minor' },
      incidents: [{ name: 'No time at all' }, { id: 'x1', created_at: '2026-03-01T09:00:00Z', incident_updates: [{ body: 'Looking into it' }] }],
    });
    expect(snapshot.incidents).toEqual([
      {
        id: 'x1',
        name: 'Incident',
        status: 'investigating',
        impact: 'none',
        url: undefined,
        startedAt: '2026-03-01T09:00:00.000Z',
        updatedAt: '2026-03-01T09:00:00.000Z',
        latest: { status: 'investigating', body: 'Looking into it', at: '2026-03-01T09:00:00.000Z' },
      },
    ]);
  });

  it('takes the newest update that has text as the latest', () => {
    const incident = withIncident({
      incident_updates: [
        { status: 'investigating', body: 'First', display_at: '2026-03-01T09:05:00Z' },
        { status: 'monitoring', body: '  ', display_at: '2026-03-01T09:30:00Z' },
        { status: 'identified', body: 'Second', display_at: '2026-03-01T09:20:00Z' },
      ],
    });
    expect(incident?.latest).toEqual({ status: 'identified', body: 'Second', at: '2026-03-01T09:20:00.000Z' });
  });
});

describe('which incidents and maintenance are open', () => {
  it.each([
    ['investigating', true],
    ['identified', true],
    ['monitoring', true],
    ['INVESTIGATING', true],
    ['resolved', false],
    ['postmortem', false],
    ['completed', false],
  ])('an incident %s is listed: %s', (status, listed) => {
    expect(withIncident({ status }) !== undefined).toBe(listed);
  });

  it.each([
    ['scheduled', true],
    ['in_progress', true],
    ['verifying', true],
    ['completed', false],
  ])('a maintenance %s is listed: %s', (status, listed) => {
    const { maintenances } = parseStatusFeed({
      status: { indicator: 'none' },
      scheduled_maintenances: [{ id: 'm', name: 'Upgrade', status, scheduled_for: '2026-03-02T00:00:00Z', updated_at: '2026-03-01T00:00:00Z' }],
    });
    expect(maintenances.length === 1).toBe(listed);
  });

  it('lists incidents newest first whatever order the feed uses', () => {
    const { incidents } = parseStatusFeed({
      status: { indicator: 'major' },
      incidents: [
        { id: 'old', name: 'Old', started_at: '2026-03-01T08:00:00Z' },
        { id: 'new', name: 'New', started_at: '2026-03-01T10:30:00+02:00' },
        { id: 'mid', name: 'Mid', started_at: '2026-03-01T09:00:00Z' },
      ],
    });
    expect(incidents.map((e) => e.id)).toEqual(['mid', 'new', 'old']);
  });
});

describe('deriving the indicator from the components when the feed states none', () => {
  type State = StatusSnapshot['components'][number]['status'];
  it.each<[State[], StatusSnapshot['indicator']]>([
    [['operational', 'operational'], 'none'],
    [['operational', 'under_maintenance'], 'maintenance'],
    [['under_maintenance', 'under_maintenance'], 'maintenance'],
    [['operational', 'degraded_performance', 'under_maintenance'], 'minor'],
    [['operational', 'partial_outage'], 'major'],
    [['degraded_performance', 'major_outage'], 'major'],
    [['major_outage', 'major_outage'], 'critical'],
    [['major_outage'], 'critical'],
  ])('%j → %s', (states, indicator) => {
    const components = states.map((status, i) => ({ id: `c${i}`, name: `C${i}`, status }));
    const statuspage = parseStatusFeed({ page: { name: 'Acme' }, components });
    expect(statuspage.indicator).toBe(indicator);
    expect(statuspage.description).toMatch(/\S/);
    const upptimeWords: Partial<Record<State, string>> = { operational: 'up', degraded_performance: 'degraded', major_outage: 'down' };
    if (states.every((s) => upptimeWords[s])) {
      expect(parseStatusFeed(states.map((s, i) => ({ name: `Site ${i}`, slug: `site-${i}`, status: upptimeWords[s] }))).indicator).toBe(indicator);
    }
  });

  it('derives from open incidents when there are no components (an incidents.json)', () => {
    expect(
      parseStatusFeed({ page: { name: 'Acme' }, incidents: [{ id: 'a', name: 'A', impact: 'critical', started_at: '2026-03-01T09:00:00Z' }] }).indicator,
    ).toBe('critical');
    expect(
      parseStatusFeed({
        page: { name: 'Acme' },
        scheduled_maintenances: [{ id: 'm', name: 'M', status: 'in_progress', scheduled_for: '2026-03-01T09:00:00Z' }],
      }).indicator,
    ).toBe('maintenance');
  });
});

describe('time', () => {
  it.each([
    ['2026-11-28T09:10:00.000Z', '2026-11-28T09:10:00.000Z'],
    ['2019-02-21T08:31:24.239-06:00', '2019-02-21T14:31:24.239Z'],
    ['2026-09-23T09:54:16Z', '2026-09-23T09:54:16.000Z'],
    ['2026-09-23T09:54:16.801578Z', '2026-09-23T09:54:16.801Z'],
    ['2026-09-23T09:54:16+0530', '2026-09-23T04:24:16.000Z'],
    ['2026-09-23T09:54:16+05', '2026-09-23T04:54:16.000Z'],
    ['2026-09-23T09:54:16.5-02:00', '2026-09-23T11:54:16.500Z'],
    ['2026-09-23t09:54:16z', '2026-09-23T09:54:16.000Z'],
    ['2026-09-23 09:54', '2026-09-23T09:54:00.000Z'],
    ['2026-09-23T09:54:16', '2026-09-23T09:54:16.000Z'],
    ['2026-09-23', '2026-09-23T00:00:00.000Z'],
    ['2025-09-10 10:00:00 +0000 UTC', '2025-09-10T10:00:00.000Z'],
    ['2025-09-12 19:20:02 +0200 +0200', '2025-09-12T17:20:02.000Z'],
    ['2025-09-12 19:20:02.123456789 -0700 PDT', '2025-09-13T02:20:02.123Z'],
    ['Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)', '2022-06-11T18:55:50.000Z'],
    ['Sat Jun 11 2022 20:55:50 GMT+0200 (Central European Summer Time)', '2022-06-11T18:55:50.000Z'],
    [Date.UTC(2026, 0, 2, 3, 4, 5), '2026-01-02T03:04:05.000Z'],
    ['<no value>', undefined],
    ['0001-01-01 00:00:00 +0000 UTC', undefined],
    ['yesterday', undefined],
    ['2026-13-45T99:00:00Z', undefined],
    ['12/03/2026', undefined],
    [Number.MAX_VALUE, undefined],
    [NaN, undefined],
    [null, undefined],
    [{}, undefined],
  ])('%j reads as %j', (value, expected) => {
    expect(time(value)).toBe(expected);
  });
});
