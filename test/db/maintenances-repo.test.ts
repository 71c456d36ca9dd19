import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { endMaintenance, listMaintenances, saveMaintenance } from '../../src/db';
import { maintenanceStatus, nextMaintenanceTransition } from '../../src/model';
import { freshDb } from './fresh-db';

const at = (hhmm: string) => `2026-12-02T${hhmm}:00.000Z`;
const window = {
  title: 'Database upgrade',
  body: 'Checkout may be slow for a few minutes.',
  componentIds: [],
  scheduledFor: at('02:00'),
  scheduledUntil: at('03:00'),
};

describe('scheduled maintenance', () => {
  it.each([
    ['01:59', 'scheduled', at('02:00')],
    ['02:00', 'in_progress', at('03:00')],
    ['02:59', 'in_progress', at('03:00')],
    ['03:00', 'completed', undefined],
  ])('at %s it is %s, next moving at %s', async (hhmm, status, next) => {
    const db = freshDb();
    const m = await saveMaintenance(db, window, 'Ben', new Date(at('00:00')));
    expect(maintenanceStatus(m, new Date(at(hhmm)))).toBe(status);
    expect(nextMaintenanceTransition(m, new Date(at(hhmm)))).toBe(next);
  });

  it('completed early or cancelled, it is completed and moves no more', async () => {
    const db = freshDb();
    const m = await saveMaintenance(db, window, 'Ben', new Date(at('00:00')));
    const done = await endMaintenance(db, m.id, 'completed', new Date(at('02:20')));
    expect(done.completedAt).toBe(at('02:20'));
    expect(maintenanceStatus(done, new Date(at('02:30')))).toBe('completed');
    expect(nextMaintenanceTransition(done, new Date(at('02:30')))).toBeUndefined();
    const other = await saveMaintenance(db, { ...window, title: 'Other' }, 'Ben', new Date(at('00:00')));
    expect((await endMaintenance(db, other.id, 'cancelled', new Date(at('01:00')))).cancelledAt).toBe(at('01:00'));
  });

  it('refuses a window that ends before it starts, saving nothing', async () => {
    const db = freshDb();
    const error = await saveMaintenance(db, { ...window, scheduledUntil: at('01:00') }, 'Ben').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues[0]?.message).toBe('The window must end after it starts');
    expect(await listMaintenances(db)).toEqual([]);
  });

  it('edits keep the author and creation time', async () => {
    const db = freshDb();
    const m = await saveMaintenance(db, window, 'Ben', new Date(at('00:00')));
    const edited = await saveMaintenance(db, { ...window, id: m.id, title: 'Postgres 17 upgrade' }, 'Ana', new Date(at('00:30')));
    expect(edited).toMatchObject({ id: m.id, author: 'Ben', createdAt: at('00:00'), updatedAt: at('00:30'), title: 'Postgres 17 upgrade' });
  });
});
