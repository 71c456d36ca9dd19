import { parseStatusFeed, type StatusSnapshot } from '../../../src/feed/parse';
import { backoffDelay } from './backoff';
import { fetchFeed, type FeedResponse, type Validators } from './fetch-feed';
import { readCachedFeed, writeCachedFeed } from './snapshot-cache';

/** What the elements render: the last good snapshot, when it was confirmed, and why the last try failed. */
export interface FeedState {
  snapshot?: StatusSnapshot | undefined;
  /** Epoch ms of the last answer that confirmed `snapshot` (a 200 or a 304). */
  fetchedAt?: number | undefined;
  /** Set while the feed cannot be used; cleared by the next good answer. */
  error?: string | undefined;
}

export type FeedListener = (state: FeedState) => void;

export interface FeedRegistryDeps {
  fetch?: typeof globalThis.fetch;
  storage?: Storage;
  document?: Document;
  random?: () => number;
  warn?: (message: string) => void;
}

export const DEFAULT_POLL_SECONDS = 60;
export const MIN_POLL_SECONDS = 15;
const MAX_BACKOFF_MS = 30 * 60_000;

/** `poll` as written on an element, in ms: default when missing or not a number, never below the minimum. */
export function pollIntervalMs(seconds: unknown): number {
  const n = Number(seconds); // NaN when missing or not a number, 0 for null
  return Math.max(MIN_POLL_SECONDS, n > 0 && n < Infinity ? n : DEFAULT_POLL_SECONDS) * 1000;
}

interface Subscription {
  listener: FeedListener;
  ms: number;
}

interface Poller {
  subscriptions: Set<Subscription>;
  state(): FeedState;
  /** Re-arms the timer after the tab's visibility or the wanted interval changed. */
  wake(): void;
}

/**
 * One poller per feed URL, shared by every element that shows that feed: the first subscriber
 * starts it, the last one to leave stops it. Listeners hear only about changes (a new snapshot,
 * an error appearing or clearing), so a 304 costs them nothing. Polls pause while the tab is
 * hidden and resume on return, at once if one came due meanwhile.
 */
export function createFeedRegistry({ fetch, storage, document = globalThis.document, random = Math.random, warn = console.warn }: FeedRegistryDeps = {}) {
  const pollers = new Map<string, Poller>();
  const options = { fetch };
  const hidden = () => document?.visibilityState === 'hidden';
  const onVisibilityChange = () => pollers.forEach((poller) => poller.wake());

  function startPoller(url: string): Poller {
    const subscriptions = new Set<Subscription>();
    const cached = readCachedFeed(url, storage);
    let state: FeedState = cached ? { snapshot: cached.snapshot, fetchedAt: cached.fetchedAt } : {};
    let validators: Validators = { etag: cached?.etag, lastModified: cached?.lastModified };
    /** The body of the last good 200, or the cached one: the same body again from a server without validators counts as a 304. */
    let text = cached?.text;
    /** False once conditional headers (which need a CORS preflight cross-origin) failed. */
    let conditional = true;
    /** Set when plain requests failed too: the network, not CORS; conditional again on success. */
    let offline = false;
    let failures = 0;
    let busy = false;
    let lastAttempt = 0;
    let nextAt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const interval = () => Math.min(...[...subscriptions].map((s) => s.ms));
    const live = () => pollers.get(url) === poller;
    const publish = (next: FeedState) => {
      state = next;
      subscriptions.forEach((s) => s.listener(next));
    };
    const schedule = (delay: number) => {
      clearTimeout(timer);
      nextAt = Date.now() + delay;
      // Nothing is armed while the tab is hidden; wake() picks up from nextAt. A poll already due
      // (the first one) goes out now, not a task later: it is what the banner's first paint waits on.
      timer = hidden() ? undefined : delay > 0 ? setTimeout(() => void poll(), delay) : void poll();
    };

    async function request(): Promise<FeedResponse> {
      const sent = conditional ? validators : {};
      try {
        const response = await fetchFeed(url, sent, options);
        // Plain requests worked after both kinds failed: that was an outage, not CORS.
        if (offline) conditional = !(offline = false);
        return response;
      } catch (error) {
        // A cross-origin host that refuses the preflight conditional headers need (GitHub Pages
        // does) looks like a network error; a plain request may still be allowed.
        if (!(error instanceof TypeError) || !(sent.etag || sent.lastModified)) throw error;
        conditional = false;
        return await fetchFeed(url, {}, options).catch((plainError) => {
          offline = true; // both failed; go on with single plain requests until one works
          throw plainError;
        });
      }
    }

    async function poll() {
      if (hidden() || busy || !live()) return;
      busy = true;
      lastAttempt = Date.now();
      let backoff = 0;
      try {
        const response = await request();
        const fetchedAt = Date.now();
        failures = 0;
        if (response.notModified || response.text === text) {
          if (state.error) publish({ ...state, fetchedAt, error: undefined });
          else state.fetchedAt = fetchedAt;
        } else {
          const snapshot = parseStatusFeed(response.text); // FeedError says what is wrong with it
          text = response.text;
          publish({ snapshot, fetchedAt });
        }
        if (!response.notModified) validators = response.validators;
        if (live() && text) writeCachedFeed(url, { text, fetchedAt, ...validators }, storage);
      } catch (error) {
        backoff = backoffDelay(++failures, interval(), MAX_BACKOFF_MS, random);
        const message = error instanceof Error ? error.message : String(error);
        // Once per failure, not per retry: site owners see why; visitors see nothing broken.
        if (message !== state.error && live()) {
          warn(`sitrep: ${url}: ${message}`);
          publish({ ...state, error: message });
        }
      } finally {
        busy = false;
        // The interval as it is now: a faster subscriber may have joined while the request was out.
        if (live()) schedule(backoff || interval());
      }
    }

    const poller: Poller = {
      subscriptions,
      state: () => state,
      wake() {
        clearTimeout(timer);
        // A faster new subscriber pulls the next poll forward.
        if (!failures) nextAt = Math.min(nextAt, lastAttempt + interval());
        if (!busy && live()) schedule(nextAt - Date.now());
      },
    };
    return poller;
  }

  function subscribe(url: string, listener: FeedListener, pollSeconds?: unknown): () => void {
    const subscription = { listener, ms: pollIntervalMs(pollSeconds) };
    let poller = pollers.get(url);
    if (!poller) {
      poller = startPoller(url);
      if (!pollers.size) document?.addEventListener('visibilitychange', onVisibilityChange);
      pollers.set(url, poller);
    }
    poller.subscriptions.add(subscription);
    poller.wake();
    const current = poller;
    const { snapshot, error } = current.state();
    if (snapshot || error) queueMicrotask(() => current.subscriptions.has(subscription) && listener(current.state()));
    return () => {
      current.subscriptions.delete(subscription);
      if (current.subscriptions.size || pollers.get(url) !== current) return;
      pollers.delete(url);
      current.wake(); // no longer live: clears its timer and arms nothing
      if (!pollers.size) document?.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }

  return { subscribe };
}

/** `detail` of the event by which a bundle asks the page's feed registry for a subscription. */
interface SubscribeRequest {
  url: string;
  listener: FeedListener;
  pollSeconds: unknown;
  unsubscribe?: () => void;
}

const SUBSCRIBE = 'sitrep-feed-subscribe';

/**
 * Subscribes through the page-wide registry: one request per feed URL however many elements
 * show it, even across the banner and status bundles, which each carry this module. The first
 * bundle that subscribes serves the page; the others reach it by a synchronous DOM event, so no
 * global is needed. The event's detail (SubscribeRequest) is the contract between versions.
 */
export function subscribeFeed(url: string, listener: FeedListener, pollSeconds?: unknown): () => void {
  const request: SubscribeRequest = { url, listener, pollSeconds };
  document.dispatchEvent(new CustomEvent(SUBSCRIBE, { detail: request }));
  if (!request.unsubscribe) {
    const registry = createFeedRegistry();
    document.addEventListener(SUBSCRIBE, (event) => {
      const other = (event as CustomEvent<SubscribeRequest>).detail;
      other.unsubscribe ??= registry.subscribe(other.url, other.listener, other.pollSeconds);
    });
    request.unsubscribe = registry.subscribe(url, listener, pollSeconds);
  }
  return request.unsubscribe;
}
