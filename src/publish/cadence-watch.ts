import { TZDate } from '@date-fns/tz';
import { liveQuery } from '../db/live-query';
import { browser } from 'wxt/browser';
import { overdueActionItemsForBadge, type SitrepDb } from '../db';
import { overdueActionItemsOnBadgeItem, settingsItem } from '../db/storage-items';
import { readSettings } from '../model';
import { showHeldCount } from '../clipper/feedback';
import { findNextDueUpdate } from './overdue';

/** Wakes the worker when the next public update falls due, to mark it on the badge. */
export const CADENCE_ALARM = 'sitrep-cadence';

/** Wakes the worker just after local midnight: action items fall overdue by the calendar day. */
export const NEW_DAY_ALARM = 'sitrep-new-day';

/** A second into the next calendar day after `now`, in `zone` (the browser's own by default), DST included. */
export function nextLocalMidnight(now: Date, zone?: string): Date {
  const local = zone ? new TZDate(now, zone) : now;
  const next = zone
    ? new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 1, zone)
    : new Date(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 1);
  return new Date(next.getTime());
}

/** The badge as it should be now: held clips, any overdue public update, overdue action items (when asked for). */
export async function refreshStatusBadge(db: SitrepDb, now = new Date()): Promise<void> {
  const cadence = readSettings(await settingsItem.getValue()).cadence;
  const [heldCount, next, overdueItems] = await Promise.all([db.heldClips.count(), findNextDueUpdate(db, cadence, now), overdueActionItemsForBadge(db, now)]);
  await showHeldCount(heldCount, next?.overdue ? next : undefined, overdueItems);
  if (next && !next.overdue) await browser.alarms.create(CADENCE_ALARM, { when: Date.parse(next.dueAt) });
  else await browser.alarms.clear(CADENCE_ALARM);
  if (await overdueActionItemsOnBadgeItem.getValue()) await browser.alarms.create(NEW_DAY_ALARM, { when: nextLocalMidnight(now).getTime() });
  else await browser.alarms.clear(NEW_DAY_ALARM);
}

/**
 * Keeps the toolbar badge true to the update cadence: recomputed whenever incidents, updates,
 * held clips or the cadence setting change, and when the next update falls due (alarm).
 */
export function watchUpdateCadence(db: SitrepDb): () => void {
  const refresh = () => void refreshStatusBadge(db).catch(() => {});
  const sub = liveQuery(() => Promise.all([db.incidents.toArray(), db.updates.count(), db.heldClips.count(), db.actionItems.toArray()])).subscribe({
    next: refresh,
    error: () => {},
  });
  const unwatchSettings = settingsItem.watch(refresh);
  const unwatchBadge = overdueActionItemsOnBadgeItem.watch(refresh);
  const unwatch = () => {
    unwatchSettings();
    unwatchBadge();
  };
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === CADENCE_ALARM || alarm.name === NEW_DAY_ALARM) refresh();
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  return () => {
    sub.unsubscribe();
    unwatch();
    browser.alarms.onAlarm.removeListener(onAlarm);
  };
}
