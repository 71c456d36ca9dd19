import MarkdownIt from 'markdown-it';
import { afterEach, describe, expect, it } from 'vitest';
import { Postmortem } from '../../src/model';
import { draftPostmortem } from '../../src/report/postmortem-draft';
import { outageWindows } from '../../src/report/postmortem-outline';
import { API, SEARCH, makeUpdate, overnight, overnightEntries, overnightUpdates } from './postmortem-fixtures';
import { makeComponent, makeEntry, makeIncident } from './records';

const NOW = new Date('2026-11-29T09:00:00.000Z');
const md = new MarkdownIt({ html: true });

describe('outageWindows', () => {
  const resolved = makeIncident({ startedAt: '2026-11-28T09:00:00.000Z', resolvedAt: '2026-11-28T12:00:00.000Z' });
  const ongoing = makeIncident({ startedAt: '2026-11-28T09:00:00.000Z' });
  it.each([
    [
      'opens on an outage and closes on operational, keeping the worst status',
      resolved,
      [
        makeUpdate(1, '2026-11-28T09:10:00.000Z', [{ componentId: API, name: 'API', from: 'operational', to: 'degraded_performance' }]),
        makeUpdate(2, '2026-11-28T09:20:00.000Z', [{ componentId: API, name: 'API', from: 'degraded_performance', to: 'major_outage' }]),
        makeUpdate(3, '2026-11-28T09:30:00.000Z', [{ componentId: API, name: 'API', from: 'major_outage', to: 'partial_outage' }]),
        makeUpdate(4, '2026-11-28T10:00:00.000Z', [{ componentId: API, name: 'API', from: 'partial_outage', to: 'operational' }]),
      ],
      [{ componentId: API, name: 'API', from: '2026-11-28T09:10:00.000Z', to: '2026-11-28T10:00:00.000Z', worst: 'major_outage' }],
    ],
    [
      'a component already out when first named was out from the start; still out at resolution, until then',
      resolved,
      [makeUpdate(1, '2026-11-28T09:30:00.000Z', [{ componentId: API, name: 'API', from: 'partial_outage', to: 'partial_outage' }])],
      [{ componentId: API, name: 'API', from: '2026-11-28T09:00:00.000Z', to: '2026-11-28T12:00:00.000Z', worst: 'partial_outage' }],
    ],
    [
      'an unresolved incident leaves the window open; two outages of one component are two windows',
      ongoing,
      // Given out of order: windows follow the updates' times.
      [
        makeUpdate(3, '2026-11-28T11:00:00.000Z', [{ componentId: SEARCH, name: 'Search', from: 'operational', to: 'major_outage' }]),
        makeUpdate(1, '2026-11-28T09:10:00.000Z', [{ componentId: SEARCH, name: 'Search v1', from: 'operational', to: 'partial_outage' }]),
        makeUpdate(2, '2026-11-28T09:40:00.000Z', [{ componentId: SEARCH, name: 'Search', from: 'partial_outage', to: 'under_maintenance' }]),
      ],
      [
        { componentId: SEARCH, name: 'Search', from: '2026-11-28T09:10:00.000Z', to: '2026-11-28T09:40:00.000Z', worst: 'partial_outage' },
        { componentId: SEARCH, name: 'Search', from: '2026-11-28T11:00:00.000Z', worst: 'major_outage' },
      ],
    ],
  ])('%s', (_name, incident, updates, expected) => {
    expect(outageWindows(incident, updates)).toEqual(expected);
  });

  it('ignores updates of other incidents and components that never went out', () => {
    const other = makeUpdate(1, '2026-11-28T09:10:00.000Z', [{ componentId: API, name: 'API', from: 'operational', to: 'major_outage' }], {
      incidentId: '00000000-0000-4000-8000-000000000099',
    });
    const fine = makeUpdate(2, '2026-11-28T09:10:00.000Z', [{ componentId: API, name: 'API', from: 'operational', to: 'operational' }]);
    expect(outageWindows(resolved, [other, fine])).toEqual([]);
  });
});

describe('draftPostmortem', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
  const components = [makeComponent({ id: API, name: 'Checkout API', owner: 'Payments team' }), makeComponent({ id: SEARCH, name: 'Search', owner: '' })];
  const draft = () => draftPostmortem({ incident: overnight, entries: overnightEntries(), updates: overnightUpdates(), components, now: NOW });

  it('is a valid draft post-mortem, by the incident manager, listing starred entries', () => {
    const pm = draft();
    expect(Postmortem.parse(pm)).toEqual(pm);
    expect(pm).toMatchObject({
      incidentId: overnight.id,
      status: 'draft',
      authors: ['Ana'],
      timeline: 'starred',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect(pm.public).toEqual({ opening: '', whatHappened: '', whatWeDid: '', closing: '' });
  });

  it('prefills what the log says and leaves the rest empty (the editor shows prompts there)', () => {
    const { sections } = draft();
    expect(sections.summary).toBe(
      'Checkout errors after deploy: a SEV2 (Major) incident from 2026-11-28 22:50 UTC to 2026-11-29 01:10 UTC (2 h 20 min). ' +
        'Customers saw it as “Payments failing”. Impact: Card payments failed for EU customers.',
    );
    expect(sections.impact).toBe(
      [
        'Card payments failed for EU customers.',
        '',
        'Customers were told: “Some payments failed.”',
        '',
        'Components affected, from the status updates:',
        '',
        '- **Checkout API** (Payments team): major outage for 1 h 35 min (2026-11-28 23:10 UTC – 2026-11-29 00:45 UTC)',
        '- **Search**: degraded performance for 2 h (2026-11-28 23:10 UTC – 2026-11-29 01:10 UTC)',
      ].join('\n'),
    );
    expect(sections.detection).toBe(
      [
        'Detected at 2026-11-28 22:55 UTC, 5 min after it started. Acknowledged at 2026-11-28 23:00 UTC, 5 min after it was detected.',
        '',
        'Alerts on the timeline:',
        '',
        '- 2026-11-28 22:55 UTC — PagerDuty PT4KHLK: Error rate above 5% ([acme.pagerduty.com](<https://acme.pagerduty.com/incidents/PT4KHLK>))',
      ].join('\n'),
    );
    expect(sections.trigger).toContain('- 2026-11-28 23:05 UTC — Deploy 4121 of checkout-api ([github.com](<https://github.com/acme/api/pull/412>))');
    expect(sections.resolution).toBe(
      [
        'Mitigated at 2026-11-29 00:40 UTC, 1 h 50 min after it started. Resolved at 2026-11-29 01:10 UTC, 2 h 20 min after it started.',
        '',
        'The last public update (Resolved, 2026-11-29 00:45 UTC) said: “Payments work again. We are sorry.”',
        '',
        'Decisions on the timeline:',
        '',
        '- 2026-11-29 00:35 UTC — Roll back deploy 4121',
      ].join('\n'),
    );
    for (const empty of ['rootCause', 'longTermFix', 'wentWell', 'wentWrong', 'lucky'] as const) expect(sections[empty]).toBe('');
  });

  it('is the same in any zone, across a daylight-saving change', () => {
    process.env.TZ = 'UTC';
    const utc = draft();
    process.env.TZ = 'America/New_York';
    expect(draft()).toEqual(utc);
  });

  it('drafts little from a bare incident, and counts customer reports', () => {
    const bare = makeIncident();
    const reports = [1, 2, 3].map(() => makeEntry({ kind: 'report', text: 'Zendesk #1: cannot pay' }));
    const pm = draftPostmortem({ incident: bare, entries: reports, updates: [], components: [], authors: [' Bo ', 'Bo', ''], now: NOW });
    expect(pm.authors).toEqual(['Bo']);
    expect(pm.sections.impact).toBe('Customer reports on the timeline: 3.');
    expect(pm.sections.detection).toBe('');
    expect(pm.sections.summary).toBe('Checkout errors after deploy: a SEV2 (Major) incident since 2026-11-28 09:00 UTC, not resolved yet.');
  });

  it('keeps hostile text from pages and colleagues as text', () => {
    const incident = makeIncident({ title: '<img src=x onerror=alert(1)> [pay](javascript:alert(1))', impact: '# Everything\n<script>alert(2)</script>' });
    const alert = makeEntry({ kind: 'alert', text: '**Boom** <iframe src="https://evil.example"></iframe> &amp;' });
    const { sections } = draftPostmortem({ incident, entries: [alert], updates: [], components: [], now: NOW });
    const html = md.render(Object.values(sections).join('\n\n'));
    expect(html).not.toMatch(/<(img|script|iframe|h1|strong)\b/);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; [pay](javascript:alert(1))');
    expect(html).toContain('**Boom** &lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt; &amp;amp;');
  });

  it('lists at most 15 alerts and says how many more', () => {
    const alerts = Array.from({ length: 20 }, (_, i) =>
      makeEntry({ kind: 'alert', text: `Alert ${i}`, at: `2026-11-28T09:${String(10 + i).padStart(2, '0')}:00.000Z` }),
    );
    const { sections } = draftPostmortem({ incident: makeIncident(), entries: alerts, updates: [], components: [], now: NOW });
    expect(sections.detection.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(16);
    expect(sections.detection).toContain('- …and 5 more on the timeline');
    expect(sections.detection).toContain('- 09:10 UTC — Alert 0');
  });
});
