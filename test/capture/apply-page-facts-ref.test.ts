import { describe, expect, it } from 'vitest';
import { applyPageFacts, pageFactsWanted } from '../../src/capture/apply-page-facts.ts';
import { buildClip } from '../../src/capture/build-clip.ts';
import { recognize } from '../../src/capture/recognize.ts';
import { PAGE_FACT_READERS } from '../../src/clipper/page-scripts.ts';

const NOW = new Date('2026-11-28T09:10:00.000Z');
const INCIDENT = recognize('https://acme.pagerduty.com/incidents/PT4KHLK', NOW);
const TICKET = recognize('https://acme.zendesk.com/agent/tickets/8812', NOW);

describe('pageFactsWanted', () => {
  it.each([
    ['https://acme.pagerduty.com/incidents/PT4KHLK', 'pagerduty'],
    ['https://acme.app.opsgenie.com/alert/detail/052652ac-5d1c-464a-812a-7dd18bbfba8c/details', 'opsgenie'],
    ['https://acme.atlassian.net/browse/ACME-123', 'jira'],
    ['https://acme.zendesk.com/agent/tickets/8812', 'zendesk'],
    ['https://github.com/acme/api/commit/a5c3785ed8d6a35868bc169f07e40e889087fd2e', 'github'],
    ['https://gitlab.com/acme/api/-/merge_requests/12', undefined],
    ['https://app.intercom.com/a/inbox/_/inbox/conversation/215474154263922', undefined],
  ])('%s is read by %s', (url, kind) => {
    const wanted = pageFactsWanted(recognize(url, NOW).tool);
    expect(wanted).toBe(kind);
    if (wanted) expect(typeof PAGE_FACT_READERS[wanted]).toBe('function');
  });
});

describe('applyPageFacts on alert, ticket and change pages', () => {
  it('puts the title where a panel goes and the service where a dashboard goes', () => {
    expect(applyPageFacts(TICKET, { title: 'Checkout fails', service: 'Payments' }, NOW)).toEqual({
      recognized: TICKET,
      panelTitle: 'Checkout fails',
      dashboardTitle: 'Payments',
    });
  });

  it.each([
    ['2026-11-28T08:42:17Z', '2026-11-28T08:42:17.000Z'],
    ['2026-11-28T09:42:17+01:00', '2026-11-28T08:42:17.000Z'],
    ['2026-11-28T09:14:00.5Z', '2026-11-28T09:14:00.500Z'], // a page clock a few minutes ahead
  ])('takes the alert time %s as %s', (alertedAt, instant) => {
    expect(applyPageFacts(INCIDENT, { alertedAt }, NOW).alertedAt).toBe(instant);
  });

  it.each([
    '2026-11-28T08:42:17', // no zone: whose 08:42?
    'Nov 28, 2026 8:42 AM',
    '2026-11-28T09:30:00Z', // later than now, beyond any clock skew
    '2026-02-30T08:00:00Z', // no such day (Date.parse would say 2 March)
    '2026-11-28T24:00:00Z',
    '2026-11-28T08:42:17+01:75',
    '1969-12-31T23:59:59Z',
    '',
  ])('drops an alert time that is no instant before now: %j', (alertedAt) => {
    expect(applyPageFacts(INCIDENT, { alertedAt }, NOW).alertedAt).toBeUndefined();
  });

  it('keeps alert times to alerts', () => {
    expect(applyPageFacts(TICKET, { alertedAt: '2026-11-28T08:42:17Z' }, NOW).alertedAt).toBeUndefined();
  });

  it.each([null, 'a string', { title: 42 }, { title: 'x'.repeat(501) }])('ignores facts that do not parse: %j', (raw) => {
    expect(applyPageFacts(INCIDENT, raw, NOW)).toEqual({ recognized: INCIDENT });
  });
});

describe('buildClip with a ref', () => {
  it('stores what the page is about on the clip', () => {
    const { draft } = buildClip({
      pageUrl: 'https://acme.zendesk.com/agent/tickets/8812',
      pageTitle: 'Acme Support – Agent',
      recognized: TICKET,
      components: [],
    });
    expect(draft.clip.ref).toEqual({ kind: 'ticket', id: '8812' });
  });

  it('drops a ref the model cannot hold, and keeps the clip', () => {
    const url = `https://gitlab.com/${'g/'.repeat(120)}api/-/merge_requests/12`;
    const recognized = recognize(url, NOW);
    expect(recognized.ref?.id.length).toBeGreaterThan(200);
    const { draft, notices } = buildClip({ pageUrl: url, pageTitle: 'MR', recognized, components: [] });
    expect(draft.clip.ref).toBeUndefined();
    expect(draft.clip.tool).toBe('gitlab');
    expect(notices).toEqual([]);
  });
});
