import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/model';
import { commsChecklist } from '../../src/process/comms-checklist';
import { DEFAULT_STAKEHOLDERS } from '../../src/process/default-stakeholders';
import { commsAt, incidentAt, stakeholder, updateAt } from './fixtures';

const incident = incidentAt();
const management = stakeholder({ name: 'Management', channels: ['email', 'slack'], fromSeverity: 'SEV2', order: 0 });
const customers = stakeholder({ name: 'Customers', power: 'high', interest: 'low', channels: ['status-page'], fromSeverity: 'SEV3', order: 1 });
const execs = stakeholder({ name: 'Executives', power: 'high', interest: 'low', channels: ['email'], fromSeverity: 'SEV1', order: 2 });
const engineering = stakeholder({ name: 'Engineering', power: 'low', interest: 'high', channels: ['slack'], fromSeverity: 'SEV4', order: 3 });
const everyone = [execs, engineering, customers, management];

const first = updateAt(incident, '2026-03-28T10:05:00.000Z', { status: 'investigating' });
const second = updateAt(incident, '2026-03-28T10:35:00.000Z', { status: 'identified' });
const told = (who: typeof management, update: typeof first, channel: 'email' | 'slack', at: string) =>
  commsAt(incident, at, { told: { stakeholderId: who.id, channel, updateId: update.id } });

describe('commsChecklist', () => {
  it('owes nothing before the first update', () => {
    expect(commsChecklist({ stakeholders: everyone, severity: 'SEV1', updates: [], comms: [] })).toEqual({ now: [], owed: [] });
  });

  it.each<[Severity, string[]]>([
    ['SEV1', ['Management', 'Customers', 'Executives', 'Engineering']],
    ['SEV2', ['Management', 'Customers', 'Engineering']],
    ['SEV3', ['Customers', 'Engineering']],
    ['SEV4', ['Engineering']],
    ['SEV5', []],
  ])('at %s the latest update must reach %j, in the register order', (severity, names) => {
    const list = commsChecklist({ stakeholders: everyone, severity, updates: [first], comms: [] });
    expect(list.now.map((i) => i.stakeholder.name)).toEqual(names);
  });

  it('gives each the channels and the treatment the grid says', () => {
    const [item] = commsChecklist({ stakeholders: [management], severity: 'SEV2', updates: [first], comms: [] }).now;
    expect(item).toMatchObject({ quadrant: 'manage-closely', channels: ['email', 'slack'], told: [], update: { id: first.id } });
  });

  it('counts publishing as telling the status page readers', () => {
    const [item] = commsChecklist({ stakeholders: [customers], severity: 'SEV2', updates: [first], comms: [] }).now;
    expect(item!.told).toEqual([{ channel: 'status-page', at: first.at }]);
  });

  it('marks who was told about the latest update, and how', () => {
    const entry = told(management, second, 'slack', '2026-03-28T10:37:00.000Z');
    const list = commsChecklist({ stakeholders: [management, engineering], severity: 'SEV2', updates: [second, first], comms: [entry] });
    expect(list.now.map((i) => i.told)).toEqual([[{ channel: 'slack', at: entry.at, entryId: entry.id }], []]);
  });

  it('keeps earlier updates owed until the person hears a later one', () => {
    const comms = [told(management, first, 'email', '2026-03-28T10:06:00.000Z')];
    const list = commsChecklist({ stakeholders: [management, engineering], severity: 'SEV2', updates: [first, second], comms });
    // Engineering never heard the first update; management did.
    expect(list.owed.map((i) => [i.stakeholder.name, i.update.status])).toEqual([['Engineering', 'investigating']]);

    const caughtUp = [...comms, told(engineering, second, 'slack', '2026-03-28T10:40:00.000Z')];
    expect(commsChecklist({ stakeholders: [management, engineering], severity: 'SEV2', updates: [first, second], comms: caughtUp }).owed).toEqual([]);
  });

  it('owes executives what they missed once the incident is raised to SEV1', () => {
    const list = commsChecklist({ stakeholders: [execs], severity: 'SEV1', updates: [first, second], comms: [] });
    expect(list.now.map((i) => i.stakeholder.name)).toEqual(['Executives']);
    expect(list.owed.map((i) => i.update.id)).toEqual([first.id]);
  });

  it('ignores deleted tellings and tellings about another update', () => {
    const comms = [
      { ...told(management, second, 'email', '2026-03-28T10:36:00.000Z'), deletedAt: '2026-03-28T10:37:00.000Z' },
      told(management, first, 'email', '2026-03-28T10:06:00.000Z'),
    ];
    const [item] = commsChecklist({ stakeholders: [management], severity: 'SEV2', updates: [first, second], comms }).now;
    expect(item!.told).toEqual([]);
  });

  it('the default register places each group where the issue says', () => {
    const byName = Object.fromEntries(DEFAULT_STAKEHOLDERS.map((s) => [s.name, s]));
    expect(byName['Executives']!.fromSeverity).toBe('SEV1');
    expect(byName['Customers']!.channels).toEqual(['status-page']);
  });
});
