import { ChecklistTick, IncidentChecklist, toInstant, type ChecklistStep } from '../model';
import type { SitrepDb } from './database';

/** One incident's hand ticks, if any were ever made. */
export async function getChecklist(db: SitrepDb, incidentId: string): Promise<IncidentChecklist | undefined> {
  return db.checklists.get(incidentId);
}

/**
 * Ticks a step by hand, with why ("told execs on the bridge call"). Ticking it again replaces the
 * earlier tick: one tick per step, the latest word.
 */
export async function tickStep(
  db: SitrepDb,
  incidentId: string,
  step: ChecklistStep,
  { by, note }: { by: string; note: string },
  now = new Date(),
): Promise<IncidentChecklist> {
  const at = toInstant(now);
  const tick = ChecklistTick.parse({ step, at, by, note });
  return db.transaction('rw', db.incidents, db.checklists, async () => {
    if (!(await db.incidents.get(incidentId))) throw new Error('That incident is gone (erased in another window?)');
    const current = await db.checklists.get(incidentId);
    const checklist = IncidentChecklist.parse({
      incidentId,
      ticks: [...(current?.ticks ?? []).filter((t) => t.step !== step), tick],
      updatedAt: at,
    });
    await db.checklists.put(checklist);
    return checklist;
  });
}

/** Takes a hand tick back; a step an event ticked stays ticked. */
export async function untickStep(db: SitrepDb, incidentId: string, step: ChecklistStep, now = new Date()): Promise<void> {
  await db.transaction('rw', db.checklists, async () => {
    const current = await db.checklists.get(incidentId);
    if (!current?.ticks.some((t) => t.step === step)) return;
    await db.checklists.put({ ...current, ticks: current.ticks.filter((t) => t.step !== step), updatedAt: toInstant(now) });
  });
}

/** When the incident's post-mortem was started, if it was: what ticks the last step. */
export async function postmortemStartedAt(db: SitrepDb, incidentId: string): Promise<string | undefined> {
  return (await db.postmortems.get(incidentId))?.createdAt;
}
