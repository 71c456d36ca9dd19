import { Tombstone, toInstant, type TombstoneTable } from '../model';
import type { MetaRow, SitrepDb } from './database';

/**
 * Tombstones live in `meta` (a marker that outlives the row it describes), one row per deleted
 * record: `deleted:<table>:<id>`, its value the deletion time in epoch ms. No schema version is
 * needed, and erasing the log keeps them: what was deleted on purpose stays deleted.
 */
const PREFIX = 'deleted:';

export function tombstoneRow({ table, id, deletedAt }: Tombstone): MetaRow {
  return { name: `${PREFIX}${table}:${id}`, value: Date.parse(deletedAt) };
}

function fromRow({ name, value }: MetaRow): Tombstone | undefined {
  const [table, id] = name.slice(PREFIX.length).split(':');
  const at = new Date(value);
  const parsed = Tombstone.safeParse({ table, id, deletedAt: Number.isNaN(at.getTime()) ? undefined : at.toISOString() });
  return parsed.success ? parsed.data : undefined;
}

/** Every deletion recorded here; a damaged row is ignored. Reads `db.meta`. */
export async function listTombstones(db: SitrepDb): Promise<Tombstone[]> {
  const rows = await db.meta.where('name').startsWith(PREFIX).toArray();
  return rows.map(fromRow).filter((t): t is Tombstone => t !== undefined);
}

/** Deletes a record for good and records the deletion, in one transaction. */
export async function deleteForGood(db: SitrepDb, table: TombstoneTable, id: string, now = new Date()): Promise<void> {
  await db.transaction('rw', [db.table(table), db.meta], async () => {
    await db.table(table).delete(id);
    await db.meta.put(tombstoneRow({ table, id, deletedAt: toInstant(now) }));
  });
}
