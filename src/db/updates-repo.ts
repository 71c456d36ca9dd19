import {
  COMPONENT_STATUS_LABELS,
  Component,
  STATUS_LABELS,
  StatusUpdate,
  compareText,
  toInstant,
  type ComponentChange,
  type ComponentStatus,
  type Incident,
  type IncidentStatus,
} from '../model';
import type { SitrepDb } from './database';
import { buildEntry } from './entries-repo';
import { patchIncident, type Who } from './incidents-repo';
import { requestNotify } from './outbox-repo';

/** What the incident manager posts from the composer. */
export interface NewStatusUpdate {
  incidentId: string;
  status: IncidentStatus;
  body: string;
  /** Components whose status this update sets. */
  components: { componentId: string; status: ComponentStatus }[];
  /** The public title and impact, when the composer edits them with the update. */
  publicTitle?: string;
  publicImpact?: string;
  /** Notifiers to tell about it: queued with the update, so saving it is asking for them. */
  notify?: readonly string[];
}

export interface PostedUpdate {
  update: StatusUpdate;
  incident: Incident;
}

/**
 * Posts a public status update in one transaction: the update itself, the incident's status and
 * public text, the components' new statuses, and a timeline entry that records what was
 * published. Throws (saving nothing) when the incident has no public title: customers would see
 * an update under no name.
 */
export async function postStatusUpdate(db: SitrepDb, input: NewStatusUpdate, { author, now = new Date() }: Who): Promise<PostedUpdate> {
  const at = toInstant(now);
  return db.transaction('rw', [db.incidents, db.entries, db.updates, db.components, db.outbox], async () => {
    const current = await db.incidents.get(input.incidentId);
    if (!current) throw new Error('That incident is gone (erased in another window?)');
    const incident = patchIncident(
      current,
      {
        status: input.status,
        ...(input.publicTitle !== undefined && { publicTitle: input.publicTitle }),
        ...(input.publicImpact !== undefined && { publicImpact: input.publicImpact }),
      },
      now,
    );
    if (!incident.publicTitle) throw new Error('Write a public title first: customers see it above every update.');

    const found = await db.components.bulkGet(input.components.map((c) => c.componentId));
    const changes: ComponentChange[] = [];
    const components: Component[] = [];
    input.components.forEach(({ componentId, status }, i) => {
      const component = found[i];
      if (!component) throw new Error('A component of this update was deleted; reopen the composer.');
      changes.push({ componentId, name: component.name, from: component.status, to: status });
      if (component.status !== status) components.push(Component.parse({ ...component, status, updatedAt: at }));
    });

    const update = StatusUpdate.parse({
      id: crypto.randomUUID(),
      incidentId: incident.id,
      status: input.status,
      body: input.body,
      components: changes,
      at,
      author,
      updatedAt: at,
    });
    await db.incidents.put(incident);
    await db.updates.add(update);
    if (components.length) await db.components.bulkPut(components);
    await db.entries.add({
      ...buildEntry({ incidentId: incident.id, kind: 'status', text: describeUpdate(update), author }, now),
      updateId: update.id,
    });
    if (input.notify?.length) await requestNotify(db, input.notify, update.id, now);
    return { update, incident };
  });
}

/** The timeline's record of a published update: its status, its words, what it set. */
export function describeUpdate(update: StatusUpdate): string {
  const lines = [`Published “${STATUS_LABELS[update.status]}”: ${update.body}`];
  for (const c of update.components) {
    lines.push(
      c.from === c.to ? `${c.name}: ${COMPONENT_STATUS_LABELS[c.to]}` : `${c.name}: ${COMPONENT_STATUS_LABELS[c.from]} → ${COMPONENT_STATUS_LABELS[c.to]}`,
    );
  }
  return lines.join('\n');
}

/** One incident's public updates, oldest first. */
export async function listUpdates(db: SitrepDb, incidentId: string): Promise<StatusUpdate[]> {
  const rows = await db.updates.where('incidentId').equals(incidentId).toArray();
  return rows.sort((a, b) => compareText(a.at, b.at) || compareText(a.id, b.id));
}
