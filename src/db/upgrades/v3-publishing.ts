import type { Transaction } from 'dexie';
import { COMPONENT_DEFAULTS } from '../../model/component';

/**
 * Version 3 (publishing). Before it, every `status` entry was written by Sitrep itself for an
 * internal change (declared, severity, status): none was ever published, so all become `change`,
 * and `status` means a published status update from now on. Nothing is public by default: the
 * public title and impact start empty.
 */
export async function upgradeToPublishing(tx: Transaction): Promise<void> {
  await tx
    .table('incidents')
    .toCollection()
    .modify((incident: Record<string, unknown>) => {
      incident.publicTitle ??= '';
      incident.publicImpact ??= '';
    });
  // Existing components keep the order they were listed in (by name) and stay operational.
  const components = (await tx.table('components').toArray()) as { id: string; name: string }[];
  const order = new Map(components.toSorted((a, b) => a.name.localeCompare(b.name)).map((c, i) => [c.id, i]));
  await tx
    .table('components')
    .toCollection()
    .modify((component: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(COMPONENT_DEFAULTS)) component[key] ??= value;
      component.order = order.get(component.id as string) ?? 0;
    });
  await tx
    .table('entries')
    .toCollection()
    .modify((entry: Record<string, unknown>) => {
      if (entry.kind === 'status') entry.kind = 'change';
    });
}
