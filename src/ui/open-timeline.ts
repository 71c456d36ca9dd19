import { browser } from 'wxt/browser';

/**
 * Opens the side panel beside the current tab (Chrome), or the sidebar (Firefox); falls back to
 * a tab where neither exists. Must run inside a user gesture.
 */
export async function openTimeline(): Promise<void> {
  const chromeSidePanel = (browser as { sidePanel?: { open(o: { windowId: number }): Promise<void> } }).sidePanel;
  const firefoxSidebar = (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (chromeSidePanel) {
      const win = await browser.windows.getCurrent();
      if (win.id !== undefined) return await chromeSidePanel.open({ windowId: win.id });
    }
    if (firefoxSidebar) return await firefoxSidebar.open();
  } catch {
    // Not allowed here (no gesture, or a popup window): a tab is the dependable fallback.
  }
  await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}
