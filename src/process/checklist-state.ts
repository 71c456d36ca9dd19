import {
  ChecklistStep,
  compareText,
  type ChecklistTick,
  type Incident,
  type IncidentChecklist,
  type StatusUpdate,
  type TimelineEntry,
  type UpdateCadence,
} from '../model';
import { nextUpdateDue } from '../publish/cadence';

/** Days after resolving by which the post-mortem should be under way. */
export const POSTMORTEM_DUE_DAYS = 5;

/**
 * Where a step stands: `auto` when what it asks for happened (the event says what), `hand` when
 * the incident manager ticked it with a note, `overdue` when its time passed undone, `pending`.
 */
export type StepStatus = 'auto' | 'hand' | 'overdue' | 'pending';

export interface StepState {
  step: ChecklistStep;
  status: StepStatus;
  /** What ticked it by itself, and when. */
  event?: { text: string; at: string };
  /** The hand tick, when there is one (shown even when an event ticked it too). */
  tick?: ChecklistTick;
  /** When it is due, where the process says. */
  dueAt?: string;
  /** A line of context: the next update's time, a missed cadence. */
  detail?: string;
}

export interface ChecklistFacts {
  incident: Incident;
  updates: readonly StatusUpdate[];
  /** The incident's comms entries (deleted ones left out). */
  comms: readonly TimelineEntry[];
  /** The hand ticks, if any were ever made. */
  checklist?: IncidentChecklist | undefined;
  /** When the post-mortem was started, if it was. */
  postmortemStartedAt?: string | undefined;
  cadence: UpdateCadence;
  now: Date;
}

const MINUTE = 60_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/**
 * Every step of the incident manager's workflow, in order, derived from what happened: nothing
 * here is stored but the hand ticks, so the checklist can never disagree with the timeline.
 */
export function checklistState(facts: ChecklistFacts): StepState[] {
  const { incident, cadence, now } = facts;
  const updates = facts.updates.toSorted((a, b) => compareText(a.at, b.at) || compareText(a.id, b.id));
  const first = updates[0];
  const nowIso = now.toISOString();
  const resolved = incident.status === 'resolved' && incident.resolvedAt !== undefined;

  const derived: Record<ChecklistStep, Omit<StepState, 'step' | 'status' | 'tick'> & { done: boolean; dueAt?: string }> = {
    acknowledge: incident.acknowledgedAt
      ? { done: true, event: { text: 'Acknowledged', at: incident.acknowledgedAt } }
      : // Before customers hear anything, someone must have confirmed it is real.
        { done: false, dueAt: plus(incident.createdAt, cadence.firstMinutes * MINUTE) },
    'status-page': first
      ? { done: true, event: { text: 'First public update published', at: first.at } }
      : resolved
        ? { done: false }
        : { done: false, dueAt: plus(incident.createdAt, cadence.firstMinutes * MINUTE) },
    'internal-email': internalEmail(facts.comms, first, cadence),
    'keep-updated': keepUpdated(incident, updates, cadence, now),
    resolve: resolved ? { done: true, event: { text: 'Resolved', at: incident.resolvedAt! } } : { done: false },
    postmortem: facts.postmortemStartedAt
      ? { done: true, event: { text: 'Post-mortem started', at: facts.postmortemStartedAt } }
      : resolved
        ? { done: false, dueAt: plus(incident.resolvedAt!, POSTMORTEM_DUE_DAYS * 24 * 60 * MINUTE) }
        : { done: false },
  };

  return ChecklistStep.options.map((step) => {
    const { done, dueAt, event, detail } = derived[step];
    const tick = facts.checklist?.ticks.findLast((t) => t.step === step);
    const status: StepStatus = done ? 'auto' : tick ? 'hand' : dueAt !== undefined && nowIso >= dueAt ? 'overdue' : 'pending';
    return { step, status, ...(event && { event }), ...(tick && { tick }), ...(dueAt && { dueAt }), ...(detail && { detail }) };
  });
}

/**
 * The internal email with the status page link: an email telling recorded from the checklist, an
 * email draft opened, or an email notifier that reached its list, at or after the first update.
 */
function internalEmail(comms: readonly TimelineEntry[], first: StatusUpdate | undefined, cadence: UpdateCadence) {
  if (!first) return { done: false };
  const email = comms.filter((e) => e.kind === 'comms' && !e.deletedAt && e.at >= first.at && isEmail(e)).sort((a, b) => compareText(a.at, b.at))[0];
  if (email) return { done: true, event: { text: email.told ? 'Internal email recorded' : 'Email drafted or sent', at: email.at } };
  return { done: false, dueAt: plus(first.at, cadence.firstMinutes * MINUTE) };
}

function isEmail(entry: TimelineEntry): boolean {
  if (entry.told) return entry.told.channel === 'email';
  // The words the composer's email drafts and the email notifier record (status-composer/email-drafts.tsx, publish/publisher.ts).
  return entry.text.startsWith('Drafted an email to ') || /^Told .+ \(email\) about the /.test(entry.text);
}

/**
 * The cadence kept: while open, overdue once the next update is late; once resolved, ticked if no
 * gap between updates (from the first to the resolution) was longer than the severity's cadence.
 */
function keepUpdated(incident: Incident, updates: readonly StatusUpdate[], cadence: UpdateCadence, now: Date) {
  const every = cadence.everyMinutes[incident.severity];
  if (!updates.length) return { done: false };
  if (incident.status !== 'resolved' || !incident.resolvedAt) {
    const due = nextUpdateDue(incident, updates, cadence, now);
    return { done: false, ...(due && { dueAt: due.dueAt }), detail: `Every ${every} min while open` };
  }
  const times = [...updates.map((u) => Date.parse(u.at)), Date.parse(incident.resolvedAt)].sort((a, b) => a - b);
  const longest = Math.max(0, ...times.slice(1).map((t, i) => t - times[i]!));
  const minutes = Math.round(longest / MINUTE);
  if (longest <= every * MINUTE) {
    return { done: true, event: { text: `Cadence kept: ${updates.length} update${updates.length === 1 ? '' : 's'}`, at: incident.resolvedAt } };
  }
  return { done: false, detail: `Cadence missed: a ${minutes} min gap (every ${every} min)` };
}
