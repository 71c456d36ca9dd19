import { getChecklist, postmortemStartedAt, tickStep, untickStep } from '../../db/checklists-repo';
import { listEntriesOfKind } from '../../db/entries-repo';
import { listUpdates } from '../../db/updates-repo';
import type { SitrepDb } from '../../db/database';
import type { ChecklistStep, IncidentChecklist, StatusUpdate, TimelineEntry } from '../../model';
import { liveSignal } from './live-signal';

/** For one incident: what the checklist is derived from, live, and ticking a step by hand. */
export function createImChecklistState(db: SitrepDb, incidentId: string, author: () => string) {
  const updates = liveSignal<StatusUpdate[]>(() => listUpdates(db, incidentId), []);
  const comms = liveSignal<TimelineEntry[]>(() => listEntriesOfKind(db, incidentId, 'comms'), []);
  const checklist = liveSignal<IncidentChecklist | undefined>(() => getChecklist(db, incidentId), undefined);
  const postmortem = liveSignal<string | undefined>(() => postmortemStartedAt(db, incidentId), undefined);
  return {
    updates: updates.value,
    comms: comms.value,
    checklist: checklist.value,
    postmortemStartedAt: postmortem.value,
    tick: (step: ChecklistStep, note: string) => tickStep(db, incidentId, step, { by: author(), note }),
    untick: (step: ChecklistStep) => untickStep(db, incidentId, step),
    dispose() {
      updates.dispose();
      comms.dispose();
      checklist.dispose();
      postmortem.dispose();
    },
  };
}

export type ImChecklistState = ReturnType<typeof createImChecklistState>;
