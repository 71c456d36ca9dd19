import { parseStatusFeed, type StatusSnapshot } from '../../../src/feed/parse';
import { readStored, writeStored } from '../shared/stored';
import type { Validators } from './fetch-feed';

/** The last good answer of a feed, kept so a page can show it while the feed is unreachable. */
export interface CachedFeed extends Validators {
  /** The body as the feed sent it. */
  text: string;
  /** When the feed last confirmed this body (epoch ms). */
  fetchedAt: number;
}

const key = (url: string) => `sitrep:feed:${url}`;

/**
 * The cached answer with its snapshot. Storage is shared with the host page and with other
 * widget versions, so the body goes through the same parser as one from the network, and an
 * entry it refuses is no entry.
 */
export function readCachedFeed(url: string, storage?: Storage): (CachedFeed & { snapshot: StatusSnapshot }) | undefined {
  const cached = readStored(key(url), storage) as CachedFeed | undefined;
  try {
    return typeof cached?.fetchedAt === 'number' ? { ...cached, snapshot: parseStatusFeed(cached.text) } : undefined;
  } catch {
    return undefined;
  }
}

export function writeCachedFeed(url: string, cached: CachedFeed, storage?: Storage): void {
  writeStored(key(url), cached, storage);
}
