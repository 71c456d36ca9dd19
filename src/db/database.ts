import Dexie, { type EntityTable } from 'dexie';
import type {
  ActionItem,
  Component,
  HeldClip,
  Incident,
  IncidentChecklist,
  Maintenance,
  OutboxJob,
  Postmortem,
  PublishResult,
  Screenshot,
  Stakeholder,
  StatusUpdate,
  TimelineEntry,
} from '../model';
import { DB_NAME, SCHEMA_VERSIONS } from './schema';
import { searchTermsMiddleware, withoutTerms } from './search-terms';

/** A named counter or marker that outlives the rows it describes. */
export interface MetaRow {
  name: string;
  value: number;
}

export type SitrepDb = Dexie & {
  incidents: EntityTable<Incident, 'id'>;
  entries: EntityTable<TimelineEntry, 'id'>;
  meta: EntityTable<MetaRow, 'name'>;
  screenshots: EntityTable<Screenshot, 'id'>;
  components: EntityTable<Component, 'id'>;
  heldClips: EntityTable<HeldClip, 'id'>;
  updates: EntityTable<StatusUpdate, 'id'>;
  maintenances: EntityTable<Maintenance, 'id'>;
  outbox: EntityTable<OutboxJob, 'id'>;
  publishResults: EntityTable<PublishResult, 'targetId'>;
  postmortems: EntityTable<Postmortem, 'incidentId'>;
  checklists: EntityTable<IncidentChecklist, 'incidentId'>;
  stakeholders: EntityTable<Stakeholder, 'id'>;
  actionItems: EntityTable<ActionItem, 'id'>;
};

/** Opens (lazily) the incident log. Only the background and extension pages may call this. */
export function createSitrepDb(name = DB_NAME): SitrepDb {
  const db = new Dexie(name) as SitrepDb;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const v = db.version(version).stores(stores);
    if (upgrade) v.upgrade(upgrade);
  }
  db.use(searchTermsMiddleware);
  db.entries.hook('reading', withoutTerms);
  return db;
}
