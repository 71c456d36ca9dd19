import { browser } from 'wxt/browser';

export const MENU = {
  root: 'sitrep',
  clip: 'sitrep-clip',
  clipWithScreenshot: 'sitrep-clip-screenshot',
  newIncident: 'sitrep-clip-new-incident',
} as const;

type Contexts = NonNullable<Parameters<typeof browser.contextMenus.create>[0]['contexts']>;
const CONTEXTS: Contexts = ['selection', 'link', 'image', 'page'];

/** The target's name in menu titles: "INC-42", or a prompt when no incident is active. */
function clipTitle(activeKey: string | undefined, screenshot = false): string {
  const where = activeKey ? `Add to ${activeKey} timeline` : 'Add to timeline (choose the incident)';
  return screenshot ? `${where} with screenshot` : where;
}

/** Creates Sitrep's context menu (on install and browser start: menus do not persist in MV3). */
export async function createContextMenus(activeKey: string | undefined): Promise<void> {
  await browser.contextMenus.removeAll();
  const contexts = CONTEXTS;
  browser.contextMenus.create({ id: MENU.root, title: 'Sitrep', contexts });
  browser.contextMenus.create({ id: MENU.clip, parentId: MENU.root, title: clipTitle(activeKey), contexts });
  browser.contextMenus.create({ id: MENU.clipWithScreenshot, parentId: MENU.root, title: clipTitle(activeKey, true), contexts });
  browser.contextMenus.create({ id: MENU.newIncident, parentId: MENU.root, title: 'Start a new incident from this clip', contexts });
}

/** Follows the active incident, so the menu always says where a clip will go. */
export async function updateContextMenuTitles(activeKey: string | undefined): Promise<void> {
  await Promise.all([
    browser.contextMenus.update(MENU.clip, { title: clipTitle(activeKey) }),
    browser.contextMenus.update(MENU.clipWithScreenshot, { title: clipTitle(activeKey, true) }),
  ]).catch(() => createContextMenus(activeKey));
}
