import * as z from 'zod';
import { ComponentStatus } from '../model/component-status';
import { Instant, WebUrl } from '../model/instant';

// The Statuspage v2 public API documents Sitrep publishes, field for field, so that anything
// that reads an Atlassian Statuspage page (status widgets, monitors, chat bots) reads ours.
// Strict on purpose: the publisher validates its own output with these before writing a file.

/** Ids appear in URLs (`incidents/<id>.html`), so they stay URL-safe. */
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'An id is 1–64 letters, digits, - or _');
/** Text shown to people: at least one visible character, within what Statuspage itself accepts. */
const VISIBLE = /[^\s\p{Cc}]/u;
const Name = z.string().max(255).regex(VISIBLE, 'A name needs visible text');
const Body = z.string().max(25_000).regex(VISIBLE, 'An update needs visible text');
/** A post-mortem: four sections of up to 50,000 characters each, and their headings. */
const PostmortemBody = z.string().max(201_000).regex(VISIBLE, 'A post-mortem needs visible text');

/** A link readers will follow: http(s), no credentials, no longer than the widget accepts. */
const Link = WebUrl.max(2048).refine((link) => {
  const { username, password } = new URL(link);
  return !username && !password;
}, 'A published link carries no user name or password');

/** Zones that passed: asking Intl builds a formatter, about a millisecond, on every publish's page check. */
const knownZones = new Set<string>();

const TimeZone = z.string().refine((zone) => {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
  if (knownZones.size < 64) knownZones.add(zone);
  return true;
}, 'An IANA time zone name, e.g. Etc/UTC or Europe/Berlin');

export const StatusIndicator = z.enum(['none', 'minor', 'major', 'critical', 'maintenance']);
export type StatusIndicator = z.infer<typeof StatusIndicator>;

/** The model's own list: what a status update sets is what the feed publishes. */
export { ComponentStatus };

export const IncidentStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const MaintenanceStatus = z.enum(['scheduled', 'in_progress', 'verifying', 'completed']);
export type MaintenanceStatus = z.infer<typeof MaintenanceStatus>;

export const IncidentImpact = z.enum(['none', 'minor', 'major', 'critical']);
export type IncidentImpact = z.infer<typeof IncidentImpact>;

export const MaintenanceImpact = z.enum(['none', 'minor', 'major', 'critical', 'maintenance']);
export type MaintenanceImpact = z.infer<typeof MaintenanceImpact>;

export const Page = z.strictObject({
  id: Id,
  name: Name,
  url: Link,
  time_zone: TimeZone,
  updated_at: Instant,
});
export type Page = z.infer<typeof Page>;

export const Status = z.strictObject({
  indicator: StatusIndicator,
  description: Name,
});
export type Status = z.infer<typeof Status>;

const componentFields = {
  id: Id,
  name: Name,
  status: ComponentStatus,
  created_at: Instant,
  updated_at: Instant,
  position: z.int().positive(),
  description: z.string().max(5000).nullable(),
  showcase: z.boolean(),
  start_date: z.iso.date().nullable(),
  group_id: Id.nullable(),
  page_id: Id,
};

/** A component a status is reported for. Leaves carry no `components` key at all, as on Statuspage. */
export const LeafComponent = z.strictObject({
  ...componentFields,
  group: z.literal(false),
  only_show_if_degraded: z.boolean(),
});
export type LeafComponent = z.infer<typeof LeafComponent>;

/** A group: a container whose `components` lists its children's ids; groups do not nest. */
export const GroupComponent = z.strictObject({
  ...componentFields,
  group_id: z.null(),
  group: z.literal(true),
  only_show_if_degraded: z.boolean(),
  components: z.array(Id),
});
export type GroupComponent = z.infer<typeof GroupComponent>;

export const Component = z.discriminatedUnion('group', [LeafComponent, GroupComponent]);
export type Component = z.infer<typeof Component>;

/** A component's status change recorded on an update; `code` is the component's id. */
export const AffectedComponent = z.strictObject({
  code: Id,
  name: Name,
  old_status: ComponentStatus,
  new_status: ComponentStatus,
});
export type AffectedComponent = z.infer<typeof AffectedComponent>;

export const IncidentUpdate = z.strictObject({
  id: Id,
  status: z.enum([...IncidentStatus.options, ...MaintenanceStatus.options]),
  body: Body,
  incident_id: Id,
  created_at: Instant,
  updated_at: Instant,
  display_at: Instant,
  affected_components: z.array(AffectedComponent).nullable(),
  deliver_notifications: z.boolean(),
  custom_tweet: z.string().max(280).nullable(),
  tweet_id: z.string().max(64).nullable(),
});
export type IncidentUpdate = z.infer<typeof IncidentUpdate>;

const incidentFields = {
  id: Id,
  name: Name,
  created_at: Instant,
  updated_at: Instant,
  monitoring_at: Instant.nullable(),
  resolved_at: Instant.nullable(),
  shortlink: Link,
  started_at: Instant,
  page_id: Id,
  /** Newest first, as Statuspage serves them. */
  incident_updates: z.array(IncidentUpdate),
  components: z.array(Component),
};

type IncidentLike = { id: string; incident_updates: IncidentUpdate[] };

function checkUpdates(incident: IncidentLike, ctx: z.core.$RefinementCtx<IncidentLike>): void {
  incident.incident_updates.forEach((update, i) => {
    if (update.incident_id !== incident.id) {
      ctx.addIssue({
        code: 'custom',
        path: ['incident_updates', i, 'incident_id'],
        message: `An update of incident ${incident.id} names incident ${update.incident_id}`,
      });
    }
    const newer = incident.incident_updates[i - 1];
    if (newer && newer.display_at < update.display_at) {
      ctx.addIssue({
        code: 'custom',
        path: ['incident_updates', i, 'display_at'],
        message: 'incident_updates are listed newest first',
      });
    }
  });
}

export const Incident = z
  .strictObject({
    ...incidentFields,
    status: IncidentStatus,
    impact: IncidentImpact,
    // Statuspage's public post-mortem (Markdown), present once one is published; the incident's
    // status is then `postmortem`.
    postmortem_body: PostmortemBody.nullable().optional(),
    postmortem_body_last_updated_at: Instant.nullable().optional(),
  })
  .superRefine(checkUpdates);
export type Incident = z.infer<typeof Incident>;

export const ScheduledMaintenance = z
  .strictObject({
    ...incidentFields,
    status: MaintenanceStatus,
    impact: MaintenanceImpact,
    scheduled_for: Instant,
    scheduled_until: Instant,
  })
  .superRefine((maintenance, ctx) => {
    checkUpdates(maintenance, ctx);
    if (maintenance.scheduled_until < maintenance.scheduled_for) {
      ctx.addIssue({ code: 'custom', path: ['scheduled_until'], message: 'scheduled_until is before scheduled_for' });
    }
  });
export type ScheduledMaintenance = z.infer<typeof ScheduledMaintenance>;

const OPEN_INCIDENT: ReadonlySet<string> = new Set(['investigating', 'identified', 'monitoring']);
const OPEN_MAINTENANCE: ReadonlySet<string> = new Set(['scheduled', 'in_progress', 'verifying']);

/** Groups and their children must name each other, so readers can rebuild the tree. */
function checkComponentTree(doc: { components: Component[] }, ctx: z.core.$RefinementCtx<{ components: Component[] }>): void {
  const byId = new Map(doc.components.map((c) => [c.id, c]));
  if (byId.size !== doc.components.length) {
    ctx.addIssue({ code: 'custom', path: ['components'], message: 'Component ids are unique' });
  }
  doc.components.forEach((component, i) => {
    if (component.group) {
      component.components.forEach((childId, j) => {
        const child = byId.get(childId);
        if (!child || child.group || child.group_id !== component.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['components', i, 'components', j],
            message: `Group ${component.id} lists ${childId}, which is not a component of this group`,
          });
        }
      });
    } else if (component.group_id !== null) {
      const group = byId.get(component.group_id);
      if (!group?.group || !group.components.includes(component.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['components', i, 'group_id'],
          message: `Component ${component.id} names group ${component.group_id}, which does not list it`,
        });
      }
    }
  });
}

/**
 * The documents, over schemas of their incidents and maintenances. The exported ones check every
 * event in full; the builder checks each event once, when its document is new, and then checks the
 * documents around it with `z.custom` events (what it publishes is the same either way).
 */
function documentSchemas(incident: z.ZodType<Incident>, maintenance: z.ZodType<ScheduledMaintenance>, component: z.ZodType<Component>, page: z.ZodType<Page>) {
  const unresolvedIncidents = z.array(incident).superRefine((incidents, ctx) => {
    incidents.forEach((incident, i) => {
      if (!OPEN_INCIDENT.has(incident.status)) {
        ctx.addIssue({ code: 'custom', path: [i, 'status'], message: `Only unresolved incidents belong here, not ${incident.status} ones` });
      }
    });
  });
  const upcomingMaintenances = z.array(maintenance).superRefine((maintenances, ctx) => {
    maintenances.forEach((maintenance, i) => {
      if (!OPEN_MAINTENANCE.has(maintenance.status)) {
        ctx.addIssue({ code: 'custom', path: [i, 'status'], message: `Only upcoming or in-progress maintenance belongs here, not ${maintenance.status}` });
      }
    });
  });
  return {
    /** `api/v2/summary.json`: everything a status widget needs in one request. */
    SummaryJson: z
      .strictObject({
        page,
        status: Status,
        components: z.array(component),
        incidents: unresolvedIncidents,
        scheduled_maintenances: upcomingMaintenances,
      })
      .superRefine(checkComponentTree),
    /** `api/v2/incidents.json`: the most recent incidents (Statuspage lists 50), resolved ones included. */
    IncidentsJson: z.strictObject({ page, incidents: z.array(incident).max(50) }),
    /** `api/v2/incidents/unresolved.json`. */
    UnresolvedIncidentsJson: z.strictObject({ page, incidents: unresolvedIncidents }),
    /** `api/v2/scheduled-maintenances.json`: every maintenance, completed ones included. */
    ScheduledMaintenancesJson: z.strictObject({ page, scheduled_maintenances: z.array(maintenance).max(50) }),
    /**
     * `sitrep-site.json`: every component, incident and maintenance the site holds within its history
     * window. Not a Statuspage document: it is what the next publisher reads back and merges with,
     * so two incident managers publishing to one site never erase each other's incidents
     * (`incidents.json` keeps only the newest 50).
     */
    /** `api/v2/status.json`: the overall indicator only. */
    StatusJson: z.strictObject({ page, status: Status }),
    /** `api/v2/components.json`. */
    ComponentsJson: z.strictObject({ page, components: z.array(component) }).superRefine(checkComponentTree),
    SiteState: z.strictObject({
      format: z.literal('sitrep-site'),
      version: z.literal(1),
      updated_at: Instant,
      components: z.array(component),
      incidents: z.array(incident).max(10_000),
      scheduled_maintenances: z.array(maintenance).max(10_000),
    }),
  };
}

export const { SummaryJson, StatusJson, ComponentsJson, IncidentsJson, UnresolvedIncidentsJson, ScheduledMaintenancesJson, SiteState } = documentSchemas(
  Incident,
  ScheduledMaintenance,
  Component,
  Page,
);
export type StatusJson = z.infer<typeof StatusJson>;
export type ComponentsJson = z.infer<typeof ComponentsJson>;
export type SummaryJson = z.infer<typeof SummaryJson>;
export type IncidentsJson = z.infer<typeof IncidentsJson>;
export type UnresolvedIncidentsJson = z.infer<typeof UnresolvedIncidentsJson>;
export type ScheduledMaintenancesJson = z.infer<typeof ScheduledMaintenancesJson>;
export type SiteState = z.infer<typeof SiteState>;

/**
 * The same documents for the site builder, whose every event, component and page document has
 * already passed `Incident`, `ScheduledMaintenance`, `Component` or `Page` (src/feed/build/
 * build-site.ts checks each new one once): the rest of each document is checked as strictly as above.
 */
export const documentsOfCheckedEvents = documentSchemas(z.custom<Incident>(), z.custom<ScheduledMaintenance>(), z.custom<Component>(), z.custom<Page>());
