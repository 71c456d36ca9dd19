import { computed } from '@preact/signals';
import { listComponents, listPublishResults, listUpdates, postStatusUpdate, retryAllNow, type NewStatusUpdate, type SitrepDb } from '../../db';
import { publishTargetsItem } from '../../db/storage-items';
import type { Component, PublishResult, StatusUpdate } from '../../model';
import { nudgeBackground, publishAfterChange } from './publishing-state';
import { readTargets } from '../../publish/target-store';
import { liveSignal } from './live-signal';
import { storageSignal } from './storage-signal';

/**
 * For one incident (create one per incident: key the component by its id): its public updates, the components they can set, where the site is published and
 * how the last publish went; and the actions: post an update, retry now.
 */
export function createPublishState(db: SitrepDb, incidentId: string, author: () => string) {
  const targets = storageSignal(publishTargetsItem, readTargets);
  const results = liveSignal<PublishResult[]>(() => listPublishResults(db), []);
  const components = liveSignal<Component[]>(() => listComponents(db), []);
  const updates = liveSignal<StatusUpdate[]>(() => listUpdates(db, incidentId), []);
  const publicComponents = computed(() => components.value.value.filter((c) => c.public));

  return {
    targets: targets.value,
    results: results.value,
    updates: updates.value,
    publicComponents,
    /**
     * Saves the update (the log is the truth), then asks every target for a publish. Throws a
     * one-sentence error, saving nothing, when the update is not valid.
     */
    async post(input: NewStatusUpdate) {
      const posted = await postStatusUpdate(db, input, { author: author() });
      await publishAfterChange(db, targets.value.value.map((t) => t.id));
      return posted;
    },
    async retryNow() {
      await retryAllNow(db);
      await nudgeBackground();
    },
    dispose() {
      targets.dispose();
      results.dispose();
      components.dispose();
      updates.dispose();
    },
  };
}

export type PublishState = ReturnType<typeof createPublishState>;
