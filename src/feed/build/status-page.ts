import type { Component as ComponentDoc, Incident as IncidentDoc, Page, ScheduledMaintenance, Status } from '../schema';
import { statusRank } from './components';
import { uptimePercent, type ComponentHistory, type DayBar, type HistoryWindow } from './component-history';
import { html, textWithLinks, type Markup } from './html';
import { componentStatusLabel, STATUS_TONES } from './labels';
import { isMaintenance, type SiteEvent as Event } from './event-docs';
import { day, document, eventArticle, eventMeta, time, ZONE_NOTE } from './page-parts';
import { DAY_MS, utcDate, utcDay } from './utc-time';

export interface StatusPageInput {
  page: Page;
  status: Status;
  /** The component tree in page order (groups followed by their members). */
  components: readonly ComponentDoc[];
  openIncidents: readonly IncidentDoc[];
  /** Scheduled or in progress, in progress first. */
  openMaintenances: readonly ScheduledMaintenance[];
  /** Every event the site holds in its history window. */
  events: readonly Event[];
  histories: ReadonlyMap<string, ComponentHistory>;
  period: HistoryWindow;
  /** An event's item in the past incidents (a build may keep it from the last). */
  pastEventOf?: (event: Event) => Markup;
}

/**
 * index.html: the whole status page as static HTML, complete without JavaScript. The current
 * status sits inside `<sitrep-status>`, whose shadow root has no slot: once the element runs, it
 * renders the live feed instead and the static copy is no longer shown; without JavaScript (or
 * before it loads) the static copy is the page. Uptime bars and history sit outside, always shown.
 */
export function statusPage(input: StatusPageInput): string {
  const { page, status } = input;
  const body = html`<header class="wrap">
<h1>${page.name}</h1>
${ZONE_NOTE}
</header>
<main class="wrap" id="main">
<sitrep-status src="api/v2/summary.json" history="history.atom" theme="auto">
${current(input)}
</sitrep-status>
${uptime(input)}
${pastEvents(input)}
</main>
<footer class="wrap">
<p class="meta">Subscribe: <a href="history.atom">Atom feed</a> · <a href="history.rss">RSS feed</a> · <a href="api/v2/summary.json">Status API (Statuspage v2)</a></p>
<p class="meta">Uptime counts a major outage as downtime and a partial outage as 30 % downtime; degraded performance and maintenance count as up.</p>
</footer>`;
  return document({
    title: `${page.name} status: ${status.description}`,
    root: '',
    body,
    scripts: html`\n<script type="module" src="sitrep-status.js"></script>`,
  });
}

function current({ page, status, components, openIncidents, openMaintenances }: StatusPageInput): Markup {
  return html`<section aria-labelledby="current">
<h2 id="current">Current status</h2>
<p class="overall tone-${status.indicator}" role="status">${status.description}</p>
<p class="meta">Updated ${time(page.updated_at)}</p>
${openIncidents.length ? html`<h2>Open incidents</h2>${openIncidents.map((e) => eventArticle(e, `incidents/${e.id}.html`))}` : ''}
${openMaintenances.length ? html`<h2>Maintenance</h2>${openMaintenances.map((e) => eventArticle(e, `incidents/${e.id}.html`))}` : ''}
${components.length ? html`<h2>Components</h2>${componentList(components)}` : ''}
</section>`;
}

/** Components by group, each with its status now. */
function componentList(components: readonly ComponentDoc[]): Markup {
  const row = (c: ComponentDoc) =>
    html`<li><span>${c.name}</span><span class="badge tone-${STATUS_TONES[c.status]}">${componentStatusLabel(c.status)}</span></li>`;
  const parts: Markup[] = [];
  let loose: ComponentDoc[] = [];
  const flush = () => {
    if (loose.length) parts.push(html`<ul class="rows">${loose.map(row)}</ul>`);
    loose = [];
  };
  for (const c of components) {
    if (c.group) {
      flush();
      const members = new Set(c.components);
      parts.push(html`<h3>${c.name}</h3><ul class="rows">${components.filter((m) => members.has(m.id)).map(row)}</ul>`);
    } else if (c.group_id === null) loose.push(c);
  }
  flush();
  return html`${parts}`;
}

function uptime({ components, histories, period }: StatusPageInput): Markup {
  if (!components.length) return html``;
  const byId = new Map(components.map((c) => [c.id, c]));
  const parts: Markup[] = [];
  for (const c of components) {
    if (c.group) {
      parts.push(html`<h3>${c.name}</h3>`);
      for (const id of c.components) parts.push(componentBars(byId.get(id)!, histories.get(id), 'h4', period));
    } else if (c.group_id === null) {
      parts.push(componentBars(c, histories.get(c.id), 'h3', period));
    }
  }
  return html`<section aria-labelledby="uptime">
<h2 id="uptime">Uptime over the last ${period.days} days</h2>
<p class="note">One bar per UTC day, coloured by the worst status of the day; hover over or focus a bar for the day's incidents.</p>
${parts}
</section>`;
}

function componentBars(c: ComponentDoc, history: ComponentHistory | undefined, level: 'h3' | 'h4', period: HistoryWindow): Markup {
  if (!history) return html``;
  const name = level === 'h3' ? html`<h3>${c.name}</h3>` : html`<h4>${c.name}</h4>`;
  return html`<div class="component">
<div class="component-head">${name}<span class="meta">${uptimePercent(history.uptime)} uptime</span></div>
${c.description ? html`<p class="meta">${c.description}</p>` : ''}
<ol class="bars" aria-label="${c.name}: status by UTC day, last ${period.days} days">${history.bars.map(bar)}</ol>
<p class="axis meta" aria-hidden="true"><span>${period.days} days ago</span><span>Today</span></p>
</div>`;
}

/**
 * One day. Days with something to tell are focusable (their tooltip shows on focus as on hover);
 * quiet days are not, so a keyboard user is not walked through 90 stops per component. Every
 * tooltip is also the bar's text, so screen readers read them all.
 */
function bar(b: DayBar): Markup {
  const quiet = b.status === 'operational' && !b.events.length;
  if (quiet) return quietBar(b.day);
  const events = b.events.length ? html` — ${b.events.map((e) => e.name).join('; ')}` : '';
  return html`<li class="s${statusRank(b.status)}" tabindex="0"><span class="tip">${utcDate(b.day)}: ${componentStatusLabel(b.status)}${events}</span></li>`;
}

// Most bars are quiet days, the same markup for every component and every publish of the window.
const quietBars = new Map<string, Markup>();

function quietBar(day: string): Markup {
  let markup = quietBars.get(day);
  if (!markup) {
    // A few windows' worth of days: older ones are no longer shown.
    if (quietBars.size >= 1_000) quietBars.clear();
    markup = html`<li class="s${statusRank('operational')}"><span class="tip">${utcDate(day)}: No downtime</span></li>`;
    quietBars.set(day, markup);
  }
  return markup;
}

/** Incidents and past or running maintenance, by the UTC day they started, newest day first. */
function pastEvents({ events, period, pastEventOf = pastEvent }: StatusPageInput): Markup {
  const byDay = new Map<string, Event[]>();
  for (const e of events) {
    const start = isMaintenance(e) ? e.scheduled_for : e.started_at;
    const at = Date.parse(start);
    if (at < period.start || at > period.end) continue;
    const key = start.slice(0, 10);
    const list = byDay.get(key);
    if (list) list.push(e);
    else byDay.set(key, [e]);
  }
  const parts: Markup[] = [];
  let quietFrom: string | undefined;
  let quietTo: string | undefined;
  const flushQuiet = () => {
    if (!quietFrom || !quietTo) return;
    parts.push(
      quietFrom === quietTo
        ? html`<p class="meta">No incidents reported on ${day(quietFrom)}.</p>`
        : html`<p class="meta">No incidents reported from ${day(quietFrom)} to ${day(quietTo)}.</p>`,
    );
    quietFrom = quietTo = undefined;
  };
  for (let d = period.days - 1; d >= 0; d--) {
    const key = utcDay(period.start + d * DAY_MS);
    const list = byDay.get(key);
    if (!list) {
      quietTo ??= key;
      quietFrom = key;
      continue;
    }
    flushQuiet();
    parts.push(html`<section class="day" aria-labelledby="day-${key}">
<h3 id="day-${key}">${day(key)}</h3>
<ul>${list.map(pastEventOf)}</ul>
</section>`);
  }
  flushQuiet();
  return html`<section aria-labelledby="history">
<h2 id="history">Past incidents</h2>
<p class="note">By the UTC day each began.</p>
${parts}
</section>`;
}

export function pastEvent(e: Event): Markup {
  const latest = e.incident_updates[0];
  return html`<li class="event">
<h4><a href="incidents/${e.id}.html">${e.name}</a></h4>
${eventMeta(e)}
${latest ? html`<p class="body">${textWithLinks(latest.body)}</p>` : ''}
</li>`;
}
