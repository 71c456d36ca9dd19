import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showHeldCount } from '../../src/clipper/feedback';
import { NEW_DAY_ALARM, nextLocalMidnight, refreshStatusBadge } from '../../src/publish/cadence-watch';
import { addActionItem, declareIncident, overdueActionItemsForBadge } from '../../src/db';
import { overdueActionItemsOnBadgeItem } from '../../src/db/storage-items';
import { freshDb } from './fresh-db';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the overdue action-item count on the toolbar badge', () => {
  it('counts overdue items in the given zone only while the setting is on', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV2' }, { author: 'Ana' });
    await addActionItem(db, { incidentId: incident.id, text: 'a', kind: 'hotfix', due: '2026-10-31' });
    const now = new Date('2026-11-01T04:30:00.000Z');
    expect(await overdueActionItemsForBadge(db, now, 'America/New_York')).toBe(0);
    await overdueActionItemsOnBadgeItem.setValue(true);
    expect(await overdueActionItemsForBadge(db, now, 'America/New_York')).toBe(1);
    expect(await overdueActionItemsForBadge(db, now, 'America/Los_Angeles')).toBe(0);
  });

  it.each([
    [0, false, 3, '3', 'Sitrep: 3 action item(s) overdue'],
    [2, false, 3, '2', 'Sitrep: 2 clip(s) waiting — which incident?; 3 action item(s) overdue'],
    [0, true, 3, '!', 'Sitrep: public update overdue for INC-4 (due 10:15 UTC); 3 action item(s) overdue'],
    [0, false, 0, '', 'Sitrep'],
  ])('held %i, update owed %s, items %i → badge %j', async (held, owed, items, text, title) => {
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined as never);
    const setTitle = vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined as never);
    await showHeldCount(held, owed ? { key: 'INC-4', dueAt: '2026-11-01T10:15:00.000Z' } : undefined, items);
    expect(setText).toHaveBeenCalledWith({ text });
    expect(setTitle).toHaveBeenCalledWith({ title });
  });
});

describe('refreshStatusBadge', () => {
  it('puts the overdue count on the badge once the setting is on, and wakes after local midnight', async () => {
    const db = freshDb();
    const now = new Date('2026-11-30T15:00:00.000Z');
    // Declared a minute ago: its first public update is not yet due, so only the items count.
    const incident = await declareIncident(db, { title: 'x', severity: 'SEV2' }, { author: 'Ana', now: new Date(now.getTime() - 60_000) });
    await addActionItem(db, { incidentId: incident.id, text: 'a', kind: 'hotfix', due: '2020-01-01' });
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined as never);
    await refreshStatusBadge(db, now);
    expect(setText).toHaveBeenLastCalledWith({ text: '' });
    expect(await fakeBrowser.alarms.get(NEW_DAY_ALARM)).toBeUndefined();
    await overdueActionItemsOnBadgeItem.setValue(true);
    await refreshStatusBadge(db, now);
    expect(setText).toHaveBeenLastCalledWith({ text: '1' });
    expect((await fakeBrowser.alarms.get(NEW_DAY_ALARM))?.scheduledTime).toBe(nextLocalMidnight(now).getTime());
  });

  it.each([
    // New York leaves DST on 1 Nov 2026 and enters it on 8 Mar; Lord Howe (01:00 on 5 Apr, +11) falls back
    // 30 minutes that night, so its next midnight is at +10:30.
    ['2026-11-01T12:00:00.000Z', 'America/New_York', '2026-11-02T05:00:01.000Z'],
    ['2026-03-08T03:00:00.000Z', 'America/New_York', '2026-03-08T05:00:01.000Z'],
    ['2026-11-30T15:00:00.000Z', 'UTC', '2026-12-01T00:00:01.000Z'],
    ['2026-04-04T14:00:00.000Z', 'Australia/Lord_Howe', '2026-04-05T13:30:01.000Z'],
  ])('next local midnight after %s in %s is %s', (now, zone, expected) => {
    expect(nextLocalMidnight(new Date(now), zone).toISOString()).toBe(expected);
  });
});
