import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  declareIncident,
  deleteStakeholder,
  getChecklist,
  listEntriesOfKind,
  listStakeholders,
  moveStakeholder,
  postStatusUpdate,
  recordEscalation,
  recordTold,
  saveStakeholder,
  seedDefaultStakeholders,
  tickStep,
  untickStep,
  type StakeholderInput,
} from '../../src/db';
import { DEFAULT_STAKEHOLDERS } from '../../src/process/default-stakeholders';
import { freshDb } from './fresh-db';

const t = (hhmm: string) => new Date(`2026-11-28T${hhmm}:00.000Z`);
const finance: StakeholderInput = {
  name: ' Finance ',
  power: 'low',
  interest: 'high',
  channels: ['email'],
  reach: 'finance@example.com',
  fromSeverity: 'SEV2',
};

describe('the stakeholder register', () => {
  it('is seeded with the defaults once, in their order', async () => {
    const db = freshDb();
    expect(await seedDefaultStakeholders(db)).toBe(true);
    const seeded = await listStakeholders(db);
    expect(seeded.map((s) => s.name)).toEqual(DEFAULT_STAKEHOLDERS.map((s) => s.name));
    // The same ids and an old date on every machine: a colleague's backup merges with these, and any edit wins.
    expect(seeded.map((s) => s.id)).toEqual(DEFAULT_STAKEHOLDERS.map((_, i) => `5e7a0000-0000-4000-8000-00000000000${i + 1}`));
    expect(new Set(seeded.map((s) => s.updatedAt))).toEqual(new Set(['2026-01-01T00:00:00.000Z']));
    expect(await seedDefaultStakeholders(db)).toBe(false);
    expect(await listStakeholders(db)).toHaveLength(DEFAULT_STAKEHOLDERS.length);
  });

  it('stays empty once a team deletes every default', async () => {
    const db = freshDb();
    await seedDefaultStakeholders(db);
    for (const s of await listStakeholders(db)) await deleteStakeholder(db, s.id);
    expect(await seedDefaultStakeholders(db)).toBe(false);
    expect(await listStakeholders(db)).toEqual([]);
  });

  it('keeps a register already there (a restored backup) instead of adding the defaults', async () => {
    const db = freshDb();
    await saveStakeholder(db, finance);
    expect(await seedDefaultStakeholders(db)).toBe(false);
    expect((await listStakeholders(db)).map((s) => s.name)).toEqual(['Finance']);
  });

  it('adds one last, trimmed, and edits it in place', async () => {
    const db = freshDb();
    await saveStakeholder(db, { ...finance, name: 'Legal' });
    const saved = await saveStakeholder(db, finance, t('10:00'));
    expect(saved).toMatchObject({ name: 'Finance', order: 1, updatedAt: t('10:00').toISOString() });
    const edited = await saveStakeholder(db, { ...finance, id: saved.id, power: 'high', fromSeverity: 'SEV1' });
    expect(edited).toMatchObject({ id: saved.id, order: 1, power: 'high', fromSeverity: 'SEV1' });
    expect((await listStakeholders(db)).map((s) => s.name)).toEqual(['Legal', 'Finance']);
  });

  it.each([
    ['no name', { ...finance, name: '  ' }, 'Name the person or group'],
    ['no channel', { ...finance, channels: [] }, 'Choose how they are reached'],
  ])('refuses %s, saving nothing', async (_, input, message) => {
    const db = freshDb();
    const error = await saveStakeholder(db, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues[0]!.message).toBe(message);
    expect(await listStakeholders(db)).toEqual([]);
  });

  it('moves one up and renumbers the register', async () => {
    const db = freshDb();
    const [a, b, c] = [
      await saveStakeholder(db, { ...finance, name: 'A' }),
      await saveStakeholder(db, { ...finance, name: 'B' }),
      await saveStakeholder(db, { ...finance, name: 'C' }),
    ];
    expect(await moveStakeholder(db, c.id, -1)).toBe(true);
    expect((await listStakeholders(db)).map((s) => [s.name, s.order])).toEqual([
      ['A', 0],
      ['C', 1],
      ['B', 2],
    ]);
    expect(await moveStakeholder(db, a.id, -1)).toBe(false);
    expect(b.order).toBe(1);
  });
});

describe('telling, escalating and ticking', () => {
  async function incidentWithUpdate() {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'Checkout down', severity: 'SEV1' }, { author: 'Ana', now: t('09:00') });
    const { update } = await postStatusUpdate(
      db,
      { incidentId: incident.id, status: 'investigating', body: 'Looking', components: [], publicTitle: 'Payments' },
      { author: 'Ana', now: t('09:05') },
    );
    return { db, incident, update };
  }

  it('records who was told, how and about which update', async () => {
    const { db, incident, update } = await incidentWithUpdate();
    const exec = await saveStakeholder(db, { ...finance, name: 'Executives' });
    await recordTold(db, { incidentId: incident.id, stakeholder: exec, channel: 'email', update }, { author: 'Ana', now: t('09:07') });
    const [entry] = await listEntriesOfKind(db, incident.id, 'comms');
    expect(entry).toMatchObject({
      kind: 'comms',
      at: t('09:07').toISOString(),
      text: 'Told Executives by Email about the “Investigating” update',
      told: { stakeholderId: exec.id, channel: 'email', updateId: update.id },
    });
  });

  it('records an escalation from a clip', async () => {
    const { db, incident } = await incidentWithUpdate();
    const ids = [crypto.randomUUID(), crypto.randomUUID()] as const;
    await recordEscalation(
      db,
      { incidentId: incident.id, componentId: ids[0], componentName: 'Payments', contact: 'Payments on-call', how: 'by email draft', entryId: ids[1] },
      { author: 'Ana' },
    );
    const [entry] = await listEntriesOfKind(db, incident.id, 'comms');
    expect(entry).toMatchObject({
      text: 'Escalated to Payments on-call (Payments) by email draft',
      escalation: { componentId: ids[0], contact: 'Payments on-call', entryId: ids[1] },
    });
  });

  it('refuses to record for an incident that is gone', async () => {
    const db = freshDb();
    const exec = await saveStakeholder(db, finance);
    await expect(recordTold(db, { incidentId: crypto.randomUUID(), stakeholder: exec, channel: 'email' }, { author: 'Ana' })).rejects.toThrow(
      'That incident is gone',
    );
  });

  it('ticks a step by hand with a note, replaces it, and takes it back', async () => {
    const { db, incident } = await incidentWithUpdate();
    expect(await getChecklist(db, incident.id)).toBeUndefined();
    await tickStep(db, incident.id, 'internal-email', { by: 'Ana', note: 'Told execs on the bridge' }, t('09:10'));
    await tickStep(db, incident.id, 'acknowledge', { by: 'Ana', note: '' }, t('09:11'));
    await tickStep(db, incident.id, 'internal-email', { by: 'Bo', note: ' Sent from my phone ' }, t('09:12'));
    expect((await getChecklist(db, incident.id))!.ticks).toEqual([
      { step: 'acknowledge', at: t('09:11').toISOString(), by: 'Ana', note: '' },
      { step: 'internal-email', at: t('09:12').toISOString(), by: 'Bo', note: 'Sent from my phone' },
    ]);
    await untickStep(db, incident.id, 'internal-email', t('09:13'));
    expect((await getChecklist(db, incident.id))!.ticks.map((x) => x.step)).toEqual(['acknowledge']);
  });
});
