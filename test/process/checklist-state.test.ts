import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, type ChecklistStep } from '../../src/model';
import { POSTMORTEM_DUE_DAYS, checklistState, type ChecklistFacts, type StepStatus } from '../../src/process/checklist-state';
import { commsAt, incidentAt, updateAt, uuid } from './fixtures';

const T0 = '2026-03-28T10:00:00.000Z';
const min = (m: number) => new Date(Date.parse(T0) + m * 60_000).toISOString();

function statusOf(facts: Partial<ChecklistFacts> & Pick<ChecklistFacts, 'incident'>, step: ChecklistStep) {
  const steps = checklistState({ updates: [], comms: [], cadence: DEFAULT_CADENCE, now: new Date(min(1)), ...facts });
  return steps.find((s) => s.step === step)!;
}

const open = incidentAt({ createdAt: T0, startedAt: T0 });
const acked = incidentAt({ createdAt: T0, acknowledgedAt: min(3) });
const resolved = incidentAt({ createdAt: T0, acknowledgedAt: min(3), status: 'resolved', resolvedAt: min(60) });

describe('checklistState', () => {
  it('lists the six steps in the workflow order', () => {
    expect(checklistState({ incident: open, updates: [], comms: [], cadence: DEFAULT_CADENCE, now: new Date(T0) }).map((s) => s.step)).toEqual([
      'acknowledge',
      'status-page',
      'internal-email',
      'keep-updated',
      'resolve',
      'postmortem',
    ]);
  });

  it.each<[string, Partial<ChecklistFacts> & Pick<ChecklistFacts, 'incident'>, ChecklistStep, StepStatus, string | undefined]>([
    ['not acknowledged, within the first minutes', { incident: open, now: new Date(min(4)) }, 'acknowledge', 'pending', undefined],
    ['not acknowledged after the first 5 minutes', { incident: open, now: new Date(min(5)) }, 'acknowledge', 'overdue', undefined],
    ['acknowledged', { incident: acked, now: new Date(min(30)) }, 'acknowledge', 'auto', 'Acknowledged'],
    ['no public update yet, 6 minutes in', { incident: acked, now: new Date(min(6)) }, 'status-page', 'overdue', undefined],
    ['first public update published', { incident: acked, updates: [updateAt(acked, min(4))] }, 'status-page', 'auto', 'First public update published'],
    [
      'no email 10 minutes after the first update',
      { incident: acked, updates: [updateAt(acked, min(4))], now: new Date(min(10)) },
      'internal-email',
      'overdue',
      undefined,
    ],
    [
      'an email draft opened after the first update',
      {
        incident: acked,
        updates: [updateAt(acked, min(4))],
        comms: [commsAt(acked, min(6), { text: 'Drafted an email to Exec (x@example.com) about the “Investigating” update' })],
      },
      'internal-email',
      'auto',
      'Email drafted or sent',
    ],
    [
      'the email notifier told its list',
      { incident: acked, updates: [updateAt(acked, min(4))], comms: [commsAt(acked, min(5), { text: 'Told Staff (email) about the update' })] },
      'internal-email',
      'auto',
      'Email drafted or sent',
    ],
    [
      'a telling by email from the comms checklist',
      { incident: acked, updates: [updateAt(acked, min(4))], comms: [commsAt(acked, min(5), { told: { stakeholderId: uuid(), channel: 'email' } })] },
      'internal-email',
      'auto',
      'Internal email recorded',
    ],
    [
      'a Slack telling is not the email',
      {
        incident: acked,
        updates: [updateAt(acked, min(4))],
        comms: [commsAt(acked, min(5), { told: { stakeholderId: uuid(), channel: 'slack' } })],
        now: new Date(min(6)),
      },
      'internal-email',
      'pending',
      undefined,
    ],
    [
      'an email before the first update does not count',
      {
        incident: acked,
        updates: [updateAt(acked, min(4))],
        comms: [commsAt(acked, min(2), { told: { stakeholderId: uuid(), channel: 'email' } })],
        now: new Date(min(6)),
      },
      'internal-email',
      'pending',
      undefined,
    ],
    ['open, next update not yet due', { incident: acked, updates: [updateAt(acked, min(4))], now: new Date(min(33)) }, 'keep-updated', 'pending', undefined],
    ['open, next update late', { incident: acked, updates: [updateAt(acked, min(4))], now: new Date(min(34)) }, 'keep-updated', 'overdue', undefined],
    [
      'resolved with no gap over 30 minutes',
      { incident: resolved, updates: [updateAt(resolved, min(4)), updateAt(resolved, min(30)), updateAt(resolved, min(59))], now: new Date(min(70)) },
      'keep-updated',
      'auto',
      'Cadence kept: 3 updates',
    ],
    [
      'resolved after a 45-minute silence',
      { incident: resolved, updates: [updateAt(resolved, min(4)), updateAt(resolved, min(49))], now: new Date(min(70)) },
      'keep-updated',
      'pending',
      undefined,
    ],
    ['open', { incident: acked }, 'resolve', 'pending', undefined],
    ['resolved', { incident: resolved, now: new Date(min(70)) }, 'resolve', 'auto', 'Resolved'],
    ['no post-mortem while open', { incident: acked, now: new Date(min(60 * 24 * 30)) }, 'postmortem', 'pending', undefined],
    ['no post-mortem 4 days after resolving', { incident: resolved, now: new Date(min(60 + 60 * 24 * 4)) }, 'postmortem', 'pending', undefined],
    [
      'no post-mortem 5 days after resolving',
      { incident: resolved, now: new Date(min(60 + 60 * 24 * POSTMORTEM_DUE_DAYS)) },
      'postmortem',
      'overdue',
      undefined,
    ],
    ['post-mortem started', { incident: resolved, postmortemStartedAt: min(90), now: new Date(min(100)) }, 'postmortem', 'auto', 'Post-mortem started'],
  ])('%s: %s is %s', (_, facts, step, status, event) => {
    const state = statusOf(facts, step);
    expect(state.status).toBe(status);
    expect(state.event?.text).toBe(event);
  });

  it('says a missed cadence in words', () => {
    const state = statusOf({ incident: resolved, updates: [updateAt(resolved, min(4)), updateAt(resolved, min(49))] }, 'keep-updated');
    expect(state.detail).toBe('Cadence missed: a 45 min gap (every 30 min)');
  });

  it('ignores deleted comms entries', () => {
    const updates = [updateAt(acked, min(4))];
    const comms = [commsAt(acked, min(5), { told: { stakeholderId: uuid(), channel: 'email' }, deletedAt: min(6) })];
    expect(statusOf({ incident: acked, updates, comms, now: new Date(min(6)) }, 'internal-email').status).toBe('pending');
  });

  it('follows the severity cadence for keeping the page updated', () => {
    const cadence = { ...DEFAULT_CADENCE, everyMinutes: { ...DEFAULT_CADENCE.everyMinutes, SEV1: 15 } };
    const sev1 = incidentAt({ createdAt: T0, acknowledgedAt: min(1), severity: 'SEV1' });
    const state = statusOf({ incident: sev1, updates: [updateAt(sev1, min(4))], cadence, now: new Date(min(19)) }, 'keep-updated');
    expect(state).toMatchObject({ status: 'overdue', dueAt: min(19) });
  });

  describe('ticked by hand', () => {
    const tick = (step: ChecklistStep, note: string, at = min(8)) => ({ step, at, by: 'Ana', note });
    it('a hand tick with its note turns an overdue step done', () => {
      const checklist = { incidentId: acked.id, ticks: [tick('internal-email', 'Told execs on the bridge call')], updatedAt: min(8) };
      const state = statusOf({ incident: acked, updates: [updateAt(acked, min(4))], checklist, now: new Date(min(20)) }, 'internal-email');
      expect(state.status).toBe('hand');
      expect(state.tick?.note).toBe('Told execs on the bridge call');
    });

    it('the event wins, the hand note is kept beside it', () => {
      const checklist = { incidentId: resolved.id, ticks: [tick('resolve', 'Rolled back')], updatedAt: min(8) };
      const state = statusOf({ incident: resolved, checklist, now: new Date(min(70)) }, 'resolve');
      expect(state.status).toBe('auto');
      expect(state.tick?.note).toBe('Rolled back');
    });

    it('a tick of another step changes nothing here', () => {
      const checklist = { incidentId: open.id, ticks: [tick('postmortem', 'later')], updatedAt: min(8) };
      expect(statusOf({ incident: open, checklist, now: new Date(min(6)) }, 'acknowledge').status).toBe('overdue');
    });
  });
});
