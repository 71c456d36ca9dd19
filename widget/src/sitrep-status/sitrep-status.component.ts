import { html, nothing } from 'lit';
import type { FeedEvent } from '../../../src/feed/parse';
import { humanize, webUrl } from '../shared/format';
import { SitrepFeedElement } from '../shared/feed-element';
import { COMPONENT_TONES } from '../shared/tone.styles';
import { groupComponents } from './group-components';
import { styles } from './sitrep-status.styles';

const IMPACT_TONES: Record<string, string> = { critical: 'critical', major: 'major', minor: 'minor' };

/**
 * A whole status page from a status feed: overall status, components by group, open incidents
 * with their latest update, maintenance, and a link to the incident history.
 *
 * @event sitrep-change - The indicator or the open incidents changed; `detail` is
 *   `{ indicator, incidents, snapshot }`. Bubbles and crosses shadow roots.
 *
 * @csspart base - The page box.
 * @csspart header - Page name, overall status and when it was updated.
 * @csspart title - The page name.
 * @csspart overall - The overall status.
 * @csspart incidents - The open incidents section; each is an `incident`.
 * @csspart maintenance - The maintenance section; each is an `incident` too.
 * @csspart update - The latest update of an incident.
 * @csspart components - The components section; each row is a `component`, its state a `badge`.
 * @csspart history - The link to the history feed.
 * @csspart message - Shown while loading or when the feed cannot be used.
 * @csspart time - A relative time, exact on hover.
 * @csspart window - When a maintenance runs: "until 14:00", or "from 13:00 to 14:00" before it starts.
 * @csspart stale - The note shown while the feed is unreachable.
 *
 * @cssprop --sitrep-page-bg - Page background; likewise `--sitrep-page-fg`.
 * @cssprop --sitrep-minor-bg - Background for one tone; likewise `-fg`, and `major`, `critical`,
 *   `maintenance`, `none` (operational).
 * @cssprop --sitrep-font - Font shorthand.
 * @cssprop --sitrep-radius - Corner radius of boxes.
 */
export class SitrepStatus extends SitrepFeedElement {
  static override styles = styles;

  static override properties = {
    history: {},
    historyText: {},
    loadingText: {},
    unavailableText: {},
  };

  /** URL of the incident history (Atom/RSS feed or page); linked when set. */
  declare history: string | undefined;
  declare historyText: string;
  declare loadingText: string;
  declare unavailableText: string;

  constructor() {
    super();
    this.historyText = 'Incident history';
    this.loadingText = 'Loading status…';
    this.unavailableText = 'Status is unavailable right now.';
  }

  private event(event: FeedEvent, tone: string) {
    const href = webUrl(event.url, this.feedUrl);
    const { latest } = event;
    return html`<article part="incident" class="event">
      <h4>${href ? html`<a href=${href} target="_blank" rel="noopener">${event.name}</a>` : event.name}</h4>
      <p class="meta">
        <span part="badge" class="badge ${tone}">${humanize(event.status)}</span>
        ${event.startedAt ? html`<span>${Date.parse(event.startedAt) > Date.now() ? 'Starts' : 'Since'} ${this.time(event.startedAt)}</span>` : nothing}
        ${this.window(event)}
      </p>
      ${
        latest
          ? html`<div part="update" class="update">
            <p class="meta"><strong>${humanize(latest.status)}</strong> · ${this.time(latest.at)}</p>
            <p class="body">${latest.body}</p>
          </div>`
          : nothing
      }
    </article>`;
  }

  override render() {
    const { snapshot, error } = this.feed;
    const theme = `page ${this.theme}`;
    if (!snapshot) {
      return html`<div part="base" class=${theme}>
        <p part="message" role="status">${error ? html`${this.unavailableText} <small>${error}</small>` : this.loadingText}</p>
      </div>`;
    }
    const { page, incidents, maintenances, components } = snapshot;
    const pageHref = webUrl(page.url, this.feedUrl);
    const historyHref = webUrl(this.history, document.baseURI);
    return html`<div part="base" class=${theme}>
      <header part="header">
        <h2 part="title">${pageHref ? html`<a href=${pageHref} target="_blank" rel="noopener">${page.name}</a>` : page.name}</h2>
        <p part="overall" class="overall ${snapshot.indicator}" role="status">${snapshot.description}</p>
        ${snapshot.updatedAt ? html`<p class="meta">Updated ${this.time(snapshot.updatedAt)}</p>` : nothing}
        ${this.staleNote()}
      </header>
      ${
        incidents.length
          ? html`<section part="incidents">
            <h3>Open incidents</h3>
            ${incidents.map((e) => this.event(e, IMPACT_TONES[e.impact] ?? 'minor'))}
          </section>`
          : nothing
      }
      ${
        maintenances.length
          ? html`<section part="maintenance">
            <h3>Maintenance</h3>
            ${maintenances.map((e) => this.event(e, 'maintenance'))}
          </section>`
          : nothing
      }
      ${
        components.length
          ? html`<section part="components">
            <h3>Components</h3>
            ${groupComponents(components).map(
              ([group, members]) => html`${group ? html`<h4>${group}</h4>` : nothing}
                <ul>
                  ${members.map(
                    (c) => html`<li part="component">
                      <span>${c.name}</span>
                      <span part="badge" class="badge ${COMPONENT_TONES[c.status] ?? 'none'}">${humanize(c.status)}</span>
                    </li>`,
                  )}
                </ul>`,
            )}
          </section>`
          : nothing
      }
      ${historyHref ? html`<p><a part="history" href=${historyHref}>${this.historyText}</a></p>` : nothing}
    </div>`;
  }
}
