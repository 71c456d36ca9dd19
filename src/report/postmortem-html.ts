import { stripBidiControls } from '../capture/untrusted-text';
import { ACTION_ITEM_KIND_LABELS, ACTION_ITEM_STATUS_LABELS, type ActionItem, type PostmortemSection } from '../model';
import { RASTER_TYPES } from './backup';
import { isBase64 } from './base64';
import type { PostmortemExportInput } from './postmortem-markdown';
import { SECTION_HEADINGS, headerFacts, oneLine, orderedActionItems, timelineView, webLink, type TimelineLine } from './postmortem-outline';

/** A screenshot as the HTML file embeds it: its type and its bytes in base64 (see encodeImage). */
export interface EmbeddedImage {
  type: string;
  data: string;
  width?: number;
  height?: number;
}

export interface PostmortemHtmlInput extends PostmortemExportInput {
  /** Screenshots by id; one missing or not a raster picture is named, not embedded. */
  screenshots: ReadonlyMap<string, EmbeddedImage>;
}

/**
 * Nothing runs and nothing is fetched: pictures are data: URLs, the style is inline, and there is
 * no script, frame, form or base to point anywhere else.
 */
export const POSTMORTEM_HTML_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The internal post-mortem as one self-contained HTML file that prints well: the same content as
 * the Markdown export, screenshots embedded as data: URLs, a strict Content-Security-Policy and no
 * script. Every text from the log, from pages and from the authors is escaped: the sections are
 * shown as written (their Markdown is not rendered), and only http(s) addresses become links.
 */
export function buildPostmortemHtml({ incident, postmortem, entries, actionItems, screenshots, now = new Date() }: PostmortemHtmlInput): string {
  const { sections } = postmortem;
  const title = `Post-mortem: ${incident.key} — ${oneLine(incident.title)}`;
  const body: string[] = [`<h1>${esc(title)}</h1>`, '<dl class="facts">'];
  for (const [name, value] of headerFacts(incident, postmortem, now)) body.push(`<dt>${esc(name)}</dt><dd>${esc(value)}</dd>`);
  body.push('</dl>', '<p class="zone">Times are UTC.</p>');

  const section = (tag: 'h2' | 'h3', key: PostmortemSection) => body.push(`<${tag}>${SECTION_HEADINGS[key]}</${tag}>`, sectionHtml(sections[key]));
  section('h2', 'summary');
  section('h2', 'impact');
  section('h2', 'rootCause');
  body.push('<h2>Trigger and Detection</h2>');
  section('h3', 'trigger');
  section('h3', 'detection');
  section('h2', 'resolution');
  if (sections.longTermFix.trim()) section('h3', 'longTermFix');

  const view = timelineView(postmortem, incident, entries);
  body.push('<h2>Timeline</h2>');
  body.push(
    `<p class="zone">${view.shows === 'starred' ? 'Starred entries' : view.shows === 'all-asked' ? 'Every entry' : 'Every entry (none is starred)'}, in UTC.</p>`,
  );
  if (!view.lines.length) body.push('<p><em>No timeline entries.</em></p>');
  let day = '';
  let open = false;
  for (const line of view.lines) {
    if (!open || (view.multiDay && line.day !== day)) {
      if (open) body.push('</ol>');
      if (view.multiDay) body.push(`<h3>${esc(line.day)}</h3>`);
      body.push('<ol class="timeline">');
      open = true;
      day = line.day;
    }
    body.push(timelineItem(line, screenshots));
  }
  if (open) body.push('</ol>');

  body.push('<h2>Action Items</h2>', actionItemsHtml(orderedActionItems(incident.id, actionItems)));
  body.push('<h2>Lessons Learned</h2>');
  section('h3', 'wentWell');
  section('h3', 'wentWrong');
  section('h3', 'lucky');

  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${POSTMORTEM_HTML_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const STYLE = [
  'body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff;margin:0}',
  'main{max-width:48rem;margin:0 auto;padding:2rem 1.25rem}',
  'h1{font-size:1.6rem;margin:0 0 1rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de}h3{font-size:1.05rem;margin:1.25rem 0 .4rem}',
  '.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}.facts dt{font-weight:600}.facts dd{margin:0}',
  '.zone{color:#57606a;font-size:.9rem}.text{white-space:pre-wrap;overflow-wrap:anywhere}.empty{color:#57606a;font-style:italic}',
  '.timeline{padding-left:1.25rem}.timeline li{margin:.35rem 0}.time{font-variant-numeric:tabular-nums;font-weight:600}',
  'bdi{unicode-bidi:isolate}figure{margin:.5rem 0}figure img{max-width:100%;height:auto;border:1px solid #d0d7de}figcaption{font-size:.85rem;color:#57606a}',
  '.tasks{list-style:none;padding-left:0}.tasks li{margin:.3rem 0}a{color:#0550ae;overflow-wrap:anywhere}',
  '@media print{body{font-size:11pt}main{max-width:none;padding:0}h2,h3{break-after:avoid}li,figure,dl{break-inside:avoid}a{color:inherit}a[href]::after{content:" (" attr(href) ")";font-size:.85em;color:#57606a}}',
].join('');

/** Text as HTML text: `&`, `<`, `>`, quotes escaped; direction controls stripped. */
export function esc(text: string): string {
  return stripBidiControls(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A section as written. The Markdown is shown, not rendered; only its backslash escapes (which
 * the draft puts before punctuation from the log) are taken off, as a Markdown reader would.
 */
function sectionHtml(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '<p class="empty">Not written yet.</p>';
  return `<div class="text">${esc(trimmed.replace(/\\([!-/:-@[-`{-~])/g, '$1'))}</div>`;
}

function link(href: string, name: string): string {
  return `<a href="${esc(href)}" rel="noopener noreferrer">${esc(name)}</a>`;
}

function timelineItem(line: TimelineLine, screenshots: ReadonlyMap<string, EmbeddedImage>): string {
  const parts = [`<span class="time">${esc(line.time)}</span> — `];
  if (line.starred) parts.push('★ ');
  if (line.label) parts.push(`<strong>${esc(line.label)}:</strong> `);
  parts.push(`<bdi class="text">${esc(line.text.trim() || '(no text)')}</bdi>`);
  if (line.link) parts.push(` (${link(line.link.href, line.link.name)})`);
  line.screenshotIds.forEach((id, i) => parts.push(figure(id, i + 1, line.time, screenshots.get(id))));
  return `<li>${parts.join('')}</li>`;
}

const RASTER: ReadonlySet<string> = new Set(RASTER_TYPES);

/** A screenshot as an embedded picture, or a note saying it is missing: never a URL from elsewhere. */
function figure(id: string, n: number, time: string, image: EmbeddedImage | undefined): string {
  const caption = `Screenshot ${n}, taken with the entry at ${time}`;
  if (!image || !RASTER.has(image.type) || !isBase64(image.data)) {
    return `<figure><figcaption>${esc(caption)}: not available (screenshot-${esc(id)})</figcaption></figure>`;
  }
  const size = image.width && image.height ? ` width="${Math.round(image.width)}" height="${Math.round(image.height)}"` : '';
  return `<figure><img src="data:${image.type};base64,${image.data}" alt="${esc(caption)}"${size}><figcaption>${esc(caption)}</figcaption></figure>`;
}

function actionItemsHtml(items: readonly ActionItem[]): string {
  if (!items.length) return '<p class="empty">No action items yet.</p>';
  const rows = items.map((item) => {
    const facts = [
      ACTION_ITEM_KIND_LABELS[item.kind],
      `owner: ${item.owner.trim() ? oneLine(item.owner) : 'unassigned'}`,
      ...(item.due ? [`due ${item.due}`] : []),
      ACTION_ITEM_STATUS_LABELS[item.status],
    ].map(esc);
    const ticket = webLink(item.ticketUrl);
    if (ticket) facts.push(link(ticket, 'ticket'));
    const done = item.status === 'done';
    const text = `<bdi>${esc(oneLine(item.text))}</bdi>`;
    return `<li>${done ? '☑' : '☐'} ${item.status === 'wont-do' ? `<s>${text}</s>` : text} — ${facts.join(' · ')}</li>`;
  });
  return `<ul class="tasks">${rows.join('')}</ul>`;
}
