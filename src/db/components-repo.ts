import { COMPONENT_DEFAULTS, Component, compareComponents, toInstant } from '../model';
import type { SitrepDb } from './database';
import { deleteForGood } from './tombstones-repo';

/** What a form saves. The status-page fields it leaves out keep their value (or the defaults, new). */
export type ComponentInput = Omit<Component, 'id' | 'updatedAt' | keyof typeof COMPONENT_DEFAULTS> &
  Partial<Pick<Component, keyof typeof COMPONENT_DEFAULTS>> & { id?: string };

/** All components, in status page order (then by name). */
export async function listComponents(db: SitrepDb): Promise<Component[]> {
  const all = await db.components.toArray();
  return all.sort(compareComponents);
}

/**
 * Adds or changes a component; throws a ZodError naming the bad field, saving nothing. Editing
 * the name never resets the status a status update set; a new component goes last on the page.
 */
export async function saveComponent(db: SitrepDb, input: ComponentInput, now = new Date()): Promise<Component> {
  return db.transaction('rw', db.components, async () => {
    const current = input.id === undefined ? undefined : await db.components.get(input.id);
    const order = current ? current.order : Math.max(-1, ...(await db.components.toArray()).map((c) => c.order)) + 1;
    // The form's fields are all in `input` (a cleared group is absent); only the status-page
    // fields a form may leave out fall back to what is stored.
    const kept = current && { description: current.description, public: current.public, status: current.status };
    const component = Component.parse({
      ...COMPONENT_DEFAULTS,
      order,
      ...kept,
      ...input,
      id: input.id ?? crypto.randomUUID(),
      updatedAt: toInstant(now),
    });
    await db.components.put(component);
    return component;
  });
}

export async function deleteComponent(db: SitrepDb, id: string, now = new Date()): Promise<void> {
  await deleteForGood(db, 'components', id, now);
}

/**
 * Moves a component one place up (-1) or down (+1) on the status page, in one transaction, and
 * numbers the whole list 0, 1, 2…: components written before ordering existed all share order 0,
 * so swapping two numbers alone would change nothing. Returns whether anything moved.
 */
export async function moveComponent(db: SitrepDb, id: string, by: -1 | 1, now = new Date()): Promise<boolean> {
  return db.transaction('rw', db.components, async () => {
    const list = (await db.components.toArray()).sort(compareComponents);
    const from = list.findIndex((c) => c.id === id);
    const [moving, other] = [list[from], list[from + by]];
    if (from < 0 || !moving || !other) return false;
    list[from] = other;
    list[from + by] = moving;
    const at = toInstant(now);
    const changed = list.flatMap((c, order) => (c.order === order ? [] : [Component.parse({ ...c, order, updatedAt: at })]));
    await db.components.bulkPut(changed);
    return true;
  });
}
