import { describe, expect, it } from 'vitest';
import {
  addActionItem,
  calendarDay,
  countOverdueActionItems,
  declareIncident,
  deleteActionItem,
  listActionItems,
  listBacklog,
  saveImportedActionItems,
  updateActionItem,
} from '../../src/db';
import { freshDb } from './fresh-db';

describe('calendarDay: the user’s day, through DST changes', () => {
  it.each([
    // Berlin springs forward at 01:00 UTC on 29 March 2026: 00:30 UTC is already the 29th there.
    ['2026-03-29T00:30:00.000Z', 'Europe/Berlin', '2026-03-29'],
    ['2026-03-28T22:59:00.000Z', 'Europe/Berlin', '2026-03-28'],
    ['2026-03-28T23:00:00.000Z', 'Europe/Berlin', '2026-03-29'],
    // New York falls back at 06:00 UTC on 1 November 2026: 04:30 UTC is 00:30 EDT on the 1st, where
    // a fixed EST offset (−5) would still say 31 October.
    ['2026-11-01T04:30:00.000Z', 'America/New_York', '2026-11-01'],
    ['2026-11-01T03:59:00.000Z', 'America/New_York', '2026-10-31'],
    ['2026-11-02T04:30:00.000Z', 'America/New_York', '2026-11-01'],
    ['2026-11-01T04:30:00.000Z', 'Etc/UTC', '2026-11-01'],
    ['2026-01-01T10:30:00.000Z', 'Pacific/Kiritimati', '2026-01-02'],
  ])('%s in %s is %s', (now, zone, day) => {
    expect(calendarDay(new Date(now), zone)).toBe(day);
  });

  it('uses the process zone when none is given', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(calendarDay(new Date('2026-11-01T04:30:00.000Z'))).toBe('2026-11-01');
      process.env.TZ = 'America/Los_Angeles';
      expect(calendarDay(new Date('2026-11-01T04:30:00.000Z'))).toBe('2026-10-31');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('action items repository', () => {
  async function setUp() {
    const db = freshDb();
    const inc1 = await declareIncident(db, { title: 'Ledger down', severity: 'SEV1' }, { author: 'Ana', now: new Date('2026-10-20T08:00:00.000Z') });
    const inc2 = await declareIncident(db, { title: 'Slow search', severity: 'SEV3' }, { author: 'Ana', now: new Date('2026-10-25T08:00:00.000Z') });
    const at = (iso: string) => new Date(iso);
    const hotfix = await addActionItem(db, { incidentId: inc1.id, text: 'Roll back', kind: 'hotfix', due: '2026-10-31' }, at('2026-10-20T09:00:00.000Z'));
    const debt = await addActionItem(
      db,
      { incidentId: inc1.id, text: 'Shard the ledger', kind: 'tech-debt', owner: 'Ben', due: '2026-12-01' },
      at('2026-10-20T10:00:00.000Z'),
    );
    const older = await addActionItem(db, { incidentId: inc2.id, text: 'Alert on p99', kind: 'prevention', due: '2026-10-28' }, at('2026-10-26T09:00:00.000Z'));
    const noDue = await addActionItem(db, { incidentId: inc2.id, text: 'Write runbook', kind: 'process' }, at('2026-10-19T09:00:00.000Z'));
    const done = await addActionItem(
      db,
      { incidentId: inc2.id, text: 'Restart', kind: 'hotfix', due: '2026-10-01', status: 'done' },
      at('2026-10-25T09:00:00.000Z'),
    );
    return { db, inc1, inc2, hotfix, debt, older, noDue, done };
  }

  it('lists the backlog overdue first (most overdue first), then open by age, then closed', async () => {
    const { db, hotfix, debt, older, noDue, done } = await setUp();
    // 04:30 UTC on 1 Nov: in New York (00:30 EDT) it is the 1st, and the item due 31 Oct is overdue.
    const ny = calendarDay(new Date('2026-11-01T04:30:00.000Z'), 'America/New_York');
    const rows = await listBacklog(db, ny);
    expect(rows.map((r) => [r.item.text, r.overdue])).toEqual([
      [older.text, true],
      [hotfix.text, true],
      [noDue.text, false],
      [debt.text, false],
      [done.text, false],
    ]);
    expect(rows[0]).toMatchObject({ incidentKey: 'INC-2', incidentTitle: 'Slow search' });
    expect(await countOverdueActionItems(db, ny)).toBe(2);

    // The same instant in Los Angeles is still 31 October: that item is due today, not overdue.
    const la = calendarDay(new Date('2026-11-01T04:30:00.000Z'), 'America/Los_Angeles');
    expect((await listBacklog(db, la)).map((r) => r.item.text)).toEqual([older.text, noDue.text, hotfix.text, debt.text, done.text]);
    expect(await countOverdueActionItems(db, la)).toBe(1);
  });

  it('adds, edits, clears and deletes; lists one incident oldest first', async () => {
    const { db, inc1, hotfix, debt } = await setUp();
    const edited = await updateActionItem(
      db,
      hotfix.id,
      { status: 'in-progress', ticketUrl: 'https://jira.example.com/browse/OPS-9', owner: 'Cleo' },
      new Date('2026-10-21T00:00:00.000Z'),
    );
    expect(edited).toMatchObject({
      status: 'in-progress',
      owner: 'Cleo',
      ticketUrl: 'https://jira.example.com/browse/OPS-9',
      updatedAt: '2026-10-21T00:00:00.000Z',
      createdAt: hotfix.createdAt,
    });
    const cleared = await updateActionItem(db, hotfix.id, { due: undefined, ticketUrl: undefined });
    expect(cleared.due).toBeUndefined();
    expect('ticketUrl' in cleared).toBe(false);
    expect((await listActionItems(db, inc1.id)).map((i) => i.id)).toEqual([hotfix.id, debt.id]);
    await deleteActionItem(db, hotfix.id);
    expect((await listActionItems(db, inc1.id)).map((i) => i.id)).toEqual([debt.id]);
  });

  it.each([
    [{ text: '   ' }, 'Say what must be done'],
    [{ ticketUrl: 'javascript:alert(1)' }, 'ticketUrl'],
    [{ due: '2026-13-01' }, 'due'],
  ])('refuses %j, saving nothing', async (patch, message) => {
    const { db, inc1 } = await setUp();
    const before = await db.actionItems.count();
    await expect(addActionItem(db, { incidentId: inc1.id, text: 'x', kind: 'hotfix', ...patch })).rejects.toThrow(message);
    expect(await db.actionItems.count()).toBe(before);
  });

  it('refuses an item for an incident that is gone', async () => {
    const { db } = await setUp();
    await expect(addActionItem(db, { incidentId: crypto.randomUUID(), text: 'x', kind: 'hotfix' })).rejects.toThrow('That incident is gone');
  });

  it('saves imported items, never bringing back one deleted since the preview', async () => {
    const { db, hotfix, debt } = await setUp();
    await deleteActionItem(db, debt.id);
    await saveImportedActionItems(db, [
      { ...hotfix, status: 'done' },
      { ...debt, status: 'done' },
    ]);
    expect((await db.actionItems.get(hotfix.id))?.status).toBe('done');
    expect(await db.actionItems.get(debt.id)).toBeUndefined();
  });
});
