import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { parseStatusFeed } from '../../src/feed/parse';

// Run with `npx vitest bench --project unit test/feed`. The widget parses on every changed
// poll; hostile or broken feeds must cost linear time, never hang the host page.
const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const attempt = (input: string) => {
  try {
    parseStatusFeed(input);
  } catch {
    // A FeedError is the expected outcome for the broken inputs.
  }
};

const cloudflare = fixture('statuspage-summary-cloudflare.json');
const big = JSON.stringify({
  ...JSON.parse(cloudflare),
  components: Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, name: `Component ${i}`, status: 'operational', group: false, group_id: null })),
});
const MB = 1_000_000;

describe('real feeds', () => {
  bench(`Statuspage summary.json (Cloudflare, ${Math.round(cloudflare.length / 1000)} KB)`, () => void parseStatusFeed(cloudflare));
  bench(`Statuspage summary.json with 1,000 components (${Math.round(big.length / 1000)} KB)`, () => void parseStatusFeed(big));
  bench('cState index.json (Tor)', () => void parseStatusFeed(fixture('cstate-index-tor.json')));
});

describe('hostile and broken feeds, 1 MB each', () => {
  const controlChars = `{"status":{"indicator":"none","description":"${'a\u0001'.repeat(MB / 2)}"}}`;
  const escapedQuotes = `{"status":"${'\\"'.repeat(MB / 2)}`;
  const quotes = `[${'"'.repeat(MB)}`;
  const commas = `[${'[1,],'.repeat(MB / 5)}1]`;
  bench('raw control characters to escape', () => attempt(controlChars));
  bench('an unterminated string of escaped quotes', () => attempt(escapedQuotes));
  bench('a million quotes', () => attempt(quotes));
  bench('200,000 trailing commas', () => attempt(commas));
  bench('an HTML page', () => attempt(`<!DOCTYPE html>${'<p>x</p>'.repeat(MB / 8)}`));
});
