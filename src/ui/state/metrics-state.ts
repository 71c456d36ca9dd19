import { listComponents } from '../../db/components-repo';
import { listIncidents } from '../../db/incidents-repo';
import { listUpdates } from '../../db/updates-repo';
import type { SitrepDb } from '../../db/database';
import type { Incident, StatusUpdate } from '../../model';
import { liveSignal } from './live-signal';

interface MetricsData {
  incidents: Incident[];
  updates: StatusUpdate[];
  componentNames: Map<string, string>;
}

/** Every incident with its updates and the registry's names: what the metrics are computed from. */
export function createMetricsState(db: SitrepDb) {
  const data = liveSignal<MetricsData | undefined>(async () => {
    const [incidents, components] = await Promise.all([listIncidents(db), listComponents(db)]);
    const updates = (await Promise.all(incidents.map((i) => listUpdates(db, i.id)))).flat();
    return { incidents, updates, componentNames: new Map(components.map((c) => [c.id, c.name])) };
  }, undefined);
  return { data: data.value, loadError: data.error, dispose: data.dispose };
}

export type MetricsState = ReturnType<typeof createMetricsState>;
