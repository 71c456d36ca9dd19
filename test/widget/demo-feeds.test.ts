import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError, parseStatusFeed } from '../../src/feed/parse';
import { pickBannerItem } from '../../widget/src/sitrep-banner/pick-banner-item';

// The demo's sample feeds (widget/demo/feeds, Statuspage v2 summary.json written for the demo)
// must each show the state their switch names.
const feed = (name: string) => readFileSync(join(import.meta.dirname, '../../widget/demo/feeds', `${name}.json`), 'utf8');

describe('demo sample feeds', () => {
  it.each([
    ['operational', 'none', undefined],
    ['minor', 'minor', 'Slow dashboard loading'],
    ['major', 'major', 'Elevated API error rates'],
    ['critical', 'critical', 'API and dashboard unavailable'],
    ['maintenance', 'maintenance', 'Database upgrade'],
  ])('%s reads as indicator %s with banner %j', (name, indicator, banner) => {
    const snapshot = parseStatusFeed(feed(name));
    expect(snapshot.indicator).toBe(indicator);
    expect(pickBannerItem(snapshot, () => false)?.name).toBe(banner);
  });

  it('broken is a feed the parser refuses with a clear error', () => {
    expect(() => parseStatusFeed(feed('broken'))).toThrow(FeedError);
    expect(() => parseStatusFeed(feed('broken'))).toThrow(/not JSON/);
  });
});
