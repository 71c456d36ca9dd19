import { browser } from 'wxt/browser';
import type { SitrepDb } from '../db';
import { loadBundles } from './bundles';
import { createPublisher } from './publisher';
import { loadPublishing, loadSecret } from './target-store';
import { sendNotification } from './notifiers/notify';
import { openTarget } from './open-target';

/** The publisher wired to the browser: storage for targets and secrets, alarms, fetch. */
export function createExtensionPublisher(db: SitrepDb) {
  return createPublisher(db, {
    loadPublishing,
    loadSecret,
    loadBundles,
    openTarget: (target, secret) => openTarget(target, secret),
    send: (notifier, secret, notification) => sendNotification(notifier, secret, notification),
    alarms: {
      create: (name, info) => browser.alarms.create(name, info),
      clear: (name) => browser.alarms.clear(name),
    },
  });
}
