import { ClipDraft, ClipRef, TimeRange, WebUrl, type Component } from '../model';
import { matchComponents } from './match-components';
import type { Recognized } from './recognized';

/** Everything a clip knows, gathered by the background from the tab, the menu and the page. */
export interface ClipInput {
  pageUrl: string;
  pageTitle: string;
  /** The selected text, if any. */
  selection?: string;
  /**
   * How many characters the selection had in the page, when the page script sent only the part
   * an entry holds (so a 5 MB selection does not cross into the extension whole).
   */
  selectionLength?: number;
  /** The link right-clicked, if the clip came from a link's context menu. */
  linkUrl?: string;
  /** The image right-clicked, if any. */
  imageUrl?: string;
  /** What recognize() made of the clipped URL (the link if there is one, else the page). */
  recognized: Recognized;
  /** What the page said beyond its URL. */
  panelTitle?: string;
  dashboardTitle?: string;
  /** When the alert the page shows fired, as the page said it (alert pages only). */
  alertedAt?: string;
  /** Why the clip has less than usual (e.g. the page refuses scripts). */
  notice?: string;
  components: readonly Component[];
}

/** The draft, and what it lost on the way that the person should hear about (one sentence each). */
export interface BuiltClip {
  draft: ClipDraft;
  notices: string[];
}

const MAX_TEXT = 100_000;
const MAX_PAGE_TEXT = 2000;
const MAX_COMPONENTS = 100;

export const RANGE_DROPPED = "The page's time range is outside the dates Sitrep can store, so the clip was saved without it.";
export const CLIPPED_AS_LINK = 'Part of what this page said could not be stored, so it was clipped as a plain link.';

/** Exactly the links the entry may store: an http(s) URL the model would refuse fails the clip. */
const isWeb = (url: string | undefined): url is string => !!url && WebUrl.safeParse(url).success;
/** Counts are in English, like the sentence around them. */
const count = new Intl.NumberFormat('en-US');

/**
 * Turns what was clipped into the timeline entry's text, link and clip details. The link is the
 * frozen URL, so reopening it later shows the same window, not "the last hour" of another day.
 */
export function buildClipDraft(input: ClipInput): ClipDraft {
  return buildClip(input).draft;
}

/**
 * `buildClipDraft`, saying what was left out. Whatever the page wrote, the draft is one the
 * schema accepts: a range the model cannot hold is dropped (and the link is the page as it was,
 * since the frozen one was written from that range), and if anything else still fails the schema
 * the clip falls back to the page's address and title. A page cannot make itself unclippable.
 */
export function buildClip(input: ClipInput): BuiltClip {
  const { recognized } = input;
  const notices: string[] = [];
  const clippedUrl = input.linkUrl ?? input.pageUrl;

  const selection = input.selection?.trim() ?? '';
  const keptSelection = fitText(selection, MAX_TEXT);
  const selectionChars = countCharacters(input.selection ?? '');
  if ((input.selectionLength ?? 0) > selectionChars || keptSelection.length < selection.length) {
    const from = Math.max(input.selectionLength ?? 0, selectionChars);
    notices.push(`Selection shortened from ${count.format(from)} characters to ${count.format(countCharacters(keptSelection))}.`);
  }

  const range = recognized.range && TimeRange.safeParse(recognized.range).success ? recognized.range : undefined;
  const rangeDropped = recognized.range !== undefined && range === undefined;
  if (rangeDropped) notices.push(RANGE_DROPPED);

  const where = [input.panelTitle, input.dashboardTitle ?? input.pageTitle].filter(Boolean).join(' — ');
  const text =
    keptSelection ||
    (input.imageUrl ? `Image on ${input.pageTitle || input.pageUrl}: ${input.imageUrl}` : '') ||
    (input.linkUrl ? `Link from ${input.pageTitle || input.pageUrl}: ${input.linkUrl}` : '') ||
    where ||
    input.pageUrl;
  const frozenUrl = rangeDropped ? undefined : recognized.frozenUrl;
  const sourceUrl = isWeb(frozenUrl) ? frozenUrl : isWeb(clippedUrl) ? clippedUrl : undefined;
  const componentIds = matchComponents(clippedUrl, input.components)
    .slice(0, MAX_COMPONENTS)
    .map((c) => c.id);
  const notice = [input.notice, ...notices].filter(Boolean).join(' ');
  const draft: ClipDraft = {
    text: fitText(text, MAX_TEXT),
    ...(sourceUrl && { sourceUrl }),
    clip: {
      tool: recognized.tool,
      pageUrl: fitText(clippedUrl, 8192),
      pageTitle: fitText(input.pageTitle, MAX_PAGE_TEXT),
      ...(sourceUrl && { frozenUrl: sourceUrl }),
      ...(range && { range }),
      // An id the model cannot hold (an absurdly long repository path) costs the ref, not the clip.
      ...(recognized.ref && ClipRef.safeParse(recognized.ref).success && { ref: recognized.ref }),
      ...(recognized.query && { query: fitText(recognized.query, 10_000) }),
      ...(recognized.panel && { panel: fitText(recognized.panel, MAX_PAGE_TEXT) }),
      ...(input.panelTitle && { panelTitle: fitText(input.panelTitle, MAX_PAGE_TEXT) }),
      ...(input.dashboardTitle && { dashboardTitle: fitText(input.dashboardTitle, MAX_PAGE_TEXT) }),
      ...(input.alertedAt && { alertedAt: input.alertedAt }),
      componentIds,
      ...(notice && { notice: fitText(notice, MAX_PAGE_TEXT) }),
    },
  };
  if (ClipDraft.safeParse(draft).success) return { draft, notices };

  // Something the checks above do not know about (a stricter schema, an odd tool name): keep
  // what always fits, so the clip is still saved and says why it is thin.
  notices.push(CLIPPED_AS_LINK);
  const linkOnly = isWeb(clippedUrl) ? clippedUrl : undefined;
  return {
    notices,
    draft: {
      text: draft.text || fitText(clippedUrl, MAX_TEXT) || 'Clipped page',
      ...(linkOnly && { sourceUrl: linkOnly }),
      clip: {
        tool: 'generic',
        pageUrl: draft.clip.pageUrl,
        pageTitle: draft.clip.pageTitle,
        ...(linkOnly && { frozenUrl: linkOnly }),
        componentIds,
        notice: fitText([input.notice, ...notices].filter(Boolean).join(' '), MAX_PAGE_TEXT),
      },
    },
  };
}

/** At most `max` UTF-16 units (what the schema counts), never ending in half a surrogate pair. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** Characters as a person counts them: code points, so an emoji is one. */
export function countCharacters(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}
