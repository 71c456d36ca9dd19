import { browser } from 'wxt/browser';
import { describeClipError } from './clip-error';
import type { ClipResult } from './clip-tab';

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
 * The global badge: how many clips wait for an incident (the popup asks where they go), and
 * whether customers are owed a public update. Held clips win the text (they are lost work if
 * forgotten); the tooltip names both.
 */
export async function showHeldCount(heldCount: number, overdue?: OverdueUpdate): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const held = heldCount ? `${heldCount} clip(s) waiting — which incident?` : '';
  const late = overdue ? `public update overdue for ${overdue.key} (due ${overdue.dueAt.slice(11, 16)} UTC)` : '';
  await action.setBadgeBackgroundColor({ color: heldCount ? '#9a6700' : '#b42318' });
  await action.setBadgeText({ text: heldCount ? String(heldCount) : overdue ? '!' : '' });
  await action.setTitle({ title: held || late ? `Sitrep: ${[held, late].filter(Boolean).join('; ')}` : 'Sitrep' });
}
