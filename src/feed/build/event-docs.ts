import { maintenanceStatus, type Maintenance } from '../../model';
import type { AffectedComponent, Component as ComponentDoc, Incident as IncidentDoc, IncidentUpdate, ScheduledMaintenance } from '../schema';
import { postmortemBody } from './postmortem-body';
import type { PublicIncident, PublicMaintenance } from './site-input';

/** An incident or a maintenance, as the site publishes it. */
export type SiteEvent = IncidentDoc | ScheduledMaintenance;
export const isMaintenance = (e: SiteEvent): e is ScheduledMaintenance => 'scheduled_for' in e;

/** What turning an event into its Statuspage document needs besides the event. */
export interface DocContext {
  pageId: string;
  /** The site's URL, ending in `/`. */
  base: string;
  /** The site's components (leaves) by id, as published now. */
  leaves: ReadonlyMap<string, ComponentDoc>;
  now: Date;
}

/** Statuspage's own words for the updates it writes when a maintenance moves by itself. */
export const MAINTENANCE_WORDS = {
  inProgress: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
  completed: 'The scheduled maintenance has been completed.',
  cancelled: 'This maintenance was cancelled.',
} as const;

export const shortlink = (base: string, id: string) => `${base}incidents/${id}.html`;

function update(eventId: string, id: string, status: IncidentUpdate['status'], body: string, at: string, affected: AffectedComponent[]): IncidentUpdate {
  return {
    id,
    status,
    body,
    incident_id: eventId,
    created_at: at,
    updated_at: at,
    display_at: at,
    affected_components: affected.length ? affected : null,
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  };
}

/** Newest first, as Statuspage lists them; of two at the same time the later-written one first. */
function newestFirst(updates: IncidentUpdate[]): IncidentUpdate[] {
  return updates.reverse().sort((a, b) => (a.display_at < b.display_at ? 1 : a.display_at > b.display_at ? -1 : 0));
}

function componentsOf(ids: Iterable<string>, leaves: ReadonlyMap<string, ComponentDoc>): ComponentDoc[] {
  const out: ComponentDoc[] = [];
  for (const id of new Set(ids)) {
    const leaf = leaves.get(id);
    if (leaf) out.push(leaf);
  }
  return out;
}

/** One of our incidents as Statuspage publishes it. */
export function incidentDoc(incident: PublicIncident, { pageId, base, leaves }: DocContext): IncidentDoc {
  const updates: IncidentUpdate[] = [];
  const touched: string[] = [];
  let monitoringAt: string | null = null;
  let resolvedAt: string | null = null;
  let previous: string | undefined;
  for (const u of incident.updates) {
    if (u.status === 'monitoring' && previous !== 'monitoring') monitoringAt = u.at;
    if (u.status === 'resolved' && previous !== 'resolved') resolvedAt = u.at;
    previous = u.status;
    const affected: AffectedComponent[] = [];
    for (const c of u.components) {
      touched.push(c.id);
      affected.push({ code: c.id, name: c.name, old_status: c.from, new_status: c.to });
    }
    updates.push(update(incident.id, u.id, u.status, u.body, u.at, affected));
  }
  const first = incident.updates[0]!;
  const last = incident.updates[incident.updates.length - 1]!;
  const pm = incident.postmortem;
  // A published post-mortem moves a resolved incident to Statuspage's `postmortem` status, and the
  // incident changed then: readers polling `updated_at` see it.
  const updatedAt = pm && pm.publishedAt > last.at ? pm.publishedAt : last.at;
  return {
    id: incident.id,
    name: incident.name,
    status: pm && incident.status === 'resolved' ? 'postmortem' : incident.status,
    impact: incident.impact,
    created_at: first.at,
    updated_at: updatedAt,
    monitoring_at: monitoringAt,
    // Reopened after resolving: no longer resolved.
    resolved_at: last.status === 'resolved' ? resolvedAt : null,
    shortlink: shortlink(base, incident.id),
    started_at: incident.startedAt,
    page_id: pageId,
    incident_updates: newestFirst(updates),
    components: componentsOf(touched, leaves),
    ...(pm && { postmortem_body: postmortemBody(pm), postmortem_body_last_updated_at: pm.publishedAt }),
  };
}

/** Ids of the updates the clock writes; the suffixes keep them within the 64 characters ids allow. */
const generatedId = (eventId: string, step: string) => `${eventId.slice(0, 50)}-${step}`;

/**
 * One of our maintenances as Statuspage publishes it. Its status follows `maintenanceStatus(now)`
 * and its updates are written as Statuspage writes them: the notice when it was announced, "in
 * progress" when the window opened, "completed" when it closed or was completed early; a
 * cancelled one completes with a note saying so.
 */
export function maintenanceDoc(m: PublicMaintenance, { pageId, base, leaves, now }: DocContext): ScheduledMaintenance {
  // maintenanceStatus reads only the window and the completion fields, which PublicMaintenance keeps.
  const status = maintenanceStatus(m as Maintenance, now);
  const components = componentsOf(m.componentIds, leaves);
  const changes = (from: ComponentDoc['status'], to: ComponentDoc['status']) =>
    components.map((c): AffectedComponent => ({ code: c.id, name: c.name, old_status: from, new_status: to }));

  const t = now.toISOString();
  const announcedAt = m.createdAt < m.scheduledFor ? m.createdAt : m.scheduledFor;
  // Where the window ended, if it has: called off, completed early, or run its course.
  let endedAt: string | undefined;
  let cancelled = false;
  for (const [at, isCancel] of [
    [m.cancelledAt, true],
    [m.completedAt, false],
    [m.scheduledUntil, false],
  ] as const) {
    if (at !== undefined && at <= t && (endedAt === undefined || at < endedAt)) {
      endedAt = at;
      cancelled = isCancel;
    }
  }
  const started = m.scheduledFor <= t && (endedAt === undefined || endedAt > m.scheduledFor);

  const updates = [update(m.id, generatedId(m.id, 'scheduled'), 'scheduled', m.body, announcedAt, changes('operational', 'operational'))];
  if (started) {
    updates.push(
      update(m.id, generatedId(m.id, 'in-progress'), 'in_progress', MAINTENANCE_WORDS.inProgress, m.scheduledFor, changes('operational', 'under_maintenance')),
    );
  }
  if (endedAt !== undefined && status === 'completed') {
    updates.push(
      update(
        m.id,
        generatedId(m.id, 'completed'),
        'completed',
        cancelled ? MAINTENANCE_WORDS.cancelled : MAINTENANCE_WORDS.completed,
        endedAt,
        started ? changes('under_maintenance', 'operational') : changes('operational', 'operational'),
      ),
    );
  }
  const latest = updates[updates.length - 1]!.display_at;
  return {
    id: m.id,
    name: m.title,
    status,
    impact: 'maintenance',
    created_at: m.createdAt,
    updated_at: m.updatedAt > latest ? m.updatedAt : latest,
    monitoring_at: null,
    resolved_at: status === 'completed' ? (endedAt ?? m.cancelledAt ?? m.completedAt ?? m.scheduledUntil) : null,
    shortlink: shortlink(base, m.id),
    started_at: m.createdAt,
    page_id: pageId,
    scheduled_for: m.scheduledFor,
    scheduled_until: m.scheduledUntil,
    incident_updates: newestFirst(updates),
    components,
  };
}

/**
 * Another publisher's maintenance, moved on by the clock as theirs would be: between their
 * publishes its window may have opened or closed, and the page must not say "scheduled" during it.
 */
export function advanceMaintenance(doc: ScheduledMaintenance, { now, leaves }: DocContext): ScheduledMaintenance {
  const t = now.toISOString();
  const components = refreshComponents(doc.components, leaves);
  if (doc.status === 'completed') return { ...doc, components };
  const byClock = t >= doc.scheduled_until ? 'completed' : t >= doc.scheduled_for ? 'in_progress' : 'scheduled';
  if (byClock === 'scheduled' || (byClock === 'in_progress' && doc.status !== 'scheduled')) return { ...doc, components };
  const changes = (from: ComponentDoc['status'], to: ComponentDoc['status']) =>
    components.map((c): AffectedComponent => ({ code: c.id, name: c.name, old_status: from, new_status: to }));
  const added: IncidentUpdate[] = [];
  if (doc.status === 'scheduled') {
    added.push(
      update(
        doc.id,
        generatedId(doc.id, 'in-progress'),
        'in_progress',
        MAINTENANCE_WORDS.inProgress,
        doc.scheduled_for,
        changes('operational', 'under_maintenance'),
      ),
    );
  }
  if (byClock === 'completed') {
    added.push(
      update(
        doc.id,
        generatedId(doc.id, 'completed'),
        'completed',
        MAINTENANCE_WORDS.completed,
        doc.scheduled_until,
        changes('under_maintenance', 'operational'),
      ),
    );
  }
  const known = new Set(doc.incident_updates.map((u) => u.id));
  const updates = newestFirst([...doc.incident_updates.slice().reverse(), ...added.filter((u) => !known.has(u.id))]);
  const latest = updates[0]!.display_at;
  return {
    ...doc,
    status: byClock,
    updated_at: doc.updated_at > latest ? doc.updated_at : latest,
    resolved_at: byClock === 'completed' ? doc.scheduled_until : null,
    incident_updates: updates,
    components,
  };
}

/** The components an event names, as the site publishes them now; ones no longer on it are dropped. */
export function refreshComponents(components: readonly ComponentDoc[], leaves: ReadonlyMap<string, ComponentDoc>): ComponentDoc[] {
  return componentsOf(
    components.map((c) => c.id),
    leaves,
  );
}
