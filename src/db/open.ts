import { createSitrepDb, type SitrepDb } from './database';

let shared: SitrepDb | undefined;

/** The one connection this extension page or worker uses. */
export function getDb(): SitrepDb {
  return (shared ??= createSitrepDb());
}
