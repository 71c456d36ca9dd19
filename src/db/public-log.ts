import type { Component, Incident, Maintenance, Postmortem, StatusUpdate } from '../model';
import type { SitrepDb } from './database';

/** What the site is built from, before `selectPublic` narrows it to what may be published. */
export interface PublishableLog {
  incidents: Incident[];
  updates: StatusUpdate[];
  components: Component[];
  maintenances: Maintenance[];
  /** Only published ones; `selectPublic` reads nothing of them but their public part. */
  postmortems: Postmortem[];
}

/**
 * Reads the tables a publish needs in one snapshot, so a site is never built from an update
 * without its incident. Entries, clips and screenshots are not read at all.
 */
export function readPublishableLog(db: SitrepDb): Promise<PublishableLog> {
  return db.transaction('r', [db.incidents, db.updates, db.components, db.maintenances, db.postmortems], async () => {
    const [updates, components, maintenances] = await Promise.all([db.updates.toArray(), db.components.toArray(), db.maintenances.toArray()]);
    const ids = [...new Set(updates.map((u) => u.incidentId))];
    const incidents = (await db.incidents.bulkGet(ids)).filter((i) => i !== undefined);
    const postmortems = (await db.postmortems.bulkGet(ids)).filter((p): p is Postmortem => p !== undefined && p.public.publishedAt !== undefined);
    return { incidents, updates, components, maintenances, postmortems };
  });
}
