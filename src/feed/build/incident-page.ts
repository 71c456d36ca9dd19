import type { Page } from '../schema';
import { html } from './html';
import { componentStatusLabel, STATUS_TONES } from './labels';
import { isMaintenance, type SiteEvent as Event } from './event-docs';
import { document, eventMeta, updateBlock, ZONE_NOTE } from './page-parts';
import { postmortemMarkup } from './postmortem-body';

/** incidents/<id>.html: one incident or maintenance with all its updates and the components it affected. */
export function incidentPage(page: Pick<Page, 'name'>, event: Event): string {
  const kind = isMaintenance(event) ? 'Maintenance' : 'Incident';
  const body = html`<header class="wrap">
<p><a href="../index.html">← ${page.name} status</a></p>
<h1>${event.name}</h1>
${eventMeta(event)}
${ZONE_NOTE}
</header>
<main class="wrap" id="main">
${
  !isMaintenance(event) && event.postmortem_body
    ? html`<section aria-labelledby="postmortem">
<h2 id="postmortem">Post-mortem</h2>
${postmortemMarkup(event.postmortem_body, 'h3')}
</section>
`
    : ''
}<section aria-labelledby="affected">
<h2 id="affected">Affected components</h2>
${
  event.components.length
    ? html`<ul class="rows">${event.components.map(
        (c) => html`<li><span>${c.name}</span><span class="badge tone-${STATUS_TONES[c.status]}">${componentStatusLabel(c.status)}</span></li>`,
      )}</ul>`
    : html`<p class="meta">No components were named.</p>`
}
</section>
<section aria-labelledby="updates">
<h2 id="updates">Updates</h2>
${event.incident_updates.map((u) => updateBlock(u, 'h3'))}
</section>
</main>
<footer class="wrap">
<p class="meta"><a href="../index.html">All of ${page.name} status</a> · <a href="../history.atom">Atom feed</a> · <a href="../history.rss">RSS feed</a></p>
</footer>`;
  return document({ title: `${kind}: ${event.name} · ${page.name} status`, root: '../', body });
}
