import type { StatusSnapshot } from '../../../src/feed/parse';

type Component = StatusSnapshot['components'][number];

/** Components by group in feed order; ungrouped ones first, under no heading (`group` undefined). */
export function groupComponents(components: Component[]): [group: string | undefined, members: Component[]][] {
  const groups = new Map<string | undefined, Component[]>([[undefined, []]]);
  for (const component of components) {
    const members = groups.get(component.group) ?? [];
    groups.set(component.group, [...members, component]);
  }
  return [...groups].filter(([, members]) => members.length);
}
