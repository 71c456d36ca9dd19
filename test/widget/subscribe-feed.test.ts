// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedState } from '../../widget/src/feed-client/feed-registry';
import { fakeFetch, summaryJson } from './fakes';

const URL = 'https://status.example.com/api/v2/summary.json';

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('subscribeFeed', () => {
  it('shares one poller per URL between separately loaded copies of the module (the banner and status bundles)', async () => {
    const { fetch, requests } = fakeFetch(() => new Response(summaryJson({ indicator: 'minor', incidents: [{ id: 'i', name: 'Slow', impact: 'minor' }] })));
    vi.stubGlobal('fetch', fetch);
    vi.resetModules();
    const bannerBundle = await import('../../widget/src/feed-client/feed-registry');
    vi.resetModules();
    const statusBundle = await import('../../widget/src/feed-client/feed-registry');
    expect(statusBundle.subscribeFeed).not.toBe(bannerBundle.subscribeFeed);

    const seen: [string, FeedState][] = [];
    const leaveBanner = bannerBundle.subscribeFeed(URL, (s) => seen.push(['banner', s]), 15);
    const leaveStatus = statusBundle.subscribeFeed(URL, (s) => seen.push(['status', s]), 15);
    statusBundle.subscribeFeed(`${URL}?other`, () => {}, 15);
    await vi.advanceTimersByTimeAsync(0);
    expect(requests.map((r) => r.url)).toEqual([URL, `${URL}?other`]);
    expect(seen.map(([who, s]) => [who, s.snapshot?.indicator])).toEqual([
      ['banner', 'minor'],
      ['status', 'minor'],
    ]);

    leaveBanner();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(requests).toHaveLength(4);
    leaveStatus();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(requests.map((r) => r.url).slice(4)).toEqual([`${URL}?other`]);
  });
});
