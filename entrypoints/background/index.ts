import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createClipper } from '../../src/clipper/clipper';
import { getDb } from '../../src/db/open';
import { requestPersistentStorage } from '../../src/db/persist';
import { activeIncidentIdItem } from '../../src/db/storage-items';

export default defineBackground(() => {
  const clipper = createClipper(getDb());

  // Every listener is registered synchronously, so a service worker woken by the event sees it.
  browser.runtime.onInstalled.addListener(() => {
    void clipper.setUp();
    void requestPersistentStorage();
  });
  browser.runtime.onStartup.addListener(() => void clipper.setUp());
  browser.commands.onCommand.addListener((command, tab) => clipper.onCommand(command, tab));
  browser.contextMenus.onClicked.addListener((info, tab) => clipper.onMenuClick(info, tab));
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const reply = clipper.onMessage(message, sender);
    if (!reply) return undefined;
    // sendResponse + `true` rather than a returned promise: older Chrome ignores the promise.
    void reply.then(sendResponse);
    return true;
  });
  activeIncidentIdItem.watch(() => void clipper.onActiveIncidentChanged());
});
