import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import type { SitrepDb } from '../db';
import { settingsItem } from '../db/storage-items';
import { readSettings } from '../model';
import { showHeldCount } from '../clipper/feedback';
import { findNextDueUpdate } from './overdue';

/** Wakes the worker when the next public update falls due, to mark it on the badge. */
export const CADENCE_ALARM = 'sitrep-cadence';

/** The badge as it should be now: held clips and any overdue public update. */
export async function refreshStatusBadge(db: SitrepDb, now = new Date()): Promise<void> {
  const cadence = readSettings(await settingsItem.getValue()).cadence;
  const [heldCount, next] = await Promise.all([db.heldClips.count(), findNextDueUpdate(db, cadence, now)]);
  await showHeldCount(heldCount, next?.overdue ? next : undefined);
  if (next && !next.overdue) await browser.alarms.create(CADENCE_ALARM, { when: Date.parse(next.dueAt) });
  else await browser.alarms.clear(CADENCE_ALARM);
}

/**
 * Keeps the toolbar badge true to the update cadence: recomputed whenever incidents, updates,
 * held clips or the cadence setting change, and when the next update falls due (alarm).
 */
export function watchUpdateCadence(db: SitrepDb): () => void {
  const refresh = () => void refreshStatusBadge(db).catch(() => {});
  const sub = liveQuery(() => Promise.all([db.incidents.toArray(), db.updates.count(), db.heldClips.count()])).subscribe({ next: refresh, error: () => {} });
  const unwatch = settingsItem.watch(refresh);
  const onAlarm = (alarm: { name: string }) => {
    if (alarm.name === CADENCE_ALARM) refresh();
  };
  browser.alarms.onAlarm.addListener(onAlarm);
  return () => {
    sub.unsubscribe();
    unwatch();
    browser.alarms.onAlarm.removeListener(onAlarm);
  };
}
