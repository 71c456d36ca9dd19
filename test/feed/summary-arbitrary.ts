import fc from 'fast-check';
import type { SummaryJson } from '../../src/feed/schema';

// Generates summary.json documents the strict schema accepts: any text (control characters,
// astral symbols, huge names), any instants, component trees with groups, unresolved
// incidents and upcoming maintenance with their updates newest first.

const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
const visible = (max: number) => fc.string({ unit: 'binary', minLength: 1, maxLength: max }).filter((s) => s.length <= max && /[^\s\p{Cc}]/u.test(s));
const idPrefix = fc.stringMatching(/^[a-z0-9]{1,8}$/);

const componentStatus = fc.constantFrom('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance' as const);
const indicator = fc.constantFrom('none', 'minor', 'major', 'critical', 'maintenance' as const);

const page = fc.record({
  id: fc.stringMatching(/^[a-z0-9]{12}$/),
  name: visible(255),
  url: fc.domain().map((host) => `https://${host}`),
  time_zone: fc.constantFrom('Etc/UTC', 'UTC', 'Europe/Berlin', 'America/Chicago', 'Asia/Kolkata'),
  updated_at: instant,
});

const componentDraft = fc.record({
  name: visible(255),
  status: componentStatus,
  created_at: instant,
  updated_at: instant,
  position: fc.integer({ min: 1, max: 1000 }),
  description: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
  showcase: fc.boolean(),
  start_date: fc.option(
    instant.map((t) => t.slice(0, 10)),
    { nil: null },
  ),
  only_show_if_degraded: fc.boolean(),
});

const updateDraft = fc.record({
  status: fc.constantFrom('investigating', 'identified', 'monitoring', 'scheduled', 'in_progress', 'verifying' as const),
  body: visible(6000),
  created_at: instant,
  display_at: instant,
  affected_components: fc.option(fc.array(fc.record({ name: visible(80), old_status: componentStatus, new_status: componentStatus }), { maxLength: 3 }), {
    nil: null,
  }),
  deliver_notifications: fc.boolean(),
  custom_tweet: fc.option(fc.string({ maxLength: 280 }), { nil: null }),
});

const eventDraft = fc.record({
  name: visible(255),
  created_at: instant,
  updated_at: instant,
  monitoring_at: fc.option(instant, { nil: null }),
  started_at: instant,
  updates: fc.array(updateDraft, { maxLength: 4 }),
  withComponents: fc.boolean(),
});

type EventDraft = typeof eventDraft extends fc.Arbitrary<infer T> ? T : never;

export const summaryJsonArbitrary: fc.Arbitrary<SummaryJson> = fc
  .record({
    page,
    prefix: idPrefix,
    status: fc.record({ indicator, description: visible(200) }),
    groups: fc.array(componentDraft, { maxLength: 3 }),
    leaves: fc.array(fc.record({ draft: componentDraft, group: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 10 }),
    incidents: fc.array(
      fc.record({
        event: eventDraft,
        status: fc.constantFrom('investigating', 'identified', 'monitoring' as const),
        impact: fc.constantFrom('none', 'minor', 'major', 'critical' as const),
      }),
      { maxLength: 4 },
    ),
    maintenances: fc.array(
      fc.record({
        event: eventDraft,
        status: fc.constantFrom('scheduled', 'in_progress', 'verifying' as const),
        impact: fc.constantFrom('none', 'minor', 'major', 'critical', 'maintenance' as const),
        window: fc.tuple(instant, instant),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ page, prefix, status, groups, leaves, incidents, maintenances }): SummaryJson => {
    const groupIds = groups.map((_, i) => `${prefix}-g${i}`);
    const leafComponents = leaves.map(({ draft, group }, i) => ({
      ...draft,
      id: `${prefix}-c${i}`,
      group: false as const,
      group_id: group === undefined || !groupIds.length ? null : groupIds[group % groupIds.length]!,
      page_id: page.id,
    }));
    const groupComponents = groups.map((draft, i) => ({
      ...draft,
      id: groupIds[i]!,
      group: true as const,
      group_id: null,
      page_id: page.id,
      components: leafComponents.filter((c) => c.group_id === groupIds[i]).map((c) => c.id),
    }));
    const event = (e: EventDraft, id: string) => ({
      id,
      name: e.name,
      created_at: e.created_at,
      updated_at: e.updated_at,
      monitoring_at: e.monitoring_at,
      resolved_at: null,
      shortlink: `https://stspg.io/${id}`,
      started_at: e.started_at,
      page_id: page.id,
      incident_updates: [...e.updates]
        .sort((a, b) => (a.display_at < b.display_at ? 1 : a.display_at > b.display_at ? -1 : 0))
        .map((u, j) => ({
          ...u,
          id: `${id}-u${j}`,
          incident_id: id,
          updated_at: u.created_at,
          affected_components: u.affected_components?.map((a, k) => ({ ...a, code: `${prefix}-a${k}` })) ?? null,
          tweet_id: null,
        })),
      components: e.withComponents ? leafComponents : [],
    });
    return {
      page,
      status,
      components: [...groupComponents, ...leafComponents],
      incidents: incidents.map(({ event: e, status, impact }, i) => ({ ...event(e, `${prefix}-i${i}`), status, impact })),
      scheduled_maintenances: maintenances.map(({ event: e, status, impact, window }, i) => {
        const [from, until] = window[0] <= window[1] ? window : [window[1], window[0]];
        return { ...event(e, `${prefix}-m${i}`), status, impact, scheduled_for: from, scheduled_until: until };
      }),
    };
  });
