import { describe, expect, it } from 'vitest';
import { recognizeSentry } from '../../../src/capture/tools/sentry.ts';
import { expectNotRecognized, expectRecognized, expectRecognizedWithoutRange } from './expect-recognized.ts';

// Saturday 28 November 2026, 09:10 UTC.
const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2027-01-15T00:00:00.000Z');

describe('recognizeSentry', () => {
  it.each([
    {
      // A browser start page's bookmarks: organization subdomain, 14-day period.
      url: 'https://sms.sentry.io/issues/?project=4505904603660288&statsPeriod=14d',
      range: { from: '2026-11-14T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
    {
      // An admin app's project links: `+` is a space in the query.
      url: 'https://wandit.sentry.io/issues/?project=wandit-server&query=is%3Aunresolved+connectorSlug%3A*&statsPeriod=7d',
      range: { from: '2026-11-21T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'is:unresolved connectorSlug:*',
    },
    {
      // SciPost docs: the pre-subdomain `/organizations/<org>/` layout, no page filter.
      url: 'https://sentry.io/organizations/scipost/issues/?project=1427189',
    },
    {
      // getsentry/sentry tests (ReleaseIssues / widget "Open in Discover"): Discover link,
      // self-hosted host.
      url: 'https://sentry.example.com/organizations/org-slug/discover/results/?field=title&field=event.type&field=project&field=user.display&field=timestamp&name=All%20Events&query=browser%3AFirefox%20title%3A%22Oh%20no%20something%20bad%22&sort=-timestamp&statsPeriod=24h&yAxis=count%28%29',
      range: { from: '2026-11-27T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'browser:Firefox title:"Oh no something bad"',
    },
    {
      // getsentry/sentry transaction summary test: `statsPeriod` beside `start`/`end` wins, as in
      // Sentry's normalizeDateTimeParams.
      url: 'https://sentry.example.com/organizations/org-slug/performance/summary/?end=2019-10-02T00%3A00%3A00&project=2&query=&referrer=performance-transaction-summary&start=2019-10-01T00%3A00%3A00&statsPeriod=14d&transaction=%2Fapple%2Fcart&unselectedSeries=p100%28%29&unselectedSeries=avg%28%29',
      range: { from: '2026-11-14T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
    {
      // The same test link without `statsPeriod`: zoneless `start`/`end` are UTC.
      url: 'https://sentry.example.com/organizations/org-slug/performance/summary/?end=2019-10-02T00%3A00%3A00&project=2&query=&referrer=performance-transaction-summary&start=2019-10-01T00%3A00%3A00&transaction=%2Fapple%2Fcart',
      range: { from: '2019-10-01T00:00:00.000Z', to: '2019-10-02T00:00:00.000Z', relative: false },
    },
    {
      // A test-harness script's Discover check on demo.sentry.io (`{start}`/`{end}` filled in).
      url: 'https://demo.sentry.io/discover/results/?end=2026-11-28T09%3A00%3A00&field=title&field=se&field=timestamp&project=5&query=se:prod-tda-direct-*%2A&queryDataset=error-events&sort=-timestamp&start=2026-11-28T08%3A00%3A00&yAxis=count%28%29',
      range: { from: '2026-11-28T08:00:00.000Z', to: '2026-11-28T09:00:00.000Z', relative: false },
      query: 'se:prod-tda-direct-**',
    },
    {
      // Constructed from getsentry/sentry pageFilters/parse.tsx parseStatsPeriod, where a bare
      // number is seconds; self-hosted under a sub-path, on an issue's page.
      url: 'https://tools.example.com/sentry/organizations/acme/issues/4711/?statsPeriod=3600',
      range: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
    {
      // Constructed: Sentry's pre-2018 `/<org>/<project>/issues/<id>/` layout on a self-hosted
      // host named for Sentry, with legacy `period`.
      url: 'https://sentry.internal.example/acme/backend/issues/123/?period=24h',
      range: { from: '2026-11-27T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
  ])('$url', ({ url, range, query }) => {
    expectRecognized(recognizeSentry, url, { tool: 'sentry', range, query, panel: undefined }, { now: NOW, later: LATER });
  });

  it('drops statsPeriod and writes start/end in Sentry’s own UTC form', () => {
    const result = recognizeSentry(new URL('https://sms.sentry.io/issues/?project=4505904603660288&statsPeriod=14d'), NOW);
    expect(result?.frozenUrl).toBe('https://sms.sentry.io/issues/?project=4505904603660288&start=2026-11-14T09%3A10%3A00&end=2026-11-28T09%3A10%3A00');
  });

  it.each([
    'https://docs.sentry.io/product/issues/',
    'https://sentry.io/pricing/',
    'https://example.com/organizations/acme/members/',
    'https://github.com/organizations/acme/settings/profile',
    'https://github.com/getsentry/sentry/issues/?statsPeriod=14d',
    'https://example.com/search?statsPeriod=24h',
  ])('is not Sentry: %s', (url) => {
    expectNotRecognized(recognizeSentry, url, NOW);
  });

  it.each([
    'https://acme.sentry.io/issues/?statsPeriod=forever',
    'https://acme.sentry.io/issues/?statsPeriod=-1h',
    'https://acme.sentry.io/issues/?start=2019-13-01T00%3A00%3A00&end=2019-10-02T00%3A00%3A00',
    'https://acme.sentry.io/issues/?start=2019-10-01T00%3A00%3A00',
    'https://acme.sentry.io/issues/?start=2019-10-03T00%3A00%3A00&end=2019-10-02T00%3A00%3A00',
  ])('keeps a broken window out of the range: %s', (url) => {
    expectRecognizedWithoutRange(recognizeSentry, url, 'sentry', NOW);
  });
});
