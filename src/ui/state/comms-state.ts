import { listEntriesOfKind } from '../../db/entries-repo';
import { listStakeholders } from '../../db/stakeholders-repo';
import { listUpdates } from '../../db/updates-repo';
import { recordTold } from '../../db/comms-repo';
import type { SitrepDb } from '../../db/database';
import type { Stakeholder, StakeholderChannel, StatusUpdate, TimelineEntry } from '../../model';
import { liveSignal } from './live-signal';

/** For one incident: the register, its updates and who was told, and recording a telling. */
export function createCommsState(db: SitrepDb, incidentId: string, author: () => string) {
  const stakeholders = liveSignal<Stakeholder[]>(() => listStakeholders(db), []);
  const updates = liveSignal<StatusUpdate[]>(() => listUpdates(db, incidentId), []);
  // By index: the popup must not re-read a long timeline after every clip.
  const comms = liveSignal<TimelineEntry[]>(() => listEntriesOfKind(db, incidentId, 'comms'), []);
  return {
    stakeholders: stakeholders.value,
    updates: updates.value,
    comms: comms.value,
    /** Records on the timeline that `stakeholder` was told about `update` by `channel`. */
    tell: (stakeholder: Stakeholder, channel: StakeholderChannel, update: StatusUpdate) =>
      recordTold(db, { incidentId, stakeholder, channel, update }, { author: author() }),
    dispose() {
      stakeholders.dispose();
      updates.dispose();
      comms.dispose();
    },
  };
}

export type CommsState = ReturnType<typeof createCommsState>;
