import { compareText, SEVERITY_IMPACT } from '../../model';
import type { Component, Incident, Maintenance, Postmortem, SiteSettings, StatusUpdate } from '../../model';
import type { PublicComponent, PublicIncident, PublicMaintenance, PublicPostmortemText, PublicUpdate, SiteInput } from './site-input';

/** What the extension holds, as read from its database: private and public fields together. */
export interface IncidentLog {
  incidents: Incident[];
  updates: StatusUpdate[];
  components: Component[];
  maintenances: Maintenance[];
  /** Post-mortems: only the `public` part of a published one is ever read. */
  postmortems?: Postmortem[];
}

export interface SiteTarget {
  settings: SiteSettings;
  /** Where the site is served; links in the feeds and pages start here. */
  url: string;
}

/**
 * The one place the private log is narrowed to what customers may read. Every field is copied by
 * name (never spread), so a field added to a model later stays private until someone adds it here:
 * - an incident is published as its public title, the impact its severity stands for and its
 *   status updates; one with no public title or no update yet is not published at all;
 * - only components marked public, and only their public fields; an update's component changes
 *   and a maintenance's components name public components only;
 * - a post-mortem only as the four sections of its public part, and only once it was published;
 *   never its internal sections, authors, status or timeline;
 * - never an internal title or impact text, a manager, an author, notes, clips or screenshots.
 */
export function selectPublic(log: IncidentLog, site: SiteTarget, now: Date): SiteInput {
  const shown = new Map<string, PublicComponent>();
  const withheldIds: string[] = [];
  for (const c of log.components) {
    if (!c.public) {
      withheldIds.push(c.id);
      continue;
    }
    shown.set(c.id, {
      id: c.id,
      name: c.name,
      description: c.description,
      ...(c.group && { group: c.group }),
      order: c.order,
      status: c.status,
      updatedAt: c.updatedAt,
    });
  }

  const updatesByIncident = new Map<string, StatusUpdate[]>();
  for (const update of log.updates) {
    const list = updatesByIncident.get(update.incidentId);
    if (list) list.push(update);
    else updatesByIncident.set(update.incidentId, [update]);
  }

  const postmortems = new Map<string, PublicPostmortemText>();
  for (const pm of log.postmortems ?? []) {
    // The copy taken when it was published, never the text being edited since.
    const { publishedAt, published } = pm.public;
    if (publishedAt && published) {
      const { opening, whatHappened, whatWeDid, closing } = published;
      postmortems.set(pm.incidentId, { opening, whatHappened, whatWeDid, closing, publishedAt });
    }
  }

  const incidents: PublicIncident[] = [];
  for (const incident of log.incidents) {
    const updates = updatesByIncident.get(incident.id);
    if (!incident.publicTitle || !updates?.length) {
      // Held back, and the merge must not keep a copy published earlier as someone else's.
      withheldIds.push(incident.id);
      continue;
    }
    const ordered = updates
      .slice()
      .sort((a, b) => compareText(a.at, b.at) || compareText(a.id, b.id))
      .map((u): PublicUpdate => ({
        id: u.id,
        status: u.status,
        body: u.body,
        at: u.at,
        components: u.components.flatMap((change) => {
          const component = shown.get(change.componentId);
          // The registry's public name, not the one written on the update, which may be internal.
          return component ? [{ id: component.id, name: component.name, from: change.from, to: change.to }] : [];
        }),
      }));
    incidents.push({
      id: incident.id,
      name: incident.publicTitle,
      impact: SEVERITY_IMPACT[incident.severity],
      status: ordered[ordered.length - 1]!.status,
      startedAt: incident.startedAt,
      updates: ordered,
      ...(postmortems.has(incident.id) && { postmortem: postmortems.get(incident.id) }),
    });
  }

  const maintenances = log.maintenances.map((m): PublicMaintenance => ({
    id: m.id,
    title: m.title,
    body: m.body,
    componentIds: m.componentIds.filter((id) => shown.has(id)),
    scheduledFor: m.scheduledFor,
    scheduledUntil: m.scheduledUntil,
    ...(m.completedAt && { completedAt: m.completedAt }),
    ...(m.cancelledAt && { cancelledAt: m.cancelledAt }),
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  }));

  const { settings } = site;
  return {
    page: { id: settings.pageId, name: settings.name, url: site.url, timeZone: settings.timeZone },
    components: [...shown.values()],
    incidents,
    maintenances,
    withheldIds,
    historyDays: settings.historyDays,
    now,
  };
}
