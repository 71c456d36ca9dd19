import { html, nothing } from 'lit';
import { url } from '../../../src/feed/parse/read';
import { humanize } from '../shared/format';
import { SitrepFeedElement } from '../shared/feed-element';
import { readDismissed, rememberDismissed } from './dismissals';
import { pickBannerItem } from './pick-banner-item';
import { styles } from './sitrep-banner.styles';

/**
 * A banner for the most severe open incident (else maintenance in progress) of a status feed.
 * Shows nothing while everything is operational: only an empty live region stays, taking no space.
 *
 * @slot operational - Replaces the "All systems operational" text shown with `show-operational`.
 * @slot link - Replaces the text of the link to the incident page.
 *
 * @event sitrep-change - The indicator or the open incidents changed; `detail` is
 *   `{ indicator, incidents, snapshot }`. Bubbles and crosses shadow roots.
 *
 * @csspart base - The banner box.
 * @csspart content - Everything but the dismiss button.
 * @csspart name - The incident or maintenance name.
 * @csspart status - Its status word (Investigating, Monitoring…).
 * @csspart window - Until when the maintenance shown runs: "until 14:00".
 * @csspart message - The text of the latest update.
 * @csspart time - When it was updated.
 * @csspart link - The link to the incident page.
 * @csspart stale - The note shown while the feed is unreachable.
 * @csspart dismiss - The dismiss button.
 *
 * @cssprop --sitrep-bg - Background, overriding the tone's.
 * @cssprop --sitrep-fg - Text colour, overriding the tone's.
 * @cssprop --sitrep-minor-bg - Background for one tone; likewise `-fg`, and `major`, `critical`,
 *   `maintenance`, `none` (operational).
 * @cssprop --sitrep-font - Font shorthand.
 * @cssprop --sitrep-padding - Padding of the banner.
 * @cssprop --sitrep-radius - Corner radius of an inline banner.
 * @cssprop --sitrep-z-index - Stacking of a top or bottom banner.
 */
export class SitrepBanner extends SitrepFeedElement {
  static override styles = styles;

  static override properties = {
    position: {},
    showOperational: { type: Boolean },
    operationalText: {},
    linkText: {},
    dismissLabel: {},
  };

  /** `top` or `bottom` (fixed over the page, shifting nothing) or `inline` (in the flow). */
  declare position: 'top' | 'bottom' | 'inline';
  /** Show a quiet "All systems operational" instead of nothing. */
  declare showOperational: boolean;
  declare operationalText: string;
  declare linkText: string;
  declare dismissLabel: string;

  /** Dismissals of this page view, for when storage is unavailable. */
  #dismissedHere = new Set<string>();

  constructor() {
    super();
    this.position = 'top';
    this.showOperational = false;
    this.operationalText = 'All systems operational';
    this.linkText = 'Details';
    this.dismissLabel = 'Dismiss';
  }

  #dismiss(key: string) {
    this.#dismissedHere.add(key);
    rememberDismissed(key);
    this.requestUpdate();
  }

  override render() {
    const { snapshot } = this.feed;
    const dismissed = readDismissed();
    const item = snapshot && pickBannerItem(snapshot, (key) => this.#dismissedHere.has(key) || dismissed.includes(key));
    const shown = item || (this.showOperational && snapshot?.indicator === 'none');
    // The live region stays in the page while there is nothing to show, so a screen reader hears
    // the first incident when it appears: a region inserted with its content is not announced.
    const tone = item?.tone ?? 'none';
    return html`<div class="live" aria-live=${tone === 'critical' ? 'assertive' : 'polite'}>${shown ? this.#base(item, tone) : nothing}</div>`;
  }

  #base(item: ReturnType<typeof pickBannerItem>, tone: string) {
    // The parser already keeps only http(s) links; checked again where one becomes a link.
    const href = url(item?.url);
    return html`<div
      part="base"
      class="base ${this.position} ${this.theme} ${tone}"
      role=${tone === 'critical' ? 'alert' : 'status'}
    >
      <div part="content" class="content">
        ${
          item
            ? html`<strong part="name">${item.name}</strong>
              ${item.status ? html`<span part="status">${humanize(item.status)}</span>` : nothing}
              ${this.window(item)}
              ${this.time(item.at)}
              ${
                href
                  ? html`<a part="link" href=${href} target="_blank" rel="noopener"
                    ><slot name="link">${this.linkText}</slot></a
                  >`
                  : nothing
              }
              ${item.body ? html`<span part="message" class="message">${item.body}</span>` : nothing}`
            : html`<slot name="operational">${this.operationalText}</slot>`
        }
        ${this.staleNote()}
      </div>
      ${
        item
          ? html`<button part="dismiss" type="button" aria-label=${this.dismissLabel} @click=${() => this.#dismiss(item.key)}>
            ×
          </button>`
          : nothing
      }
    </div>`;
  }
}
