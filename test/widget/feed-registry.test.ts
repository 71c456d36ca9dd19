import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFeedRegistry, pollIntervalMs, type FeedState } from '../../widget/src/feed-client/feed-registry';
import { readCachedFeed } from '../../widget/src/feed-client/snapshot-cache';
import { FakeDocument, fakeFetch, MemoryStorage, summaryJson, type SeenRequest } from './fakes';

const URL = 'https://status.example.com/api/v2/summary.json';
const SECOND = 1000;

const minor = summaryJson({ indicator: 'minor', incidents: [{ id: 'inc1', name: 'Slow API', impact: 'minor' }] });
const major = summaryJson({ indicator: 'major', incidents: [{ id: 'inc1', name: 'API down', impact: 'major' }] });

/** A feed server with ETags that answers 304 to a matching If-None-Match. */
function etagServer(body: () => string | 'network-error') {
  return fakeFetch((request: SeenRequest) => {
    const text = body();
    if (text === 'network-error') return text;
    const etag = `"${text.length}-${text.charCodeAt(30)}"`;
    if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304 });
    return new Response(text, { headers: { ETag: etag } });
  });
}

function setup(fetch: typeof globalThis.fetch, storage = new MemoryStorage()) {
  const document = new FakeDocument();
  const warn = vi.fn();
  const registry = createFeedRegistry({ fetch, storage, document: document.asDocument(), random: () => 0, warn });
  return { registry, document, storage, warn };
}

function listener() {
  const states: FeedState[] = [];
  return { states, listen: (state: FeedState) => void states.push(state) };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-28T09:10:00.000Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pollIntervalMs', () => {
  it.each([
    [undefined, 60 * SECOND],
    [60, 60 * SECOND],
    ['120', 120 * SECOND],
    [15, 15 * SECOND],
    [5, 15 * SECOND],
    [0, 60 * SECOND],
    [-30, 60 * SECOND],
    ['soon', 60 * SECOND],
    [Infinity, 60 * SECOND],
  ])('poll=%j → %i ms', (seconds, ms) => {
    expect(pollIntervalMs(seconds)).toBe(ms);
  });
});

describe('createFeedRegistry', () => {
  it('makes one request per feed URL however many subscribe, and tells each of them', async () => {
    const { fetch, requests } = etagServer(() => minor);
    const { registry } = setup(fetch);
    const [a, b, c] = [listener(), listener(), listener()];
    registry.subscribe(URL, a.listen);
    registry.subscribe(URL, b.listen);
    registry.subscribe(URL, c.listen, 30);
    // The first request goes out at once, not a timer later: the banner's first paint waits on it.
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    for (const { states } of [a, b, c]) expect(states.at(-1)?.snapshot?.indicator).toBe('minor');

    // A late subscriber gets the current state without a request of its own.
    const late = listener();
    registry.subscribe(URL, late.listen);
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
    expect(late.states[0]?.snapshot?.indicator).toBe('minor');
  });

  it('polls at the fastest subscriber’s interval and revalidates with the ETag; a 304 tells nobody', async () => {
    const { fetch, requests } = etagServer(() => minor);
    const { registry } = setup(fetch);
    const a = listener();
    registry.subscribe(URL, a.listen, 60);
    registry.subscribe(URL, () => {}, 20);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(20 * SECOND);
    await vi.advanceTimersByTimeAsync(20 * SECOND);
    expect(requests.map((r) => r.at - requests[0]!.at)).toEqual([0, 20 * SECOND, 40 * SECOND]);
    expect(requests[0]!.headers.get('If-None-Match')).toBeNull();
    expect(requests[1]!.headers.get('If-None-Match')).toMatch(/^"\d+-\d+"$/);
    expect(a.states).toHaveLength(1);
  });

  it('tells subscribers when the feed changes, and not when an unchanged body comes back without validators', async () => {
    let body = minor;
    const { fetch, requests } = fakeFetch(() => new Response(body));
    const { registry } = setup(fetch);
    const a = listener();
    registry.subscribe(URL, a.listen, 15);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    expect(a.states).toHaveLength(1);
    body = major;
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    expect(requests).toHaveLength(3);
    expect(a.states.map((s) => s.snapshot?.indicator)).toEqual(['minor', 'major']);
  });

  it('sends If-Modified-Since when the server gives Last-Modified', async () => {
    const lastModified = 'Sat, 28 Nov 2026 09:00:00 GMT';
    const { fetch, requests } = fakeFetch((r) =>
      r.headers.get('If-Modified-Since') === lastModified
        ? new Response(null, { status: 304 })
        : new Response(minor, { headers: { 'Last-Modified': lastModified } }),
    );
    const { registry } = setup(fetch);
    registry.subscribe(URL, () => {}, 15);
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    expect(requests.map((r) => r.headers.get('If-Modified-Since'))).toEqual([null, lastModified]);
  });

  it('backs off exponentially on errors, keeps the last snapshot with the error, and recovers', async () => {
    let body: string | 'network-error' = minor;
    const { fetch, requests } = etagServer(() => body);
    const { registry, warn } = setup(fetch);
    const a = listener();
    registry.subscribe(URL, a.listen, 15);
    await vi.advanceTimersByTimeAsync(0);
    body = 'network-error';
    await vi.advanceTimersByTimeAsync(10 * 60 * SECOND);
    const gaps = requests.slice(1).map((r, i) => r.at - requests[i]!.at);
    // The first failure retries at once without conditional headers (they may be what failed);
    // then, random() = 0, each wait is half its ceiling of 15 s × 2^failures: doubling.
    expect(gaps.slice(0, 7)).toEqual([15, 0, 15, 30, 60, 120, 240].map((s) => s * SECOND));
    expect(requests.slice(2).every((r) => !r.headers.has('If-None-Match'))).toBe(true);
    const failed = a.states.at(-1)!;
    expect(failed.snapshot?.indicator).toBe('minor');
    expect(failed.error).toMatch(/unreachable/);
    expect(failed.fetchedAt).toBe(requests[0]!.at);
    expect(warn).toHaveBeenCalledTimes(1);

    body = minor;
    const before = requests.length;
    await vi.advanceTimersByTimeAsync(16 * 60 * SECOND);
    expect(a.states.at(-1)).toMatchObject({ error: undefined, snapshot: { indicator: 'minor' } });
    // Back online: the poll interval again, and conditional requests again.
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    const after = requests.slice(before);
    expect(after.at(-1)!.at - after.at(-2)!.at).toBe(15 * SECOND);
    expect(after.at(-1)!.headers.get('If-None-Match')).not.toBeNull();
  });

  it('reports a malformed feed with the parser’s message and warns once, never throwing', async () => {
    const { fetch } = fakeFetch(() => new Response('<!DOCTYPE html><h1>502 Bad Gateway</h1>'));
    const { registry, warn } = setup(fetch);
    const a = listener();
    registry.subscribe(URL, a.listen, 15);
    await vi.advanceTimersByTimeAsync(5 * 60 * SECOND);
    expect(a.states).toHaveLength(1);
    expect(a.states[0]!.snapshot).toBeUndefined();
    expect(a.states[0]!.error).toMatch(/not JSON/);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain(URL);
  });

  it('does not poll while the tab is hidden, and refreshes on return when a poll came due', async () => {
    const { fetch, requests } = etagServer(() => minor);
    const { registry, document } = setup(fetch);
    registry.subscribe(URL, () => {}, 15);
    await vi.advanceTimersByTimeAsync(0);
    document.show('hidden');
    await vi.advanceTimersByTimeAsync(10 * 60 * SECOND);
    expect(requests).toHaveLength(1);
    document.show('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(2);
  });

  it('waits out the rest of the interval when the tab returns before a poll is due', async () => {
    const { fetch, requests } = etagServer(() => minor);
    const { registry, document } = setup(fetch);
    registry.subscribe(URL, () => {}, 60);
    await vi.advanceTimersByTimeAsync(0);
    document.show('hidden');
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    document.show('visible');
    await vi.advanceTimersByTimeAsync(49 * SECOND);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 * SECOND);
    expect(requests).toHaveLength(2);
  });

  it('starts no request for a subscriber that arrives while the tab is hidden until it is shown', async () => {
    const { fetch, requests } = etagServer(() => minor);
    const { registry, document } = setup(fetch);
    document.show('hidden');
    registry.subscribe(URL, () => {}, 15);
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(requests).toHaveLength(0);
    document.show('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(requests).toHaveLength(1);
  });

  it('stops polling when the last subscriber leaves', async () => {
    const { fetch, requests } = etagServer(() => minor);
    const { registry } = setup(fetch);
    const leaveA = registry.subscribe(URL, () => {}, 15);
    const leaveB = registry.subscribe(URL, () => {}, 15);
    await vi.advanceTimersByTimeAsync(0);
    leaveA();
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    expect(requests).toHaveLength(2);
    leaveB();
    await vi.advanceTimersByTimeAsync(10 * 60 * SECOND);
    expect(requests).toHaveLength(2);
  });

  it('caches the last good snapshot, shows it at once on the next page, and keeps it with its age when the feed is unreachable', async () => {
    const storage = new MemoryStorage();
    const first = setup(etagServer(() => minor).fetch, storage);
    const leave = first.registry.subscribe(URL, () => {});
    await vi.advanceTimersByTimeAsync(0);
    leave();
    const cachedAt = Date.now();
    expect(readCachedFeed(URL, storage)?.snapshot.indicator).toBe('minor');

    await vi.advanceTimersByTimeAsync(5 * 60 * SECOND);
    const offline = fakeFetch(() => 'network-error');
    const next = setup(offline.fetch, storage);
    const a = listener();
    next.registry.subscribe(URL, a.listen);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.states[0]).toEqual({ snapshot: expect.objectContaining({ indicator: 'minor' }), fetchedAt: cachedAt });
    expect(a.states.at(-1)).toMatchObject({ fetchedAt: cachedAt, error: expect.stringMatching(/unreachable/) });
    expect(a.states.at(-1)!.snapshot?.indicator).toBe('minor');
  });

  it('revalidates the cached snapshot with its cached ETag on the next page', async () => {
    const storage = new MemoryStorage();
    const server = etagServer(() => minor);
    const leave = setup(server.fetch, storage).registry.subscribe(URL, () => {});
    await vi.advanceTimersByTimeAsync(0);
    leave();
    const next = setup(server.fetch, storage);
    const a = listener();
    next.registry.subscribe(URL, a.listen);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests[1]!.headers.get('If-None-Match')).toBe(server.requests.length && `"${minor.length}-${minor.charCodeAt(30)}"`);
    expect(a.states).toHaveLength(1); // the cached snapshot; the 304 changed nothing
  });

  it('tells nobody on the next page when a server without validators sends the cached body again', async () => {
    const storage = new MemoryStorage();
    const server = fakeFetch(() => new Response(minor));
    const leave = setup(server.fetch, storage).registry.subscribe(URL, () => {});
    await vi.advanceTimersByTimeAsync(0);
    leave();
    const a = listener();
    setup(server.fetch, storage).registry.subscribe(URL, a.listen);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.requests).toHaveLength(2);
    expect(a.states).toHaveLength(1); // the cached snapshot; the same body again changed nothing
    expect(readCachedFeed(URL, storage)?.fetchedAt).toBe(server.requests[1]!.at);
  });

  it('falls back to plain requests when conditional ones are refused (a CORS preflight the host does not answer)', async () => {
    const { fetch, requests } = fakeFetch((r) => (r.headers.has('If-None-Match') ? 'network-error' : new Response(minor, { headers: { ETag: '"v1"' } })));
    const { registry, warn } = setup(fetch);
    const a = listener();
    registry.subscribe(URL, a.listen, 15);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    expect(requests.map((r) => r.headers.get('If-None-Match'))).toEqual([null, '"v1"', null, null]);
    expect(a.states.every((s) => !s.error)).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('ignores a cached entry that is not a feed', async () => {
    const storage = new MemoryStorage();
    storage.setItem(`sitrep:feed:${URL}`, JSON.stringify({ fetchedAt: 1, text: '{"indicator":"none"}' }));
    const { fetch } = fakeFetch(() => 'network-error');
    const a = listener();
    setup(fetch, storage).registry.subscribe(URL, a.listen);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.states).toEqual([{ error: expect.any(String) }]);
  });
});
