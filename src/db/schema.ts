import type { Transaction } from 'dexie';
import { upgradeToPublishing } from './upgrades/v3-publishing';
import { upgradeToSearchTerms } from './upgrades/v7-search-terms';

export const DB_NAME = 'sitrep';

/**
 * The table holding what the last import replaced, for its undo (see backup-repo.ts). Named here,
 * not typed on SitrepDb, so only the backup code and erasing the log reach it.
 */
export const IMPORT_UNDO_TABLE = 'importUndo';

export interface SchemaVersion {
  version: number;
  /** Only the tables whose indexes change in this version (Dexie keeps the rest). */
  stores: Record<string, string | null>;
  /** Moves data written by the previous version, where its shape changes. */
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

/**
 * Every schema version ever shipped, oldest first. Never edit a shipped entry: add one.
 * Indexes are only what a `where` or `orderBy` uses; text bodies and blobs are never indexed.
 * test/db/migrations.test.ts opens a database written by each of these and checks nothing is lost.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // &key: INC-42 lookups and uniqueness; startedAt: the incident list's order.
      incidents: 'id, &key, startedAt',
      // [incidentId+at]: one incident's timeline in time order, without reading the others.
      entries: 'id, [incidentId+at]',
      // Counters that must survive deletion (the next INC number).
      meta: 'name',
    },
  },
  {
    version: 2,
    stores: {
      // Blobs are never indexed: a screenshot is read by id from its entry's clip.
      screenshots: 'id',
      components: 'id',
      // takenAt: held clips are offered oldest first.
      heldClips: 'id, takenAt',
    },
  },
  {
    version: 3,
    stores: {
      // incidentId: an incident's public updates (the composer's previous update, the site build).
      updates: 'id, incidentId',
      // Few rows, always read whole.
      maintenances: 'id',
      // dueAt: the outbox sends what is due, oldest first.
      outbox: 'id, dueAt',
      // One row per publish target: its last result, for the popup and settings.
      publishResults: 'targetId',
    },
    // Incidents gain public title/impact, components their status-page fields, and internal
    // changes (severity, status) move from `status` (now: published status updates) to `change`.
    upgrade: upgradeToPublishing,
  },
  {
    version: 4,
    stores: {
      // One row: the copies the last import replaced and what it added, so it can be undone.
      [IMPORT_UNDO_TABLE]: 'id',
    },
  },
  {
    version: 5,
    stores: {
      // [incidentId+kind]: one incident's entries of one kind (who was told, customer reports)
      // without reading its whole timeline, which may hold 100,000 entries.
      entries: 'id, [incidentId+at], [incidentId+kind]',
    },
  },
  {
    version: 6,
    stores: {
      // The incident manager's process (issue 14). One post-mortem and one checklist per incident,
      // read by incident id; stakeholders are few and always read whole.
      postmortems: 'incidentId',
      checklists: 'incidentId',
      stakeholders: 'id',
      // incidentId: one incident's items in its post-mortem; the backlog reads every row (hundreds).
      actionItems: 'id, incidentId',
    },
  },
  {
    version: 7,
    stores: {
      // *terms: search finds an entry by the words of its text (written by search-terms.ts from the
      // text, never the text itself) without scanning 100,000 rows.
      entries: 'id, [incidentId+at], [incidentId+kind], *terms',
    },
    upgrade: upgradeToSearchTerms,
  },
];
