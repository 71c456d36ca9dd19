import { browser, type Browser } from 'wxt/browser';
import type * as z from 'zod';
import { applyPageFacts, pageFactsWanted, type Enriched } from '../capture/apply-page-facts';
import { buildClip, CLIPPED_AS_LINK } from '../capture/build-clip';
import { PageSelection } from '../model/page-facts';
import { recognize, type Recognized } from '../capture/recognize';
import { addClip, getIncident, holdClip, listComponents, type SitrepDb } from '../db';
import { activeIncidentIdItem, settingsItem } from '../db/storage-items';
import { readSettings, type ClipDraft, type HeldScreenshot, type Incident } from '../model';
import type { ClipResult } from '../model/script-results';
import { describeClipError, firstSentence } from './clip-error';
import { PAGE_FACT_READERS, PAGE_FACT_SCHEMAS, readSelection } from './page-scripts';
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

export type { ClipResult } from '../model/script-results';

/** What an entry's text holds (TimelineEntry.text). */
const MAX_ENTRY_TEXT = 100_000;

const RESTRICTED = 'This page does not let extensions read it (browser pages, the web store, PDF viewers): clipped as a link only.';

/**
 * Clips a tab: reads the selection and what the page says (only now, through activeTab),
 * recognizes the tool and freezes its time window, optionally takes a screenshot, and writes the
 * entry to the active incident, or holds it when there is none or it is resolved. Never throws: a failure is a
 * result the caller shows, in one sentence.
 *
 * A clip is never lost to what a page says: every page-derived step degrades to less detail with
 * a notice, and an entry the incident will not take is held for the person to place instead.
 */
export async function clipTab(db: SitrepDb, request: ClipRequest, now = new Date()): Promise<ClipResult> {
  const started = performance.now();
  try {
    const { tab } = request;
    if (tab.id === undefined) throw new Error('There is no tab to clip.');
    const [settingsRaw, activeId, components] = await Promise.all([
      settingsItem.getValue(),
      activeIncidentIdItem.getValue(),
      // Tagging is a nicety; a component table that cannot be read must not cost the clip.
      listComponents(db).catch(() => []),
    ]);
    const settings = readSettings(settingsRaw);
    const notices: string[] = [];
    const pageUrl = tab.url ?? '';
    const clippedUrl = request.linkUrl ?? pageUrl;
    // Dashboards that name no zone (Zabbix, Nagios, `timezone=browser`) read times in the responder's.
    const recognized = recognize(clippedUrl, now, Intl.DateTimeFormat().resolvedOptions().timeZone);
    const wantsFacts = request.linkUrl ? undefined : pageFactsWanted(recognized.tool);

    const wantScreenshot = request.screenshot ?? settings.screenshotOnClip;
    const [pageRaw, facts, screenshot] = await Promise.all([
      runInTab(tab.id, readSelection, PageSelection),
      wantsFacts ? runInTab(tab.id, PAGE_FACT_READERS[wantsFacts], PAGE_FACT_SCHEMAS[wantsFacts]) : undefined,
      wantScreenshot ? captureVisibleTab(tab.windowId!).catch(asError) : undefined,
    ]);
    if (pageRaw instanceof Error) notices.push(RESTRICTED);
    const page = pageRaw instanceof Error ? undefined : pageRaw;
    let shot: HeldScreenshot | undefined;
    if (screenshot instanceof Error) notices.push(`No screenshot: ${firstSentence(screenshot.message) ?? 'the browser refused.'}`);
    else shot = screenshot;

    const enriched = enrich(recognized, facts instanceof Error ? undefined : facts, now);
    const selection = request.selectionText ?? page?.selection;
    // The page counts the whole selection. The menu's copy of it may differ in whitespace, so the
    // page's count speaks for the menu's text only when it is certainly longer than an entry.
    const selectionLength =
      page?.selectionLength !== undefined && (request.selectionText === undefined || page.selectionLength > MAX_ENTRY_TEXT) ? page.selectionLength : undefined;
    const built = buildClip({
      pageUrl,
      pageTitle: page?.title || tab.title || '',
      ...(selection && { selection }),
      ...(selectionLength !== undefined && { selectionLength }),
      ...(request.linkUrl && { linkUrl: request.linkUrl }),
      ...(request.srcUrl && { imageUrl: request.srcUrl }),
      recognized: enriched.recognized,
      ...(enriched.panelTitle && { panelTitle: enriched.panelTitle }),
      ...(enriched.dashboardTitle && { dashboardTitle: enriched.dashboardTitle }),
      ...(enriched.alertedAt && { alertedAt: enriched.alertedAt }),
      ...(notices.length && { notice: notices.join(' ') }),
      components,
    });
    notices.push(...built.notices);

    const incident = activeId && !request.holdForNewIncident ? await getIncident(db, activeId).catch(() => undefined) : undefined;
    const storeStart = performance.now();
    const timings = () => {
      const end = performance.now();
      return { totalMs: end - started, storeMs: end - storeStart };
    };
    const clip = { author: settings.author, draft: built.draft, ...(shot && { screenshot: shot }) };
    // Writing to a resolved incident must be a conscious choice: the clip waits, as with none active.
    if (incident?.status === 'resolved') notices.push(heldForResolved(incident));
    else if (incident) {
      try {
        const entry = await addClip(db, { incidentId: incident.id, ...clip }, now);
        return { status: 'added', entryId: entry.id, incidentKey: incident.key, notices, timings: timings() };
      } catch {
        notices.push(notAdded(incident));
      }
    }
    const held = await holdSomehow(db, clip, notices, now);
    return { status: 'held', heldId: held.id, notices, timings: timings() };
  } catch (e) {
    return { status: 'failed', error: describeClipError(e) };
  }
}

function heldForResolved(incident: Incident): string {
  return `${incident.key} is resolved, so the clip waits with the held clips: start a new incident from it, or add it to ${incident.key} anyway.`;
}

function notAdded(incident: Incident): string {
  return `The clip could not be added to ${incident.key}, so it waits with the held clips for you to place it.`;
}

/** Page facts are untrusted: a page whose facts trip the reader is clipped without them. */
function enrich(recognized: Recognized, facts: unknown, now: Date): Enriched {
  try {
    return applyPageFacts(recognized, facts, now);
  } catch {
    return { recognized };
  }
}

/**
 * Holds the clip as built; failing that (a screenshot or draft storage refuses), holds just its
 * text and address, so the person still has it.
 */
async function holdSomehow(db: SitrepDb, clip: { author: string; draft: ClipDraft; screenshot?: HeldScreenshot }, notices: string[], now: Date) {
  try {
    return await holdClip(db, clip, now);
  } catch (first) {
    const { draft } = clip;
    const bare: ClipDraft = {
      text: draft.text,
      ...(draft.sourceUrl && { sourceUrl: draft.sourceUrl }),
      clip: { tool: 'generic', pageUrl: draft.clip.pageUrl, pageTitle: draft.clip.pageTitle, componentIds: [], notice: CLIPPED_AS_LINK },
    };
    try {
      const held = await holdClip(db, { author: clip.author.slice(0, 200), draft: bare }, now);
      notices.push(CLIPPED_AS_LINK);
      return held;
    } catch {
      throw first;
    }
  }
}

/**
 * Runs a self-contained function in the tab and parses what it returns with `schema`: page
 * content is untrusted, so an answer that does not fit is no answer (undefined). An Error when
 * the page refuses scripts.
 */
async function runInTab<S extends z.ZodType>(tabId: number, func: () => unknown, schema: S): Promise<z.output<S> | Error | undefined> {
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func });
    const parsed = schema.safeParse(result?.result);
    return parsed.success ? parsed.data : undefined;
  } catch (e) {
    return asError(e);
  }
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
