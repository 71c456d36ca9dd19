import { WebUrl, type ClipDraft, type Component } from '../model';
import { matchComponents } from './match-components';
import type { Recognized } from './recognized';

/** Everything a clip knows, gathered by the background from the tab, the menu and the page. */
export interface ClipInput {
  pageUrl: string;
  pageTitle: string;
  /** The selected text, if any. */
  selection?: string;
  /** The link right-clicked, if the clip came from a link's context menu. */
  linkUrl?: string;
  /** The image right-clicked, if any. */
  imageUrl?: string;
  /** What recognize() made of the clipped URL (the link if there is one, else the page). */
  recognized: Recognized;
  /** What the page said beyond its URL. */
  panelTitle?: string;
  dashboardTitle?: string;
  /** Why the clip has less than usual (e.g. the page refuses scripts). */
  notice?: string;
  components: readonly Component[];
}

const MAX_TEXT = 100_000;
const MAX_COMPONENTS = 100;
/** Exactly the links the entry may store: an http(s) URL the model would refuse fails the clip. */
const isWeb = (url: string | undefined): url is string => !!url && WebUrl.safeParse(url).success;

/**
 * Turns what was clipped into the timeline entry's text, link and clip details. The link is the
 * frozen URL, so reopening it later shows the same window, not "the last hour" of another day.
 */
export function buildClipDraft(input: ClipInput): ClipDraft {
  const { recognized } = input;
  const clippedUrl = input.linkUrl ?? input.pageUrl;
  const selection = input.selection?.trim();
  const where = [input.panelTitle, input.dashboardTitle ?? input.pageTitle].filter(Boolean).join(' — ');
  const text =
    selection ||
    (input.imageUrl ? `Image on ${input.pageTitle || input.pageUrl}: ${input.imageUrl}` : '') ||
    (input.linkUrl ? `Link from ${input.pageTitle || input.pageUrl}: ${input.linkUrl}` : '') ||
    where ||
    input.pageUrl;
  const sourceUrl = isWeb(recognized.frozenUrl) ? recognized.frozenUrl : isWeb(clippedUrl) ? clippedUrl : undefined;
  const componentIds = matchComponents(clippedUrl, input.components)
    .slice(0, MAX_COMPONENTS)
    .map((c) => c.id);
  return {
    text: text.slice(0, MAX_TEXT),
    ...(sourceUrl && { sourceUrl }),
    clip: {
      tool: recognized.tool,
      pageUrl: clippedUrl.slice(0, 8192),
      pageTitle: input.pageTitle.slice(0, 2000),
      ...(sourceUrl && { frozenUrl: sourceUrl }),
      ...(recognized.range && { range: recognized.range }),
      ...(recognized.query && { query: recognized.query.slice(0, 10_000) }),
      ...(recognized.panel && { panel: recognized.panel.slice(0, 2000) }),
      ...(input.panelTitle && { panelTitle: input.panelTitle.slice(0, 2000) }),
      ...(input.dashboardTitle && { dashboardTitle: input.dashboardTitle.slice(0, 2000) }),
      componentIds,
      ...(input.notice && { notice: input.notice.slice(0, 2000) }),
    },
  };
}
