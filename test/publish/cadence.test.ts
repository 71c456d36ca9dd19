import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, type StatusUpdate } from '../../src/model';
import { nextUpdateDue } from '../../src/publish/cadence';
import { makeIncident, uuid } from '../report/records';

const update = (at: string): StatusUpdate => ({
  id: uuid(900),
  incidentId: uuid(1),
  status: 'investigating',
  body: 'Looking into it.',
  components: [],
  at,
  author: 'Ana',
  updatedAt: at,
});
const slowSev3 = { ...DEFAULT_CADENCE, everyMinutes: { ...DEFAULT_CADENCE.everyMinutes, SEV3: 60 } };

describe('nextUpdateDue', () => {
  it.each([
    ['first update, 4 min after declaring', 'SEV2', [], '09:04', DEFAULT_CADENCE, { dueAt: '09:05', overdue: false, first: true }],
    ['first update, 5 min after declaring', 'SEV2', [], '09:05', DEFAULT_CADENCE, { dueAt: '09:05', overdue: true, first: true }],
    ['30 min after the last update', 'SEV2', ['09:03', '09:20'], '09:49', DEFAULT_CADENCE, { dueAt: '09:50', overdue: false, first: false }],
    ['past the per-severity cadence', 'SEV3', ['09:03'], '10:04', slowSev3, { dueAt: '10:03', overdue: true, first: false }],
  ] as const)('%s', (_name, severity, at, now, cadence, expected) => {
    const incident = makeIncident({ severity, createdAt: '2026-11-28T09:00:00.000Z' });
    const iso = (hhmm: string) => `2026-11-28T${hhmm}:00.000Z`;
    expect(
      nextUpdateDue(
        incident,
        at.map((a) => update(iso(a))),
        cadence,
        new Date(iso(now)),
      ),
    ).toEqual({ ...expected, dueAt: iso(expected.dueAt) });
  });

  it('owes nothing once resolved', () => {
    expect(nextUpdateDue(makeIncident({ status: 'resolved' }), [], DEFAULT_CADENCE, new Date('2026-11-28T12:00:00.000Z'))).toBeUndefined();
  });
});
