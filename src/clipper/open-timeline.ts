import { browser } from 'wxt/browser';

/**
 * Opens the timeline beside a tab or window: Chrome's side panel, Firefox's sidebar, or a tab
 * where neither is allowed. The panel API is called before any await, so it runs inside the
 * user gesture (click, shortcut, menu) that Chrome requires.
 */
export function openTimeline(target: { tabId?: number; windowId?: number }): Promise<void> {
  const sidePanel = (browser as { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } }).sidePanel;
  const sidebar = (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  const where = target.tabId !== undefined ? { tabId: target.tabId } : { windowId: target.windowId ?? browser.windows.WINDOW_ID_CURRENT };
  let opening: Promise<void> | undefined;
  try {
    opening = sidePanel ? sidePanel.open(where) : sidebar?.open();
  } catch (e) {
    opening = Promise.reject(e);
  }
  return Promise.resolve(opening).catch(async () => {
    // Not allowed here (no gesture, or no panel support): a tab is the dependable fallback.
    await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
  });
}
