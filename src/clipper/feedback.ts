import { browser } from 'wxt/browser';
import { describeClipError } from './clip-error';
import type { ClipResult } from './clip-tab';
import { showClipToast, type ClipToast } from './clip-toast';

/**
 * Tells the person what happened to a clip on the toolbar icon: ✓ added, a count of clips
 * waiting for an incident, or ! with the reason in the tooltip. Clips never fail silently.
 */
export async function showClipFeedback(result: ClipResult, heldCount: number, tabId?: number, overdue?: OverdueUpdate): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const target = tabId === undefined ? {} : { tabId };
  if (result.status === 'failed') {
    await action.setBadgeBackgroundColor({ color: '#b42318', ...target });
    await action.setBadgeText({ text: '!', ...target });
    // One sentence whatever the error said: a tooltip is no place for a schema dump.
    await action.setTitle({ title: `Sitrep: the clip failed — ${describeClipError(result.error)}`, ...target });
    return;
  }
  await showHeldCount(heldCount, overdue);
  if (result.status === 'added') {
    await action.setBadgeBackgroundColor({ color: '#1a7f37', ...target });
    await action.setBadgeText({ text: '✓', ...target });
    const notice = result.notices.length ? ` (${result.notices.join(' ')})` : '';
    await action.setTitle({ title: `Sitrep: clipped to ${result.incidentKey}${notice}`, ...target });
    setTimeout(() => void action.setBadgeText({ text: '', ...target }).catch(() => {}), 2500);
  }
}

/** A public update that is overdue, for the badge. */
export interface OverdueUpdate {
  key: string;
  dueAt: string;
}

/**
 * The global badge: how many clips wait for an incident (the popup asks where they go), whether
 * customers are owed a public update, and (when the setting asks for it) how many action items are
 * overdue. Held clips win the text (they are lost work if forgotten), then the owed update; the
 * tooltip names all three.
 */
export async function showHeldCount(heldCount: number, overdue?: OverdueUpdate, overdueActionItems = 0): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const held = heldCount ? `${heldCount} clip(s) waiting — which incident?` : '';
  const late = overdue ? `public update overdue for ${overdue.key} (due ${overdue.dueAt.slice(11, 16)} UTC)` : '';
  const items = overdueActionItems ? `${overdueActionItems} action item(s) overdue` : '';
  await action.setBadgeBackgroundColor({ color: heldCount ? '#9a6700' : overdue ? '#b42318' : '#6e3ac7' });
  await action.setBadgeText({ text: heldCount ? String(heldCount) : overdue ? '!' : overdueActionItems ? String(overdueActionItems) : '' });
  await action.setTitle({ title: held || late || items ? `Sitrep: ${[held, late, items].filter(Boolean).join('; ')}` : 'Sitrep' });
}

/** How long the in-page confirmation stays: long enough to reach Undo, short enough to forget. */
export const CLIP_TOAST_MS = 6000;

/** Sitrep's mark for the system notification (a data URL: the extension ships no icon files). */
const NOTIFICATION_ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGPgjllLEmIY1TCqYfhqAAAZyhQQSPgVNgAAAABJRU5ErkJggg==';

/** The system notification's id names the entry it may undo. */
export const NOTIFICATION_PREFIX = 'sitrep-clip:';

/**
 * Confirms a shortcut or menu clip where the person is looking: a small note in the clipped page
 * (with Undo and Open timeline), or, where the page refuses scripts, a system notification.
 * A failed clip is told by the badge alone.
 */
export async function confirmClipInPage(result: ClipResult, tabId: number | undefined): Promise<'page' | 'notification' | 'none'> {
  if (result.status === 'failed') return 'none';
  const toast: ClipToast =
    result.status === 'added'
      ? { message: `Clipped to ${result.incidentKey}`, undoEntryId: result.entryId, durationMs: CLIP_TOAST_MS }
      : { message: 'Clip held: open Sitrep to choose its incident', durationMs: CLIP_TOAST_MS };
  try {
    if (tabId === undefined) throw new Error('no tab');
    await browser.scripting.executeScript({ target: { tabId }, func: showClipToast, args: [toast] });
    return 'page';
  } catch {
    const notifications = (browser as { notifications?: typeof browser.notifications }).notifications;
    if (!notifications) return 'none';
    const id = NOTIFICATION_PREFIX + (result.status === 'added' ? result.entryId : '');
    const base = { type: 'basic' as const, iconUrl: NOTIFICATION_ICON, title: 'Sitrep', message: toast.message };
    const buttons = result.status === 'added' ? [{ title: 'Undo' }, { title: 'Open timeline' }] : [{ title: 'Open timeline' }];
    // Firefox has no notification buttons; there a click opens the timeline.
    await notifications.create(id, { ...base, buttons }).catch(() => notifications.create(id, base));
    return 'notification';
  }
}
