import type { Component, Incident, Maintenance, StatusUpdate } from '../model';
import type { SitrepDb } from './database';

/** What the site is built from, before `selectPublic` narrows it to what may be published. */
export interface PublishableLog {
  incidents: Incident[];
  updates: StatusUpdate[];
  components: Component[];
  maintenances: Maintenance[];
}

/**
 * Reads the tables a publish needs in one snapshot, so a site is never built from an update
 * without its incident. Entries, clips and screenshots are not read at all.
 */
export function readPublishableLog(db: SitrepDb): Promise<PublishableLog> {
  return db.transaction('r', [db.incidents, db.updates, db.components, db.maintenances], async () => {
    const [updates, components, maintenances] = await Promise.all([db.updates.toArray(), db.components.toArray(), db.maintenances.toArray()]);
    const ids = [...new Set(updates.map((u) => u.incidentId))];
    const incidents = (await db.incidents.bulkGet(ids)).filter((i) => i !== undefined);
    return { incidents, updates, components, maintenances };
  });
}
