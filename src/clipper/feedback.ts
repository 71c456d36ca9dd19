import { browser } from 'wxt/browser';
import type { ClipResult } from './clip-tab';

/**
 * Tells the person what happened to a clip on the toolbar icon: ✓ added, a count of clips
 * waiting for an incident, or ! with the reason in the tooltip. Clips never fail silently.
 */
export async function showClipFeedback(result: ClipResult, heldCount: number, tabId?: number): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  const target = tabId === undefined ? {} : { tabId };
  if (result.status === 'failed') {
    await action.setBadgeBackgroundColor({ color: '#b42318', ...target });
    await action.setBadgeText({ text: '!', ...target });
    await action.setTitle({ title: `Sitrep: the clip failed — ${result.error}`, ...target });
    return;
  }
  await showHeldCount(heldCount);
  if (result.status === 'added') {
    await action.setBadgeBackgroundColor({ color: '#1a7f37', ...target });
    await action.setBadgeText({ text: '✓', ...target });
    const notice = result.notices.length ? ` (${result.notices.join(' ')})` : '';
    await action.setTitle({ title: `Sitrep: clipped to ${result.incidentKey}${notice}`, ...target });
    setTimeout(() => void action.setBadgeText({ text: '', ...target }).catch(() => {}), 2500);
  }
}

/** The global badge: how many clips wait for an incident (the popup asks where they go). */
export async function showHeldCount(heldCount: number): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeBackgroundColor({ color: '#9a6700' });
  await action.setBadgeText({ text: heldCount ? String(heldCount) : '' });
  await action.setTitle({ title: heldCount ? `Sitrep: ${heldCount} clip(s) waiting — which incident?` : 'Sitrep' });
}
