import type { ComponentStatus } from '../../model';
import type { Component as ComponentDoc, GroupComponent, LeafComponent } from '../schema';

/** Component states from best to worst: what a group, a day or an overlap shows is the worst one. */
const STATUS_RANK: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export const statusRank = (status: ComponentStatus): number => STATUS_RANK[status];

export const worseStatus = (a: ComponentStatus, b: ComponentStatus): ComponentStatus => (STATUS_RANK[b] > STATUS_RANK[a] ? b : a);

/** A component before it becomes a Statuspage document: ours from the registry, or another publisher's read back. */
export interface LeafRecord {
  id: string;
  name: string;
  description: string | null;
  group?: string | undefined;
  /** Statuspage `position`: our `order` + 1, so it survives being read back and merged. */
  position: number;
  status: ComponentStatus;
  createdAt: string;
  updatedAt: string;
}

/**
 * A group's id, derived from its name so every publisher of the site gives the same group the same
 * id: two 32-bit FNV-1a hashes (different offsets) of the name, as 16 hex digits.
 */
export function groupId(name: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `group-${hex(a)}${hex(b)}`;
}

const byPosition = (a: { position: number; name: string }, b: { position: number; name: string }) => a.position - b.position || a.name.localeCompare(b.name);

/**
 * The Statuspage component list in page order: top-level components and groups by position then
 * name, each group followed by its members. A group's status is its worst member's, its position
 * its first member's.
 */
export function componentTree(leaves: LeafRecord[], pageId: string): ComponentDoc[] {
  const groups = new Map<string, LeafRecord[]>();
  const top: { position: number; name: string; leaf?: LeafRecord; members?: LeafRecord[] }[] = [];
  for (const leaf of leaves) {
    if (leaf.group === undefined) {
      top.push({ position: leaf.position, name: leaf.name, leaf });
      continue;
    }
    const members = groups.get(leaf.group);
    if (members) members.push(leaf);
    else groups.set(leaf.group, [leaf]);
  }
  for (const [name, members] of groups) {
    members.sort(byPosition);
    top.push({ position: members[0]!.position, name, members });
  }
  top.sort(byPosition);

  const leafDoc = (leaf: LeafRecord, group: string | null): LeafComponent => ({
    id: leaf.id,
    name: leaf.name,
    status: leaf.status,
    created_at: leaf.createdAt,
    updated_at: leaf.updatedAt,
    position: leaf.position,
    description: leaf.description,
    // Every component's uptime is shown on the page, as Statuspage does for showcased ones.
    showcase: true,
    start_date: null,
    group_id: group,
    page_id: pageId,
    group: false,
    only_show_if_degraded: false,
  });

  const out: ComponentDoc[] = [];
  for (const item of top) {
    if (item.leaf) {
      out.push(leafDoc(item.leaf, null));
      continue;
    }
    const members = item.members!;
    const id = groupId(item.name);
    let status: ComponentStatus = 'operational';
    let createdAt = members[0]!.createdAt;
    let updatedAt = members[0]!.updatedAt;
    for (const m of members) {
      status = worseStatus(status, m.status);
      if (m.createdAt < createdAt) createdAt = m.createdAt;
      if (m.updatedAt > updatedAt) updatedAt = m.updatedAt;
    }
    const group: GroupComponent = {
      id,
      name: item.name,
      status,
      created_at: createdAt,
      updated_at: updatedAt,
      position: item.position,
      description: null,
      showcase: true,
      start_date: null,
      group_id: null,
      page_id: pageId,
      group: true,
      only_show_if_degraded: false,
      components: members.map((m) => m.id),
    };
    out.push(group, ...members.map((m) => leafDoc(m, id)));
  }
  return out;
}

/** Another publisher's components, read back from the site, as records to merge with ours. */
export function leafRecords(docs: readonly ComponentDoc[]): LeafRecord[] {
  const groupNames = new Map<string, string>();
  for (const doc of docs) if (doc.group) groupNames.set(doc.id, doc.name);
  const out: LeafRecord[] = [];
  for (const doc of docs) {
    if (doc.group) continue;
    out.push({
      id: doc.id,
      name: doc.name,
      description: doc.description,
      group: doc.group_id === null ? undefined : groupNames.get(doc.group_id),
      position: doc.position,
      status: doc.status,
      createdAt: doc.created_at,
      updatedAt: doc.updated_at,
    });
  }
  return out;
}
