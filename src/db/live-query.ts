/**
 * Dexie's live queries, for the UI's signals: `src/ui` reaches the database only through `src/db`,
 * so a change of storage library stays in this folder.
 */
export { liveQuery } from 'dexie';
