import { computed } from '@preact/signals';
import { browser } from 'wxt/browser';
import { listComponents, listPublishResults, listUpdates, postStatusUpdate, requestPublish, retryAllNow, type NewStatusUpdate, type SitrepDb } from '../../db';
import { publishTargetsItem } from '../../db/storage-items';
import type { Component, PublishMessage, PublishResult, StatusUpdate } from '../../model';
import { readTargets } from '../../publish/target-store';
import { liveSignal } from './live-signal';
import { storageSignal } from './storage-signal';

/** Wakes the background to send what the outbox holds; the outbox keeps it if this is lost. */
async function nudgeBackground(): Promise<void> {
  const message: PublishMessage = { type: 'publish' };
  await browser.runtime.sendMessage(message).catch(() => {
    // No background to answer (it is starting): its alarm and start-up drain the outbox anyway.
  });
}

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
      const ids = targets.value.value.map((t) => t.id);
      if (ids.length) {
        await requestPublish(db, ids);
        await nudgeBackground();
      }
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
