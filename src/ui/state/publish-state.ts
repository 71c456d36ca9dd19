import { computed } from '@preact/signals';
import { addEntry, listEntriesOfKind } from '../../db/entries-repo';
import { listComponents } from '../../db/components-repo';
import { listPublishResults, retryAllNow } from '../../db/outbox-repo';
import { listUpdates, postStatusUpdate, type NewStatusUpdate } from '../../db/updates-repo';
import type { SitrepDb } from '../../db/database';
import { notifiersItem, publishTargetsItem } from '../../db/storage-items';
import type { Component, PublishResult, StatusUpdate, TimelineEntry } from '../../model';
import { nudgeBackground, publishAfterChange } from './publishing-state';
import { readNotifiers, readTargets } from '../../publish/target-store';
import { liveSignal } from './live-signal';
import { storageSignal } from './storage-signal';

/**
 * For one incident (create one per incident: key the component by its id): its public updates, the components they can set, where the site is published,
 * who is told about updates and how the last publish and notification went; and the actions: post an update, retry now, record what was told.
 */
export function createPublishState(db: SitrepDb, incidentId: string, author: () => string) {
  const targets = storageSignal(publishTargetsItem, readTargets);
  const notifiers = storageSignal(notifiersItem, readNotifiers);
  const results = liveSignal<PublishResult[]>(() => listPublishResults(db), []);
  const components = liveSignal<Component[]>(() => listComponents(db), []);
  const updates = liveSignal<StatusUpdate[]>(() => listUpdates(db, incidentId), []);
  const publicComponents = computed(() => components.value.value.filter((c) => c.public));
  /** Who was told what, for "drafted 12:05" next to an email draft. */
  // By index: reading the whole timeline here would re-read it after every clip while the popup is open.
  const comms = liveSignal<TimelineEntry[]>(() => listEntriesOfKind(db, incidentId, 'comms'), []);

  return {
    targets: targets.value,
    notifiers: notifiers.value,
    results: results.value,
    comms: comms.value,
    updates: updates.value,
    publicComponents,
    /**
     * Saves the update (the log is the truth) with the notifications `input.notify` asks for, then
     * asks every target for a publish. Throws a one-sentence error, saving nothing, when the
     * update is not valid.
     */
    async post(input: NewStatusUpdate) {
      const posted = await postStatusUpdate(db, input, { author: author() });
      const targetIds = targets.value.value.map((t) => t.id);
      await publishAfterChange(db, targetIds);
      // With no target there is no publish to wake the background, yet the channels are owed.
      if (!targetIds.length && input.notify?.length) await nudgeBackground();
      return posted;
    },
    /** Something the person told someone themselves (an email draft they opened), on the timeline. */
    recordComms(text: string) {
      return addEntry(db, { incidentId, kind: 'comms', text, author: author() });
    },
    async retryNow() {
      await retryAllNow(db);
      await nudgeBackground();
    },
    dispose() {
      targets.dispose();
      notifiers.dispose();
      results.dispose();
      comms.dispose();
      components.dispose();
      updates.dispose();
    },
  };
}
