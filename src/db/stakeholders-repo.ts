import { Stakeholder, toInstant } from '../model';
import { defaultStakeholders, type StakeholderDraft } from '../process/default-stakeholders';
import type { SitrepDb } from './database';
import { deleteForGood } from './tombstones-repo';

/** The meta row saying the default register was written once: a team that deletes them all keeps none. */
export const STAKEHOLDERS_SEEDED = 'stakeholdersSeeded';

/** What the register's form saves; a new stakeholder has no id and goes last unless `order` says. */
export type StakeholderInput = Omit<StakeholderDraft, 'order'> & { id?: string; order?: number };

function compareStakeholders(a: Stakeholder, b: Stakeholder): number {
  return a.order - b.order || a.name.localeCompare(b.name);
}

/** The register in its order (then by name). */
export async function listStakeholders(db: SitrepDb): Promise<Stakeholder[]> {
  return (await db.stakeholders.toArray()).sort(compareStakeholders);
}

/**
 * Writes the default register the first time, once: after that the team's edits (even an empty
 * register) stand. Returns whether it wrote them.
 */
export async function seedDefaultStakeholders(db: SitrepDb): Promise<boolean> {
  return db.transaction('rw', db.stakeholders, db.meta, async () => {
    if (await db.meta.get(STAKEHOLDERS_SEEDED)) return false;
    await db.meta.put({ name: STAKEHOLDERS_SEEDED, value: 1 });
    // A register already there (a restored backup) is the team's own: keep it as it is.
    if ((await db.stakeholders.count()) > 0) return false;
    await db.stakeholders.bulkAdd(defaultStakeholders());
    return true;
  });
}

/** Adds or changes a stakeholder; throws a ZodError naming the bad field, saving nothing. */
export async function saveStakeholder(db: SitrepDb, input: StakeholderInput, now = new Date()): Promise<Stakeholder> {
  return db.transaction('rw', db.stakeholders, async () => {
    const current = input.id === undefined ? undefined : await db.stakeholders.get(input.id);
    const order = input.order ?? current?.order ?? Math.max(-1, ...(await db.stakeholders.toArray()).map((s) => s.order)) + 1;
    const stakeholder = Stakeholder.parse({ ...input, order, id: input.id ?? crypto.randomUUID(), updatedAt: toInstant(now) });
    await db.stakeholders.put(stakeholder);
    return stakeholder;
  });
}

export async function deleteStakeholder(db: SitrepDb, id: string, now = new Date()): Promise<void> {
  await deleteForGood(db, 'stakeholders', id, now);
}

/**
 * Moves a stakeholder one place up (-1) or down (+1) and numbers the register 0, 1, 2…, in one
 * transaction. Returns whether anything moved.
 */
export async function moveStakeholder(db: SitrepDb, id: string, by: -1 | 1, now = new Date()): Promise<boolean> {
  return db.transaction('rw', db.stakeholders, async () => {
    const list = (await db.stakeholders.toArray()).sort(compareStakeholders);
    const from = list.findIndex((s) => s.id === id);
    const [moving, other] = [list[from], list[from + by]];
    if (from < 0 || !moving || !other) return false;
    list[from] = other;
    list[from + by] = moving;
    const at = toInstant(now);
    await db.stakeholders.bulkPut(list.flatMap((s, order) => (s.order === order ? [] : [Stakeholder.parse({ ...s, order, updatedAt: at })])));
    return true;
  });
}
