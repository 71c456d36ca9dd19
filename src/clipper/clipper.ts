import { browser, type Browser } from 'wxt/browser';
import { getIncident, type SitrepDb } from '../db';
import { activeIncidentIdItem, settingsItem } from '../db/storage-items';
import { readSettings } from '../model';
import { findNextDueUpdate } from '../publish/overdue';
import { clipTab, type ClipRequest, type ClipResult } from './clip-tab';
import { createContextMenus, MENU, updateContextMenuTitles } from './context-menus';
import { showClipFeedback, showHeldCount } from './feedback';
import { openTimeline } from '../ui/open-timeline';
import { ClipMessage } from '../model/messages';

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
    const heldCount = await db.heldClips.count().catch(() => 0);
    await showClipFeedback(result, heldCount, request.tab.id, await overdueUpdate()).catch(() => {});
    return result;
  }

  /** Opens the timeline beside the tab; called synchronously inside the gesture's event. */
  const openTimelineBeside = (tab: Tab | undefined) =>
    openTimeline({ tabId: tab?.id, windowId: tab?.windowId });

  /** The public update customers are owed now, if any: the badge keeps showing it after a clip. */
  async function overdueUpdate() {
    const next = await findNextDueUpdate(db, readSettings(await settingsItem.getValue()).cadence).catch(() => undefined);
    return next?.overdue ? next : undefined;
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
      await showHeldCount(await db.heldClips.count(), await overdueUpdate());
    },

    async onActiveIncidentChanged() {
      await updateContextMenuTitles(await activeKey());
    },

    onCommand(command: string, tab: Tab | undefined) {
      if (command === 'open-timeline') return void openTimelineBeside(tab);
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
        void openTimelineBeside(tab);
        void clip({ ...fromMenu, holdForNewIncident: true });
      } else if (info.menuItemId === MENU.clip) void clip(fromMenu);
      else if (info.menuItemId === MENU.clipWithScreenshot) void clip({ ...fromMenu, screenshot: true });
    },

    /** Messages from extension pages (the popup's "Clip this page"). */
    onMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<ClipResult> | undefined {
      if (sender.id !== browser.runtime.id) return undefined;
      const parsed = ClipMessage.safeParse(message);
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
