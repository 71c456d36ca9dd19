import { html, textWithLinks, type Markup } from './html';
import type { PublicPostmortemText } from './site-input';

// The public post-mortem as Statuspage publishes it: one `postmortem_body` in Markdown. Sitrep writes
// the four sections in the outline customers expect, the middle two under a heading; the pages and
// feeds read it back as text (headings and paragraphs), never as HTML.

export const POSTMORTEM_HEADINGS = {
  whatHappened: 'What went wrong and why',
  whatWeDid: 'What we did about it',
} as const;

const HEADING = /^## (.+)$/;

/** The four sections as one Markdown body: apology, what happened, what we did, apology again. */
export function postmortemBody(pm: PublicPostmortemText): string {
  return [
    pm.opening.trim(),
    `## ${POSTMORTEM_HEADINGS.whatHappened}`,
    pm.whatHappened.trim(),
    `## ${POSTMORTEM_HEADINGS.whatWeDid}`,
    pm.whatWeDid.trim(),
    pm.closing.trim(),
  ].join('\n\n');
}

/**
 * A post-mortem body (ours, or another publisher's) as HTML text: lines `## …` become headings at
 * `level`, blank lines separate paragraphs, line breaks within one are kept; everything is escaped
 * and only bare http(s) URLs become links.
 */
export function postmortemMarkup(body: string, level: 'h3' | 'h4'): Markup {
  const blocks = body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean);
  return html`${blocks.map((block) => {
    const heading = HEADING.exec(block);
    if (heading && !block.includes('\n')) return level === 'h3' ? html`<h3>${heading[1]}</h3>` : html`<h4>${heading[1]}</h4>`;
    return html`<p class="body">${textWithLinks(block)}</p>`;
  })}`;
}
