import { STAKEHOLDER_CHANNEL_LABELS, STATUS_LABELS, TimelineEntry, type StakeholderChannel, type StatusUpdate } from '../model';
import type { SitrepDb } from './database';
import { buildEntry } from './entries-repo';
import type { Who } from './incidents-repo';

/** Records on the timeline that a stakeholder was told about an update, and how. */
export async function recordTold(
  db: SitrepDb,
  input: { incidentId: string; stakeholder: { id: string; name: string }; channel: StakeholderChannel; update?: StatusUpdate },
  { author, now = new Date() }: Who,
): Promise<TimelineEntry> {
  const about = input.update ? ` about the “${STATUS_LABELS[input.update.status]}” update` : '';
  const entry: TimelineEntry = {
    ...buildEntry(
      { incidentId: input.incidentId, kind: 'comms', text: `Told ${input.stakeholder.name} by ${STAKEHOLDER_CHANNEL_LABELS[input.channel]}${about}`, author },
      now,
    ),
    told: { stakeholderId: input.stakeholder.id, channel: input.channel, ...(input.update && { updateId: input.update.id }) },
  };
  return addChecked(db, entry);
}

/** Records on the timeline an escalation to a component's contact, from a clip entry. */
export async function recordEscalation(
  db: SitrepDb,
  input: { incidentId: string; componentId: string; componentName: string; contact: string; how: string; entryId: string },
  { author, now = new Date() }: Who,
): Promise<TimelineEntry> {
  const entry: TimelineEntry = {
    ...buildEntry({ incidentId: input.incidentId, kind: 'comms', text: `Escalated to ${input.contact} (${input.componentName}) ${input.how}`, author }, now),
    escalation: { componentId: input.componentId, contact: input.contact, entryId: input.entryId },
  };
  return addChecked(db, entry);
}

/** Validates the entry with its structured part and adds it, if its incident is still there. */
async function addChecked(db: SitrepDb, input: TimelineEntry): Promise<TimelineEntry> {
  const entry = TimelineEntry.parse(input);
  await db.transaction('rw', db.incidents, db.entries, async () => {
    if (!(await db.incidents.get(entry.incidentId))) throw new Error('That incident is gone (erased in another window?)');
    await db.entries.add(entry);
  });
  return entry;
}
