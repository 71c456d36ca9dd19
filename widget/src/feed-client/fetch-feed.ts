/** What identifies the version of a feed we hold, for conditional requests. */
export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export type FeedResponse = { notModified: true } | { notModified: false; text: string; validators: Validators };

export interface FetchFeedOptions {
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

export const FEED_TIMEOUT_MS = 10_000;
/** Real summary.json files are a few KB; anything this big is a misconfigured URL. */
export const MAX_FEED_BYTES = 512 * 1024;

export const conditionalHeaders = ({ etag, lastModified }: Validators): Record<string, string> => ({
  ...(etag && { 'If-None-Match': etag }),
  ...(lastModified && { 'If-Modified-Since': lastModified }),
});

/**
 * One request for a feed. Network failures stay `TypeError`s (as fetch reports them) so the
 * caller can tell them from answers it cannot use; every other failure is an `Error` whose
 * message tells a site owner what is wrong.
 */
export async function fetchFeed(
  url: string,
  validators: Validators,
  { fetch = globalThis.fetch, timeoutMs = FEED_TIMEOUT_MS, maxBytes = MAX_FEED_BYTES }: FetchFeedOptions = {},
): Promise<FeedResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // no-store: we do our own revalidation, and the browser's cache would turn our 304s into 200s.
    const response = await fetch(url, {
      headers: { Accept: 'application/json', ...conditionalHeaders(validators) },
      cache: 'no-store',
      credentials: 'omit',
      signal: controller.signal,
    });
    if (response.status === 304) return { notModified: true };
    if (!response.ok) throw new Error(`Feed answered HTTP ${response.status}`);
    const text = await readLimited(response, maxBytes);
    const header = (name: string) => response.headers.get(name) ?? undefined;
    return { notModified: false, text, validators: { etag: header('etag'), lastModified: header('last-modified') } };
  } catch (error) {
    if (controller.signal.aborted) throw new Error(`Feed gave no answer within ${timeoutMs / 1000} s`);
    if (error instanceof TypeError) {
      throw new TypeError('Feed is unreachable: offline, or CORS does not allow this site');
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, refused past `maxBytes`: before reading when it declares more, else as it streams in. */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const tooBig = () => new Error(`Feed is over ${maxBytes / 1024} KB`);
  if (Number(response.headers.get('content-length')) > maxBytes) throw tooBig();
  const reader = response.body?.getReader();
  // Decoded as it arrives: a Blob's text() would be one more round trip to the browser's blob store.
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (let chunk; reader && !(chunk = await reader.read()).done; text += decoder.decode(chunk.value, { stream: true })) {
    if ((size += chunk.value.byteLength) > maxBytes) {
      reader.cancel().catch(() => {});
      throw tooBig();
    }
  }
  return text + decoder.decode();
}
