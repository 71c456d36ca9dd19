import { browser, type Browser } from 'wxt/browser';
import { countHeldClips, deleteEntry, getIncident, type SitrepDb } from '../db';
import { activeIncidentIdItem, settingsItem } from '../db/storage-items';
import { readSettings } from '../model';
import { findNextDueUpdate } from '../publish/overdue';
import { clipTab, type ClipRequest, type ClipResult } from './clip-tab';
import { createContextMenus, MENU, updateContextMenuTitles } from './context-menus';
import { confirmClipInPage, NOTIFICATION_PREFIX, showClipFeedback, showHeldCount } from './feedback';
import { ClipMessage, OpenTimelineMessage, UndoClipMessage } from '../model/messages';
import { describeClipError } from './clip-error';
import { logFailure } from './log-failure';
import { openTimeline } from './open-timeline';

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

  /**
   * Entries a confirmation may still take back, by the tab it was shown in: Undo removes the clip
   * just taken, never any entry a message names. Memory is enough, the offer lasts seconds.
   */
  const undoable = new Map<string, number | undefined>();

  async function clip(request: ClipRequest, confirmInPage = false): Promise<ClipResult> {
    const result = await clipTab(db, request);
    const heldCount = await countHeldClips(db).catch(() => 0);
    await showClipFeedback(result, heldCount, request.tab.id, await overdueUpdate()).catch(() => {});
    if (confirmInPage) {
      if (result.status === 'added') {
        undoable.set(result.entryId, request.tab.id);
        setTimeout(() => undoable.delete(result.entryId), 60_000);
      }
      await confirmClipInPage(result, request.tab.id).catch(() => {});
    }
    return result;
  }

  async function undoClip(entryId: string, tabId: number | undefined): Promise<{ ok: boolean }> {
    if (!undoable.has(entryId) || (tabId !== undefined && undoable.get(entryId) !== tabId)) return { ok: false };
    undoable.delete(entryId);
    return deleteEntry(db, entryId).then(
      () => ({ ok: true }),
      () => ({ ok: false }),
    );
  }

  /** Opens the timeline beside the tab; called synchronously inside the gesture's event. */
  const openTimelineBeside = (tab: Tab | undefined) => openTimeline({ tabId: tab?.id, windowId: tab?.windowId });

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

    /**
     * Context menus do not survive a browser restart in MV3: create them on install and startup.
     * Never rejects: a failure is logged, and the next start-up or incident change tries again.
     */
    async setUp() {
      try {
        await createContextMenus(await activeKey());
        await showHeldCount(await countHeldClips(db), await overdueUpdate());
      } catch (e) {
        logFailure('setting up the menus and badge')(e);
      }
    },

    /** Renames the menus after the incident clips go to; never rejects (logged). */
    async onActiveIncidentChanged() {
      try {
        await updateContextMenuTitles(await activeKey());
      } catch (e) {
        logFailure('renaming the menus')(e);
      }
    },

    onCommand(command: string, tab: Tab | undefined) {
      if (command === 'open-timeline') return void openTimelineBeside(tab).catch(logFailure('opening the timeline'));
      if (command !== 'clip-selection' && command !== 'clip-with-screenshot') return;
      void (async () => {
        const target = tab ?? (await activeTab());
        if (target) await clip({ tab: target, ...(command === 'clip-with-screenshot' && { screenshot: true }) }, true);
      })().catch(logFailure('clipping from the shortcut'));
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
        void openTimelineBeside(tab).catch(logFailure('opening the timeline'));
        void clip({ ...fromMenu, holdForNewIncident: true }).catch(logFailure('clipping from the menu'));
      } else if (info.menuItemId === MENU.clip) void clip(fromMenu, true).catch(logFailure('clipping from the menu'));
      else if (info.menuItemId === MENU.clipWithScreenshot) void clip({ ...fromMenu, screenshot: true }, true).catch(logFailure('clipping from the menu'));
    },

    /** The system notification shown where a page refused the in-page confirmation. */
    onNotificationClicked(notificationId: string, buttonIndex?: number) {
      if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
      const entryId = notificationId.slice(NOTIFICATION_PREFIX.length);
      const undo = buttonIndex === 0 && entryId !== '';
      if (undo) void undoClip(entryId, undefined);
      else void openTimelineBeside(undefined).catch(logFailure('opening the timeline'));
      void browser.notifications.clear(notificationId).catch(() => {});
    },

    /** Messages from extension pages (the popup's "Clip this page") and the in-page confirmation. */
    onMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<ClipResult | { ok: boolean }> | undefined {
      if (sender.id !== browser.runtime.id) return undefined;
      const undo = UndoClipMessage.safeParse(message);
      if (undo.success) return undoClip(undo.data.entryId, sender.tab?.id ?? -1);
      if (OpenTimelineMessage.safeParse(message).success) {
        // At once, inside the click's gesture.
        return openTimelineBeside(sender.tab).then(
          () => ({ ok: true }),
          (e: unknown) => {
            logFailure('opening the timeline')(e);
            return { ok: false };
          },
        );
      }
      const parsed = ClipMessage.safeParse(message);
      if (!parsed.success) return undefined;
      const { tabId, screenshot, confirmInPage } = parsed.data;
      // Resolves with a failed result rather than rejecting: the asker shows it in one sentence.
      return (async (): Promise<ClipResult> => {
        const tab = tabId === undefined ? await activeTab() : await browser.tabs.get(tabId);
        if (!tab) return { status: 'failed', error: 'There is no tab to clip.' };
        return clip({ tab, ...(screenshot !== undefined && { screenshot }) }, confirmInPage);
      })().catch((e: unknown): ClipResult => ({ status: 'failed', error: describeClipError(e) }));
    },
  };
}
