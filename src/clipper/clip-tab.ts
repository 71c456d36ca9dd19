import { browser, type Browser } from 'wxt/browser';
import { applyPageFacts, pageFactsWanted } from '../capture/apply-page-facts';
import { buildClipDraft } from '../capture/build-clip';
import { extractGrafanaPage, extractKibanaPage } from '../capture/extract-page';
import { recognize } from '../capture/recognize';
import { addClip, getIncident, holdClip, listComponents, type SitrepDb } from '../db';
import { activeIncidentIdItem, settingsItem } from '../db/storage-items';
import { readSettings, type HeldScreenshot } from '../model';
import { readSelection } from './page-scripts';
import { captureVisibleTab } from './screenshot';

export interface ClipRequest {
  /** The tab to clip (the shortcut's, the menu's, or the popup's active tab). */
  tab: Pick<Browser.tabs.Tab, 'id' | 'windowId' | 'url' | 'title'>;
  /** From the context menu, which already knows these. */
  selectionText?: string;
  linkUrl?: string;
  srcUrl?: string;
  /** Attach a screenshot; undefined follows the setting. */
  screenshot?: boolean;
  /** Hold the clip to start a new incident from it, even if one is active. */
  holdForNewIncident?: boolean;
}

export type ClipResult =
  | { status: 'added'; entryId: string; incidentKey: string; notices: string[]; timings: ClipTimings }
  | { status: 'held'; heldId: string; notices: string[]; timings: ClipTimings }
  | { status: 'failed'; error: string };

export interface ClipTimings {
  /** From the request to the entry committed in IndexedDB. */
  totalMs: number;
  /** The storage step alone: validation, repository, transaction. */
  storeMs: number;
}

const RESTRICTED =
  'This page does not let extensions read it (browser pages, the web store, PDF viewers): clipped as a link only.';

/**
 * Clips a tab: reads the selection and what the page says (only now, through activeTab),
 * recognizes the tool and freezes its time window, optionally takes a screenshot, and writes the
 * entry to the active incident, or holds it when there is none. Never throws: a failure is a
 * result the caller shows.
 */
export async function clipTab(db: SitrepDb, request: ClipRequest, now = new Date()): Promise<ClipResult> {
  const started = performance.now();
  try {
    const { tab } = request;
    if (tab.id === undefined) throw new Error('No tab to clip.');
    const [settingsRaw, activeId, components] = await Promise.all([settingsItem.getValue(), activeIncidentIdItem.getValue(), listComponents(db)]);
    const settings = readSettings(settingsRaw);
    const notices: string[] = [];
    const pageUrl = tab.url ?? '';
    const clippedUrl = request.linkUrl ?? pageUrl;
    const recognized = recognize(clippedUrl, now);
    const wantsFacts = request.linkUrl ? undefined : pageFactsWanted(recognized.tool);

    const wantScreenshot = request.screenshot ?? settings.screenshotOnClip;
    const [page, facts, screenshot] = await Promise.all([
      runInTab(tab.id, readSelection),
      wantsFacts === 'grafana' ? runInTab(tab.id, extractGrafanaPage) : wantsFacts === 'kibana' ? runInTab(tab.id, extractKibanaPage) : undefined,
      wantScreenshot ? captureVisibleTab(tab.windowId!).catch((e: unknown) => e as Error) : undefined,
    ]);
    if (page instanceof Error) notices.push(RESTRICTED);
    let shot: HeldScreenshot | undefined;
    if (screenshot instanceof Error) notices.push(`No screenshot: ${screenshot.message}`);
    else shot = screenshot;

    const enriched = applyPageFacts(recognized, facts instanceof Error ? undefined : facts, now);
    const selection = request.selectionText ?? (page instanceof Error ? undefined : page?.selection);
    const draft = buildClipDraft({
      pageUrl,
      pageTitle: (page instanceof Error ? undefined : page?.title) || tab.title || '',
      ...(selection && { selection }),
      ...(request.linkUrl && { linkUrl: request.linkUrl }),
      ...(request.srcUrl && { imageUrl: request.srcUrl }),
      recognized: enriched.recognized,
      ...(enriched.panelTitle && { panelTitle: enriched.panelTitle }),
      ...(enriched.dashboardTitle && { dashboardTitle: enriched.dashboardTitle }),
      ...(notices.length && { notice: notices.join(' ') }),
      components,
    });

    const incident = activeId && !request.holdForNewIncident ? await getIncident(db, activeId) : undefined;
    const storeStart = performance.now();
    if (incident) {
      const entry = await addClip(db, { incidentId: incident.id, author: settings.author, draft, ...(shot && { screenshot: shot }) }, now);
      const end = performance.now();
      return { status: 'added', entryId: entry.id, incidentKey: incident.key, notices, timings: { totalMs: end - started, storeMs: end - storeStart } };
    }
    const held = await holdClip(db, { author: settings.author, draft, ...(shot && { screenshot: shot }) }, now);
    const end = performance.now();
    return { status: 'held', heldId: held.id, notices, timings: { totalMs: end - started, storeMs: end - storeStart } };
  } catch (e) {
    return { status: 'failed', error: e instanceof Error ? e.message : String(e) };
  }
}

/** Runs a self-contained function in the tab; an Error when the page refuses scripts. */
async function runInTab<T>(tabId: number, func: () => T): Promise<T | Error | undefined> {
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func });
    return result?.result as T | undefined;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
