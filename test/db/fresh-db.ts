import { afterEach } from 'vitest';
import { createSitrepDb, type SitrepDb } from '../../src/db';

const opened: SitrepDb[] = [];

/** A new, empty Sitrep database for one test; closed and deleted after each test of the file. */
export function freshDb(): SitrepDb {
  const db = createSitrepDb(`test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});
