import * as z from 'zod';
import { Instant } from './instant';

/** The incident manager's workflow, in order. */
export const ChecklistStep = z.enum(['acknowledge', 'status-page', 'internal-email', 'keep-updated', 'resolve', 'postmortem']);
export type ChecklistStep = z.infer<typeof ChecklistStep>;

export const CHECKLIST_STEP_LABELS: Record<ChecklistStep, string> = {
  acknowledge: 'Acknowledge: engineering confirms it is real, and its impact',
  'status-page': 'Update the status page',
  'internal-email': 'Internal email with the status page link',
  'keep-updated': 'Keep the page updated on every finding',
  resolve: 'Resolve',
  postmortem: 'Post-mortem',
};

/** A step ticked by hand, with why (steps also tick themselves from what happens). */
export const ChecklistTick = z.strictObject({
  step: ChecklistStep,
  at: Instant,
  by: z.string().max(200),
  note: z.string().trim().max(1000),
});
export type ChecklistTick = z.infer<typeof ChecklistTick>;

/** One incident's hand-ticked steps. */
export const IncidentChecklist = z.strictObject({
  incidentId: z.uuid(),
  ticks: z.array(ChecklistTick).max(50),
  updatedAt: Instant,
});
export type IncidentChecklist = z.infer<typeof IncidentChecklist>;
