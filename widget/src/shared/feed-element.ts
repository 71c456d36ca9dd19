import { html, nothing } from 'lit';
import type { FeedEvent, StatusSnapshot } from '../../../src/feed/parse';
import { time as isoTime } from '../../../src/feed/parse/read';
import { subscribeFeed, type FeedState } from '../feed-client/feed-registry';
import { exactTime, maintenanceWindow, pageLocale, relativeFormat, relativeTime } from './format';
import { ReactiveTemplateElement, type PropertyDeclaration } from './reactive-template-element';

export type Theme = 'light' | 'dark' | 'auto';

/** `detail` of the `sitrep-change` event. */
export interface SitrepChangeDetail {
  indicator: StatusSnapshot['indicator'];
  incidents: FeedEvent[];
  snapshot: StatusSnapshot;
}

/**
 * What `<sitrep-banner>` and `<sitrep-status>` share: the subscription to the feed while
 * connected (`src`, `poll`), `sitrep-change`, the theme, and relative times that stay current
 * without re-rendering for nothing.
 */
export class SitrepFeedElement extends ReactiveTemplateElement {
  static override properties: Record<string, PropertyDeclaration> = {
    src: {},
    poll: { type: Number },
    theme: {},
    staleText: {},
    untilText: {},
    upcomingText: {},
  };

  /** URL of the status feed (Statuspage v2 summary.json or status.json, cState, Upptime, Instatus). */
  declare src: string | undefined;
  /** Seconds between checks of the feed; default 60, at least 15. */
  declare poll: number;
  /** `light`, `dark`, or `auto` to follow the visitor's colour scheme. */
  declare theme: Theme;
  /** Shown while the feed is unreachable and a cached status is displayed; `{age}` is its age. */
  declare staleText: string;
  /** A maintenance window under way; `{end}` is its end. */
  declare untilText: string;
  /** An upcoming maintenance window; `{start}` and `{end}` are its times. */
  declare upcomingText: string;

  protected feed: FeedState = {};
  /** The absolute feed URL, against which relative links in the feed resolve. */
  declare protected feedUrl?: string | undefined;
  #subscribed?: string | undefined;
  #unsubscribe?: (() => void) | undefined;
  #changeKey?: string;
  #times: (string | number)[] = [];
  #shownTimes = '';
  #ticker?: ReturnType<typeof setInterval>;

  constructor() {
    super();
    this.poll = 60;
    this.theme = 'light';
    this.staleText = 'Status as of {age}: the status feed cannot be reached right now.';
    this.untilText = 'until {end}';
    this.upcomingText = 'from {start} to {end}';
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#follow();
    // The page's first Intl formatter costs 15–20 ms: made now, while the feed request is out,
    // that work and the wait overlap instead of adding up before the first paint.
    if (this.#subscribed) relativeFormat(this.locale);
    // Relative times age while nobody polls; re-render only when one would read differently.
    this.#ticker = setInterval(() => this.#timeLabels() !== this.#shownTimes && this.requestUpdate(), 30_000);
  }

  disconnectedCallback() {
    clearInterval(this.#ticker);
    this.#follow();
  }

  protected override willUpdate() {
    this.#follow();
    this.#times = [];
  }

  protected override updated() {
    this.#shownTimes = this.#timeLabels();
  }

  /** (Re)subscribes when connection, `src` or `poll` changed; cheap otherwise. */
  #follow() {
    const key = this.isConnected && this.src ? `${this.poll} ${this.src}` : undefined;
    if (key === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#subscribed = key;
    this.feed = {};
    this.#unsubscribe = this.feedUrl = undefined;
    if (!key) return;
    try {
      this.feedUrl = new URL(this.src!, document.baseURI).href;
    } catch {
      this.feed = { error: `src is not a URL: ${this.src}` };
      return;
    }
    this.#unsubscribe = subscribeFeed(this.feedUrl, (state) => this.#receive(state), this.poll);
  }

  #receive(state: FeedState) {
    this.feed = state;
    this.requestUpdate();
    const { snapshot } = state;
    if (!snapshot) return;
    const { indicator, incidents } = snapshot;
    const key = JSON.stringify([indicator, incidents.map((e) => [e.id, e.status, e.updatedAt])]);
    if (key === this.#changeKey) return;
    this.#changeKey = key;
    const detail: SitrepChangeDetail = { indicator, incidents, snapshot };
    this.dispatchEvent(new CustomEvent('sitrep-change', { bubbles: true, composed: true, detail }));
  }

  protected get locale() {
    return pageLocale(this);
  }

  #timeLabels() {
    return this.#times.map((at) => relativeTime(at, Date.now(), this.locale)).join();
  }

  /** A `<time>` reading "5 minutes ago", with the exact time on hover. */
  protected time(at: string | number | undefined) {
    const label = relativeTime(at, Date.now(), this.locale);
    if (!label) return nothing;
    this.#times.push(at!);
    return html`<time part="time" datetime=${isoTime(at)} title=${exactTime(at, this.locale)}>${label}</time>`;
  }

  /** When a maintenance runs ("until 14:00", "from 13:00 to 14:00"); nothing without an end. */
  protected window(event: Parameters<typeof maintenanceWindow>[0]) {
    const text = maintenanceWindow(event, this, Date.now(), this.locale);
    return text ? html`<span part="window">${text}</span>` : nothing;
  }

  /** The note shown while the feed is unreachable and the cached snapshot is on screen. */
  protected staleNote() {
    const { error, fetchedAt, snapshot } = this.feed;
    if (!error || !snapshot || fetchedAt === undefined) return nothing;
    const [before, after] = this.staleText.split('{age}');
    return html`<span part="stale" class="stale">${before}${this.time(fetchedAt)}${after}</span>`;
  }
}
