import type { AffectedComponent, IncidentUpdate } from '../schema';
import { isMaintenance, type SiteEvent as Event } from './event-docs';
import { html, Markup, textWithLinks } from './html';
import { changeText, impactLabel, statusLabel } from './labels';
import { PAGE_CSP, PAGE_SCRIPT, PAGE_STYLE } from './page-assets';
import { utcDate, utcDateTime } from './utc-time';

// Pieces both kinds of page share: the document shell, times, events and their updates.

/** A time in UTC, saying so; the page script rewrites it to the reader's zone. */
export const time = (iso: string): Markup => html`<time data-local datetime="${iso}">${utcDateTime(iso)}</time>`;

/** A UTC day (`YYYY-MM-DD` or an instant); never rewritten, since days and bars are UTC days. */
export const day = (iso: string): Markup => html`<time datetime="${iso.slice(0, 10)}">${utcDate(iso)}</time>`;

export const ZONE_NOTE = html`<p class="note" id="zone">Times are shown in UTC.</p>`;

/**
 * A whole page: strict CSP, the feeds announced for discovery, the inline style and time script.
 * `root` leads from the page to the site's root ('' or '../').
 */
export function document(p: { title: string; root: string; body: Markup; scripts?: Markup }): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${p.title}</title>
<link rel="icon" href="data:,">
<link rel="alternate" type="application/atom+xml" title="Incident history (Atom)" href="${p.root}history.atom">
<link rel="alternate" type="application/rss+xml" title="Incident history (RSS)" href="${p.root}history.rss">
<style>${raw(PAGE_STYLE)}</style>
</head>
<body>
${p.body}
<script>${raw(PAGE_SCRIPT)}</script>${p.scripts ?? ''}
</body>
</html>
`.value;
}

/** Our own constant markup (style, script), which holds no published text. */
const raw = (constant: string): Markup => new Markup(constant);

const changes = (list: AffectedComponent[] | null): Markup | '' =>
  list?.length ? html`<ul class="meta">${list.map((c) => html`<li>${changeText(c)}</li>`)}</ul>` : '';

/** One update: its status, when, what it said, and the component changes it made. */
export const updateBlock = (u: IncidentUpdate, heading: 'h3' | 'h4' | 'p'): Markup => {
  const title = html`<strong>${statusLabel(u.status)}</strong> · ${time(u.display_at)}`;
  const head = heading === 'p' ? html`<p>${title}</p>` : heading === 'h3' ? html`<h3>${title}</h3>` : html`<h4>${title}</h4>`;
  return html`<div class="update">${head}<p class="body">${textWithLinks(u.body)}</p>${changes(u.affected_components)}</div>`;
};

const TONE_OF_IMPACT: Record<string, string> = { none: 'none', minor: 'minor', major: 'major', critical: 'critical', maintenance: 'maintenance' };
export const impactBadge = (impact: string): Markup => html`<span class="badge tone-${TONE_OF_IMPACT[impact] ?? 'none'}">${impactLabel(impact)}</span>`;

/** What an event is and when: its impact, status and start, or a maintenance's window. */
export function eventMeta(e: Event): Markup {
  const when = isMaintenance(e)
    ? html`Scheduled ${time(e.scheduled_for)} until ${time(e.scheduled_until)}`
    : html`Started ${time(e.started_at)}${e.resolved_at ? html`, resolved ${time(e.resolved_at)}` : ''}`;
  return html`<p class="meta">${impactBadge(e.impact)} ${statusLabel(e.status)} · ${when}</p>`;
}

/** An open event on the front page, with all its updates; `link` leads to its own page. */
export function eventArticle(e: Event, link: string): Markup {
  return html`<article class="event" aria-labelledby="event-${e.id}">
<h3 id="event-${e.id}"><a href="${link}">${e.name}</a></h3>
${eventMeta(e)}
${e.incident_updates.map((u) => updateBlock(u, 'p'))}
</article>`;
}
