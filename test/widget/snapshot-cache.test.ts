import { describe, expect, it } from 'vitest';
import { parseStatusFeed } from '../../src/feed/parse';
import { readCachedFeed, writeCachedFeed } from '../../widget/src/feed-client/snapshot-cache';
import { MemoryStorage, summaryJson } from './fakes';

const URL = 'https://status.example.com/api/v2/summary.json';
const text = summaryJson({ indicator: 'minor', incidents: [{ id: 'i', name: 'Slow', impact: 'minor' }] });
const snapshot = parseStatusFeed(text);

describe('snapshot cache', () => {
  it('round-trips a feed body with its validators, per feed URL, and reads it back with its snapshot', () => {
    const storage = new MemoryStorage();
    writeCachedFeed(URL, { text, fetchedAt: 1_700_000_000_000, etag: '"v1"' }, storage);
    expect(readCachedFeed(URL, storage)).toEqual({ text, fetchedAt: 1_700_000_000_000, etag: '"v1"', snapshot });
    expect(readCachedFeed(`${URL}?other`, storage)).toBeUndefined();
  });

  it('survives storage that refuses access', () => {
    const refusing = new MemoryStorage();
    refusing.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    refusing.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    expect(() => writeCachedFeed(URL, { text, fetchedAt: 1 }, refusing)).not.toThrow();
    expect(readCachedFeed(URL, refusing)).toBeUndefined();
  });

  it.each([
    ['not JSON', '{'],
    ['no fetchedAt', JSON.stringify({ text })],
    ['a fetchedAt that is not a number', JSON.stringify({ text, fetchedAt: '1' })],
    ['no body', JSON.stringify({ fetchedAt: 1 })],
    ['a body that is an HTML page', JSON.stringify({ text: '<!DOCTYPE html><h1>502</h1>', fetchedAt: 1 })],
    ['a body that is cut off', JSON.stringify({ text: text.slice(0, 100), fetchedAt: 1 })],
    ['a feed without a usable status', JSON.stringify({ text: '{"status":{"indicator":"purple"}}', fetchedAt: 1 })],
    ['a snapshot where the body belongs (an older widget’s entry)', JSON.stringify({ snapshot, fetchedAt: 1 })],
  ])('ignores an entry with %s', (_what, stored) => {
    const storage = new MemoryStorage();
    storage.setItem(`sitrep:feed:${URL}`, stored);
    expect(readCachedFeed(URL, storage)).toBeUndefined();
  });

  it('trusts what comes back no more than the network: it goes through the parser', () => {
    const storage = new MemoryStorage();
    const tampered = JSON.parse(text);
    tampered.incidents[0].shortlink = 'javascript:alert(document.domain)';
    tampered.page.url = 'javascript:alert(1)';
    tampered.incidents[0].name = `\u0000${'N'.repeat(10_000)}`;
    storage.setItem(`sitrep:feed:${URL}`, JSON.stringify({ text: JSON.stringify(tampered), fetchedAt: 1 }));
    const read = readCachedFeed(URL, storage)!.snapshot;
    expect(read.page.url).toBeUndefined();
    expect(read.incidents[0]!.url).toBeUndefined();
    expect(read.incidents[0]!.name).toBe(`${'N'.repeat(199)}…`);
  });
});
