import { browser, type Browser } from 'wxt/browser';
import { getIncident, type SitrepDb } from '../db';
import { activeIncidentIdItem } from '../db/storage-items';
import { clipTab, type ClipRequest, type ClipResult } from './clip-tab';
import { createContextMenus, MENU, updateContextMenuTitles } from './context-menus';
import { showClipFeedback, showHeldCount } from './feedback';
import { BackgroundMessage } from './messages';

type Tab = Browser.tabs.Tab;

/**
 * The background's clipping service: what the shortcut, the context menu and the popup's
 * "Clip this page" all run. The background entrypoint only wires browser events to these.
 */
export function createClipper(db: SitrepDb) {
  async function activeKey(): Promise<string | undefined> {
    const id = await activeIncidentIdItem.getValue();
    return id ? (await getIncident(db, id))?.key : undefined;
  }

  async function clip(request: ClipRequest): Promise<ClipResult> {
    const result = await clipTab(db, request);
    await showClipFeedback(result, await db.heldClips.count(), request.tab.id).catch(() => {});
    return result;
  }

  /** Opens the timeline beside the tab; called synchronously inside the gesture's event. */
  function openTimeline(tab: Tab | undefined) {
    const sidePanel = (browser as { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } }).sidePanel;
    const sidebar = (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    const opening = sidePanel
      ? sidePanel.open(tab?.id !== undefined ? { tabId: tab.id } : { windowId: tab?.windowId ?? browser.windows.WINDOW_ID_CURRENT })
      : sidebar?.open();
    return Promise.resolve(opening).catch(() => browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') }));
  }

  async function activeTab(): Promise<Tab | undefined> {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tab;
  }

  return {
    clip,

    /** Context menus do not survive a browser restart in MV3: create them on install and startup. */
    async setUp() {
      await createContextMenus(await activeKey());
      await showHeldCount(await db.heldClips.count());
    },

    async onActiveIncidentChanged() {
      await updateContextMenuTitles(await activeKey());
    },

    onCommand(command: string, tab: Tab | undefined) {
      if (command === 'open-timeline') return void openTimeline(tab);
      if (command !== 'clip-selection' && command !== 'clip-with-screenshot') return;
      void (async () => {
        const target = tab ?? (await activeTab());
        if (target) await clip({ tab: target, ...(command === 'clip-with-screenshot' && { screenshot: true }) });
      })();
    },

    onMenuClick(info: Browser.contextMenus.OnClickData, tab: Tab | undefined) {
      if (!tab) return;
      const fromMenu = {
        tab,
        ...(info.selectionText && { selectionText: info.selectionText }),
        ...(info.linkUrl && { linkUrl: info.linkUrl }),
        ...(info.srcUrl && { srcUrl: info.srcUrl }),
      };
      if (info.menuItemId === MENU.newIncident) {
        // The side panel asks for the title and severity; the held clip becomes its first entry.
        void openTimeline(tab);
        void clip({ ...fromMenu, holdForNewIncident: true });
      } else if (info.menuItemId === MENU.clip) void clip(fromMenu);
      else if (info.menuItemId === MENU.clipWithScreenshot) void clip({ ...fromMenu, screenshot: true });
    },

    /** Messages from extension pages (the popup's "Clip this page"). */
    onMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<ClipResult> | undefined {
      if (sender.id !== browser.runtime.id) return undefined;
      const parsed = BackgroundMessage.safeParse(message);
      if (!parsed.success) return undefined;
      const { tabId, screenshot } = parsed.data;
      return (async () => {
        const tab = tabId === undefined ? await activeTab() : await browser.tabs.get(tabId);
        if (!tab) return { status: 'failed', error: 'There is no tab to clip.' } as const;
        return clip({ tab, ...(screenshot !== undefined && { screenshot }) });
      })();
    },
  };
}
