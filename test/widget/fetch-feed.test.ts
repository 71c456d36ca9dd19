import { afterEach, describe, expect, it, vi } from 'vitest';
import { conditionalHeaders, fetchFeed } from '../../widget/src/feed-client/fetch-feed';
import { fakeFetch } from './fakes';

const URL = 'https://status.example.com/api/v2/summary.json';

afterEach(() => {
  vi.useRealTimers();
});

describe('conditionalHeaders', () => {
  it.each([
    [{}, {}],
    [{ etag: '"abc"' }, { 'If-None-Match': '"abc"' }],
    [{ lastModified: 'Sat, 28 Nov 2026 09:00:00 GMT' }, { 'If-Modified-Since': 'Sat, 28 Nov 2026 09:00:00 GMT' }],
    [
      { etag: 'W/"1"', lastModified: 'Sat, 28 Nov 2026 09:00:00 GMT' },
      { 'If-None-Match': 'W/"1"', 'If-Modified-Since': 'Sat, 28 Nov 2026 09:00:00 GMT' },
    ],
  ])('%j → %j', (validators, headers) => {
    expect(conditionalHeaders(validators)).toEqual(headers);
  });
});

describe('fetchFeed', () => {
  it('returns the body and its validators, sending the validators it was given', async () => {
    const { fetch, requests } = fakeFetch(() => new Response('{"ok":1}', { headers: { ETag: '"v2"', 'Last-Modified': 'Sat, 28 Nov 2026 09:00:00 GMT' } }));
    const result = await fetchFeed(URL, { etag: '"v1"' }, { fetch });
    expect(result).toEqual({
      notModified: false,
      text: '{"ok":1}',
      validators: { etag: '"v2"', lastModified: 'Sat, 28 Nov 2026 09:00:00 GMT' },
    });
    expect(requests[0]!.headers.get('If-None-Match')).toBe('"v1"');
    expect(requests[0]!.headers.get('Accept')).toBe('application/json');
  });

  it('reports a 304 as not modified', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 304 }));
    expect(await fetchFeed(URL, { etag: '"v1"' }, { fetch })).toEqual({ notModified: true });
  });

  it.each([404, 500, 503])('fails on HTTP %i, naming the status', async (status) => {
    const { fetch } = fakeFetch(() => new Response('<h1>oops</h1>', { status }));
    await expect(fetchFeed(URL, {}, { fetch })).rejects.toThrow(`HTTP ${status}`);
  });

  it('refuses a body larger than the limit it declares', async () => {
    const { fetch } = fakeFetch(() => new Response('x'.repeat(2000), { headers: { 'Content-Length': '2000' } }));
    await expect(fetchFeed(URL, {}, { fetch, maxBytes: 1024 })).rejects.toThrow('over 1 KB');
  });

  it('stops reading a body that grows past the limit without declaring its length', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(512).fill(32));
      },
    });
    const { fetch } = fakeFetch(() => new Response(endless));
    await expect(fetchFeed(URL, {}, { fetch, maxBytes: 4096 })).rejects.toThrow('over 4 KB');
    expect(pulled).toBeLessThan(20);
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"name":"Störung – 障害"}');
    const chunks = [bytes.slice(0, 11), bytes.slice(11, 13), bytes.slice(13)];
    const { fetch } = fakeFetch(() => new Response(new ReadableStream({ start: (c) => (chunks.forEach((x) => c.enqueue(x)), c.close()) })));
    expect(await fetchFeed(URL, {}, { fetch })).toMatchObject({ text: '{"name":"Störung – 障害"}' });
  });

  it('gives up after the timeout', async () => {
    vi.useFakeTimers();
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as typeof globalThis.fetch;
    const result = fetchFeed(URL, {}, { fetch, timeoutMs: 10_000 });
    const settled = expect(result).rejects.toThrow('within 10 s');
    await vi.advanceTimersByTimeAsync(10_000);
    await settled;
  });

  it('keeps a network failure a TypeError, with a message a site owner can act on', async () => {
    const { fetch } = fakeFetch(() => 'network-error');
    const error = await fetchFeed(URL, {}, { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/unreachable.*CORS/);
  });
});
