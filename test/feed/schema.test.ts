import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ComponentsJson, IncidentsJson, ScheduledMaintenancesJson, StatusJson, SummaryJson, UnresolvedIncidentsJson } from '../../src/feed/schema';

/**
 * Cloudflare's live summary.json, less the one field Statuspage serves that Sitrep does not
 * publish (`reminder_intervals`): proof the schema is Statuspage's, field for field.
 */
function cloudflare(): SummaryJson {
  const doc = JSON.parse(readFileSync(new URL('../fixtures/feeds/statuspage-summary-cloudflare.json', import.meta.url), 'utf8'));
  for (const event of [...doc.incidents, ...doc.scheduled_maintenances]) delete event.reminder_intervals;
  return doc;
}

const issues = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('SummaryJson', () => {
  it("accepts Cloudflare's summary.json once its unpublished field is gone", () => {
    expect(issues(SummaryJson.safeParse(cloudflare()))).toEqual([]);
  });

  it('refuses the fields Statuspage serves that Sitrep does not publish', () => {
    const doc = JSON.parse(readFileSync(new URL('../fixtures/feeds/statuspage-summary-cloudflare.json', import.meta.url), 'utf8'));
    expect(issues(SummaryJson.safeParse(doc))).toEqual([
      'incidents.0: Unrecognized key: "reminder_intervals"',
      'scheduled_maintenances.0: Unrecognized key: "reminder_intervals"',
      'scheduled_maintenances.1: Unrecognized key: "reminder_intervals"',
    ]);
  });

  it.each<[string, (doc: SummaryJson) => void, RegExp]>([
    ['an unknown field on the page', (d) => Object.assign(d.page, { logo: 'x' }), /^page: Unrecognized key: "logo"/],
    ['an unknown indicator', (d) => Object.assign(d.status, { indicator: 'purple' }), /^status\.indicator: /],
    ['an empty description', (d) => Object.assign(d.status, { description: ' \u0007 ' }), /^status\.description: A name needs visible text/],
    ['a time with an offset instead of UTC', (d) => Object.assign(d.page, { updated_at: '2019-02-21T08:31:24.239-06:00' }), /^page\.updated_at: /],
    ['a time without milliseconds', (d) => Object.assign(d.page, { updated_at: '2026-05-17T02:50:03Z' }), /^page\.updated_at: /],
    ['an unknown time zone', (d) => Object.assign(d.page, { time_zone: 'Mars/Olympus_Mons' }), /^page\.time_zone: An IANA time zone name/],
    ['a javascript: page link', (d) => Object.assign(d.page, { url: 'javascript:alert(1)' }), /^page\.url: /],
    [
      'a shortlink with credentials',
      (d) => Object.assign(d.incidents[0]!, { shortlink: 'https://user:pw@stspg.io/x' }),
      /^incidents\.0\.shortlink: A published link carries no user name or password/,
    ],
    ['an id that is not URL-safe', (d) => Object.assign(d.incidents[0]!, { id: '../../etc' }), /^incidents\.0\.id: An id is/],
    [
      'a resolved incident',
      (d) => Object.assign(d.incidents[0]!, { status: 'resolved' }),
      /^incidents\.0\.status: Only unresolved incidents belong here, not resolved ones/,
    ],
    ['a maintenance impact on an incident', (d) => Object.assign(d.incidents[0]!, { impact: 'maintenance' }), /^incidents\.0\.impact: /],
    [
      'a completed maintenance',
      (d) => Object.assign(d.scheduled_maintenances[0]!, { status: 'completed' }),
      /^scheduled_maintenances\.0\.status: Only upcoming or in-progress/,
    ],
    [
      'a maintenance that ends before it starts',
      (d) => Object.assign(d.scheduled_maintenances[0]!, { scheduled_until: '2026-05-17T11:00:00.000Z' }),
      /^scheduled_maintenances\.0\.scheduled_until: scheduled_until is before scheduled_for/,
    ],
    [
      'updates oldest first',
      (d) => d.incidents[0]!.incident_updates.reverse(),
      /^incidents\.0\.incident_updates\.1\.display_at: incident_updates are listed newest first/,
    ],
    [
      'an update of another incident',
      (d) => Object.assign(d.incidents[0]!.incident_updates[0]!, { incident_id: 'p0fk3s7dtn2g' }),
      /^incidents\.0\.incident_updates\.0\.incident_id: An update of incident m2wyc8xq1v0t names incident p0fk3s7dtn2g/,
    ],
    ['a leaf with a components list', (d) => Object.assign(d.components[1]!, { components: [] }), /^components\.1: Unrecognized key: "components"/],
    ['a group inside a group', (d) => Object.assign(d.components[3]!, { group_id: '1km35smx8p41' }), /^components\.3\.group_id: /],
    [
      'a group listing a stranger',
      (d) => (d.components[0] as { components: string[] }).components.push('4zdk7c1bv3pj'),
      /^components\.0\.components\.2: Group 1km35smx8p41 lists 4zdk7c1bv3pj, which is not a component of this group/,
    ],
    [
      'a child its group does not list',
      (d) => (d.components[0] as { components: string[] }).components.pop(),
      /^components\.2\.group_id: Component zj0kwfl8t7hq names group 1km35smx8p41, which does not list it/,
    ],
    ['two components with one id', (d) => Object.assign(d.components[2]!, { id: 'b7z3qwgk2pcl' }), /^components: Component ids are unique/],
    ['a position of zero', (d) => Object.assign(d.components[1]!, { position: 0 }), /^components\.1\.position: /],
    ['a name of 256 characters', (d) => Object.assign(d.components[1]!, { name: 'x'.repeat(256) }), /^components\.1\.name: /],
  ])('refuses %s', (_label, spoil, message) => {
    const doc = cloudflare();
    spoil(doc);
    const found = issues(SummaryJson.safeParse(doc));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(message);
  });
});

describe('the other published documents', () => {
  const doc = cloudflare();
  const resolved = { ...doc.incidents[0]!, status: 'resolved' as const, resolved_at: '2026-05-17T01:00:00.000Z' };
  const completed = { ...doc.scheduled_maintenances[0]!, status: 'completed' as const };

  it.each<[string, { safeParse(v: unknown): { error?: { issues: { path: PropertyKey[]; message: string }[] } } }, unknown]>([
    ['status.json', StatusJson, { page: doc.page, status: doc.status }],
    ['components.json', ComponentsJson, { page: doc.page, components: doc.components }],
    ['incidents.json, resolved ones included', IncidentsJson, { page: doc.page, incidents: [...doc.incidents, resolved] }],
    ['incidents/unresolved.json', UnresolvedIncidentsJson, { page: doc.page, incidents: doc.incidents }],
    [
      'scheduled-maintenances.json, completed ones included',
      ScheduledMaintenancesJson,
      { page: doc.page, scheduled_maintenances: [...doc.scheduled_maintenances, completed] },
    ],
  ])('accepts %s', (_label, schema, value) => {
    expect(issues(schema.safeParse(value))).toEqual([]);
  });

  it.each<[string, { safeParse(v: unknown): { success: boolean } }, unknown]>([
    ['status.json with components', StatusJson, { page: doc.page, status: doc.status, components: [] }],
    ['unresolved.json with a resolved incident', UnresolvedIncidentsJson, { page: doc.page, incidents: [resolved] }],
    ['components.json with a broken tree', ComponentsJson, { page: doc.page, components: doc.components.slice(1) }],
    ['incidents.json with 51 incidents', IncidentsJson, { page: doc.page, incidents: Array.from({ length: 51 }, () => resolved) }],
  ])('refuses %s', (_label, schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});
