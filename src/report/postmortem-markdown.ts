import { stripBidiControls } from '../capture/untrusted-text';
import {
  ACTION_ITEM_KIND_LABELS,
  ACTION_ITEM_STATUS_LABELS,
  type ActionItem,
  type Incident,
  type Postmortem,
  type PostmortemSection,
  type TimelineEntry,
} from '../model';
import {
  SECTION_HEADINGS,
  headerFacts,
  markdownText,
  oneLine,
  orderedActionItems,
  timelineView,
  webLink,
  type TimelineLine,
  type TimelineView,
} from './postmortem-outline';
import { escapeInline } from './timeline-markdown';

export interface PostmortemExportInput {
  incident: Incident;
  postmortem: Postmortem;
  /** The incident's timeline; the post-mortem lists its starred entries, or all. */
  entries: readonly TimelineEntry[];
  /** The incident's action items (other incidents' are left out). */
  actionItems: readonly ActionItem[];
  /** For how long an unresolved incident has been going. */
  now?: Date;
}

/**
 * The internal post-mortem as Markdown (for a repository, a wiki, a ticket):
 *
 * ```md
 * # Post-mortem: INC-42 — Checkout errors after deploy
 *
 * - **Incident:** INC-42
 * - **Severity:** SEV2 (Major)
 * …
 * ## Summary
 * ## Impact
 * ## Root Cause
 * ## Trigger and Detection   (### Trigger, ### Detection)
 * ## Resolution              (### Long-term fix, when written)
 * ## Timeline                (starred entries, or all; UTC, dated when it spans days)
 * ## Action Items            (a task list)
 * ## Lessons Learned         (### What went well, ### What went wrong, ### Where we got lucky)
 * ```
 *
 * The written sections are the authors' Markdown, kept as written except that raw HTML, entities
 * and links to anything but http(s) are neutralised. Everything else (titles, names, entries,
 * action items) is text from the log or from pages, and is escaped so it renders as that text.
 */
export function buildPostmortemMarkdown({ incident, postmortem, entries, actionItems, now = new Date() }: PostmortemExportInput): string {
  const { sections } = postmortem;
  const out: string[] = [`# Post-mortem: ${heading(incident.key)} — ${heading(incident.title)}`, ''];
  for (const [name, value] of headerFacts(incident, postmortem, now)) out.push(`- **${name}:** ${escapeInline(value)}`);
  out.push('', 'Times are UTC.', '');

  const section = (level: string, key: PostmortemSection) => out.push(`${level} ${SECTION_HEADINGS[key]}`, '', sectionBody(sections[key]), '');
  section('##', 'summary');
  section('##', 'impact');
  section('##', 'rootCause');
  out.push('## Trigger and Detection', '');
  section('###', 'trigger');
  section('###', 'detection');
  section('##', 'resolution');
  if (sections.longTermFix.trim()) section('###', 'longTermFix');

  out.push('## Timeline', '', ...timelineLines(timelineView(postmortem, incident, entries)), '');
  out.push('## Action Items', '', ...actionItemLines(orderedActionItems(incident.id, actionItems)), '');
  out.push('## Lessons Learned', '');
  section('###', 'wentWell');
  section('###', 'wentWrong');
  section('###', 'lucky');
  return `${out.join('\n').trimEnd()}\n`;
}

/** `INC-42-postmortem.md`: the download's name. */
export function postmortemFileName(incident: Pick<Incident, 'key'>, extension: 'md' | 'html'): string {
  return `${incident.key}-postmortem.${extension}`;
}

function heading(text: string): string {
  return escapeInline(oneLine(text)).replace(/#/g, '\\#');
}

const NOT_WRITTEN = '_Not written yet._';

/**
 * An author's section as Markdown they meant, minus what could run or mislead: `<` cannot open
 * a tag or an autolink, `&name;` stays literal, and a link or image to anything but http(s)
 * (javascript:, data:, a relative path) is broken up into text. Direction controls are stripped.
 */
export function sectionBody(text: string): string {
  const trimmed = stripBidiControls(text).trim();
  if (!trimmed) return NOT_WRITTEN;
  return trimmed
    .replace(/\r\n?/g, '\n')
    .replace(/\\?</g, '\\<')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/\]([ \t]*)\((?![ \t]*<?https?:\/\/)/gi, '\\]$1(')
    .replace(/^([ \t]*)\[([^\]\n]*)\]:(?![ \t]*<?https?:\/\/)/gim, '$1\\[$2\\]:');
}

function timelineLines(view: TimelineView): string[] {
  const out: string[] = [];
  if (view.shows === 'starred') out.push('Starred entries, in UTC.');
  else if (view.shows === 'all-asked') out.push('Every entry, in UTC.');
  else out.push('Every entry, in UTC (none is starred).');
  out.push('');
  if (!view.lines.length) return [...out, '_No timeline entries._'];
  let day = '';
  for (const line of view.lines) {
    if (view.multiDay && line.day !== day) {
      if (day) out.push('');
      out.push(`### ${line.day}`, '');
      day = line.day;
    }
    out.push(timelineItem(line));
  }
  return out;
}

function timelineItem(line: TimelineLine): string {
  const prefix = `${line.starred ? '★ ' : ''}${line.label ? `**${escapeInline(line.label)}:** ` : ''}`;
  const body: string[] = [];
  if (line.text.includes('\n') || line.text.includes('\r')) {
    for (const l of line.text.split(/\r\n|\r|\n/)) if (l.trim()) body.push(markdownText(l));
  } else if (line.text.trim()) body.push(markdownText(line.text));
  if (line.link) body.push(`[${escapeInline(line.link.name)}](${angle(line.link.href)})`);
  line.screenshotIds.forEach((id, i) => body.push(`Screenshot ${i + 1}: \`screenshot-${id}\` (embedded in the HTML export)`));
  // A trailing backslash is a hard line break: the text's own lines stay lines inside the item.
  return `- ${line.time} — ${prefix}${body.length ? body.join('\\\n  ') : '(no text)'}`;
}

/** A link target in `<…>`, where spaces and parentheses are fine and `<`/`>` cannot occur. */
function angle(href: string): string {
  return `<${href.replace(/</g, '%3C').replace(/>/g, '%3E')}>`;
}

function actionItemLines(items: readonly ActionItem[]): string[] {
  if (!items.length) return ['_No action items yet._'];
  return items.map((item) => {
    const facts = [
      ACTION_ITEM_KIND_LABELS[item.kind],
      `owner: ${item.owner.trim() ? escapeInline(oneLine(item.owner)) : 'unassigned'}`,
      ...(item.due ? [`due ${item.due}`] : []),
      ACTION_ITEM_STATUS_LABELS[item.status],
    ];
    const ticket = webLink(item.ticketUrl);
    if (ticket) facts.push(`[ticket](${angle(ticket)})`);
    const text = escapeInline(oneLine(item.text));
    return `- [${item.status === 'done' ? 'x' : ' '}] ${item.status === 'wont-do' ? `~~${text}~~` : text} — ${facts.join(' · ')}`;
  });
}
