import type { BrowserContext, Page, Worker } from 'playwright-core';

/** The ids of the context-menu items the background creates (src/clipper/context-menus.ts). */
export const MENU_ITEM = {
  clip: 'sitrep-clip',
  clipWithScreenshot: 'sitrep-clip-screenshot',
  newIncident: 'sitrep-clip-new-incident',
} as const;

/** An extension event as the worker's bindings expose it: `dispatch` runs its listeners. */
interface DispatchableEvent {
  hasListeners(): boolean;
  dispatch(...args: unknown[]): void;
}

/** The few chrome.* calls made inside the worker (the test project has no chrome typings). */
declare const chrome: {
  commands: { onCommand: DispatchableEvent };
  contextMenus: { onClicked: DispatchableEvent };
  tabs: { query(query: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
};

/** What Chrome hands a context-menu listener besides the item's id: where the right-click was. */
export interface MenuClickOn {
  selectionText?: string;
  linkUrl?: string;
  srcUrl?: string;
  mediaType?: 'image';
}

/**
 * Sitrep's service worker. Chrome offers no way to press an extension shortcut or pick a
 * context-menu item from a test, so these fire the very events Chrome fires
 * (`chrome.commands.onCommand`, `chrome.contextMenus.onClicked`) through the event's own
 * dispatch, inside the worker: every listener the background registered runs, and nothing else.
 */
export class BackgroundWorker {
  private constructor(readonly worker: Worker) {}

  static async of(context: BrowserContext): Promise<BackgroundWorker> {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return new BackgroundWorker(worker);
  }

  /** Presses the keyboard shortcut bound to `command` while `page` is the tab in front. */
  async pressShortcut(command: string, page: Page): Promise<void> {
    await page.bringToFront();
    await this.worker.evaluate(async (name) => {
      const event = chrome.commands.onCommand;
      if (!event.hasListeners()) throw new Error('The background listens to no command');
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      event.dispatch(name, tab);
    }, command);
  }

  /** Picks one of Sitrep's context-menu items after a right-click on `page` (on a link, image or selection). */
  async pickMenuItem(menuItemId: string, page: Page, on: MenuClickOn = {}): Promise<void> {
    await page.bringToFront();
    await this.worker.evaluate(
      async ({ menuItemId, on, pageUrl }) => {
        const event = chrome.contextMenus.onClicked;
        if (!event.hasListeners()) throw new Error('The background listens to no context-menu click');
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        event.dispatch({ menuItemId, parentMenuItemId: 'sitrep', editable: false, pageUrl, frameId: 0, ...on }, tab);
      },
      { menuItemId, on, pageUrl: page.url() },
    );
  }

  /** The toolbar badge's text over the tab in front (a tab's own text, else the global one). */
  badgeText(): Promise<string> {
    return this.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getBadgeText(tab?.id === undefined ? {} : { tabId: tab.id });
    });
  }

  /** The toolbar button's tooltip over the tab in front. */
  badgeTitle(): Promise<string> {
    return this.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getTitle(tab?.id === undefined ? {} : { tabId: tab.id });
    });
  }
}
