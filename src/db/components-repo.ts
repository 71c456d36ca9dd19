import { Component, toInstant } from '../model';
import type { SitrepDb } from './database';

export type ComponentInput = Omit<Component, 'id' | 'updatedAt'> & { id?: string };

/** All components, by name. */
export async function listComponents(db: SitrepDb): Promise<Component[]> {
  const all = await db.components.toArray();
  return all.toSorted((a, b) => a.name.localeCompare(b.name));
}

/** Adds or changes a component; throws a ZodError naming the bad field, saving nothing. */
export async function saveComponent(db: SitrepDb, input: ComponentInput, now = new Date()): Promise<Component> {
  const component = Component.parse({ ...input, id: input.id ?? crypto.randomUUID(), updatedAt: toInstant(now) });
  await db.components.put(component);
  return component;
}

export async function deleteComponent(db: SitrepDb, id: string): Promise<void> {
  await db.components.delete(id);
}
