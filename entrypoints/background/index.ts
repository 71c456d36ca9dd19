import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createClipper } from '../../src/clipper/clipper';
import { logFailure } from '../../src/clipper/log-failure';
import { getDb } from '../../src/db/open';
import { requestPersistentStorage } from '../../src/db/persist';
import { activeIncidentIdItem, publishSecretsItem, publishTargetsItem } from '../../src/db/storage-items';
import { PublishMessage } from '../../src/model/messages';
import { createExtensionPublisher } from '../../src/publish/extension-publisher';
import { watchUpdateCadence } from '../../src/publish/cadence-watch';

export default defineBackground(() => {
  const db = getDb();
  const clipper = createClipper(db);
  const publisher = createExtensionPublisher(db);

  // Every listener is registered synchronously, so a service worker woken by the event sees it.
  browser.runtime.onInstalled.addListener(() => {
    void clipper.setUp();
    void requestPersistentStorage().catch(logFailure('asking for persistent storage'));
    void publisher.drain();
  });
  browser.runtime.onStartup.addListener(() => {
    void clipper.setUp();
    void publisher.drain();
  });
  browser.commands.onCommand.addListener((command, tab) => clipper.onCommand(command, tab));
  browser.contextMenus.onClicked.addListener((info, tab) => clipper.onMenuClick(info, tab));
  browser.notifications.onClicked.addListener((id) => clipper.onNotificationClicked(id));
  browser.notifications.onButtonClicked?.addListener((id, index) => clipper.onNotificationClicked(id, index));
  browser.alarms.onAlarm.addListener((alarm) => void publisher.onAlarm(alarm.name).catch(logFailure(`the ${alarm.name} alarm`)));
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id === browser.runtime.id && PublishMessage.safeParse(message).success) {
      void publisher.drain().then(() => sendResponse({ ok: true }));
      return true;
    }
    const reply = clipper.onMessage(message, sender);
    if (!reply) return undefined;
    // sendResponse + `true` rather than a returned promise: older Chrome ignores the promise.
    void reply.then(sendResponse, (e: unknown) => {
      logFailure('answering a message')(e);
      sendResponse({ ok: false });
    });
    return true;
  });
  activeIncidentIdItem.watch(() => void clipper.onActiveIncidentChanged());
  // A new token or URL may be what a waiting publish needed: try it now, not after the backoff.
  publishTargetsItem.watch(() => void publisher.retryNow().catch(logFailure('publishing after a target changed')));
  publishSecretsItem.watch(() => void publisher.retryNow().catch(logFailure('publishing after a secret changed')));
  watchUpdateCadence(db);
});
