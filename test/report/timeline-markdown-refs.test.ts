import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Clip, TimelineEntry } from '../../src/model';
import { buildTimelineMarkdown } from '../../src/report/timeline-markdown';
import { makeEntry, makeIncident } from './records';

const PD = 'https://acme.pagerduty.com/incidents/PT4KHLK';
const ZD = 'https://acme.zendesk.com/agent/tickets/8812';
const GH = 'https://github.com/acme/api/pull/412';

function clipOf(tool: Clip['tool'], pageUrl: string, ref: Clip['ref'], more: Partial<Clip> = {}): Clip {
  return { tool, pageUrl, pageTitle: '', frozenUrl: pageUrl, componentIds: [], ref, ...more };
}

// Berlin leaves summer time at 01:00 UTC on 25 Oct 2026: the alert is first seen in CEST and
// seen again in CET, an hour that reads "earlier" on the clock.
const incident = makeIncident({ startedAt: '2026-10-25T00:30:00.000Z' });
const entries: TimelineEntry[] = [
  makeEntry({
    at: '2026-10-25T00:40:00.000Z',
    kind: 'alert',
    text: 'PagerDuty PT4KHLK: Error rate above 5% on checkout-api',
    sourceUrl: PD,
    clip: clipOf(
      'pagerduty',
      PD,
      { kind: 'alert', id: 'PT4KHLK' },
      {
        sightings: [{ at: '2026-10-25T00:50:00.000Z', text: 'Acknowledged by Bo' }, { at: '2026-10-25T01:10:00.000Z' }],
      },
    ),
  }),
  makeEntry({
    at: '2026-10-25T00:45:00.000Z',
    kind: 'report',
    text: 'Zendesk #8812: Checkout fails with 500',
    sourceUrl: ZD,
    clip: clipOf('zendesk', ZD, { kind: 'ticket', id: '8812' }),
  }),
  // Edited by hand: the name of the change is put back in front.
  makeEntry({
    at: '2026-10-25T00:55:00.000Z',
    kind: 'code',
    text: 'Probably the trigger',
    sourceUrl: GH,
    clip: clipOf('github', GH, { kind: 'change', id: 'acme/api#412' }),
  }),
];
const now = new Date('2026-10-25T02:00:00.000Z');

describe('buildTimelineMarkdown: alerts, customer reports and code changes', () => {
  it.each([
    [
      'UTC',
      `## INC-1: Checkout errors after deploy

**SEV2 (Major)** · Investigating · started 2026-10-25 00:30 UTC · ongoing for 1 h 30 min

Times are UTC.

- 00:40 UTC — **Alert:** PagerDuty PT4KHLK: Error rate above 5% on checkout-api ([acme.pagerduty.com](<${PD}>))\\
  seen 3×: 00:40 UTC, 00:50 UTC, 01:10 UTC\\
  00:50 UTC: Acknowledged by Bo
- 00:45 UTC — **Customer report:** Zendesk #8812: Checkout fails with 500 ([acme.zendesk.com](<${ZD}>))
- 00:55 UTC — **Code change:** github.com/acme/api#412: Probably the trigger ([github.com](<${GH}>))
`,
    ],
    [
      'Europe/Berlin',
      `## INC-1: Checkout errors after deploy

**SEV2 (Major)** · Investigating · started 2026-10-25 02:30 CEST · ongoing for 1 h 30 min

Times are Europe/Berlin local time (CEST, CET).

- 02:40 CEST — **Alert:** PagerDuty PT4KHLK: Error rate above 5% on checkout-api ([acme.pagerduty.com](<${PD}>))\\
  seen 3×: 02:40 CEST, 02:50 CEST, 02:10 CET\\
  02:50 CEST: Acknowledged by Bo
- 02:45 CEST — **Customer report:** Zendesk #8812: Checkout fails with 500 ([acme.zendesk.com](<${ZD}>))
- 02:55 CEST — **Code change:** github.com/acme/api#412: Probably the trigger ([github.com](<${GH}>))
`,
    ],
  ])('in %s', (timeZone, golden) => {
    expect(buildTimelineMarkdown(incident, entries, { timeZone, now })).toBe(golden);
  });

  it('a sighting on another day says its date', () => {
    const alert = makeEntry({
      at: '2026-10-25T23:50:00.000Z',
      kind: 'alert',
      text: 'PagerDuty PT4KHLK',
      clip: clipOf('pagerduty', PD, { kind: 'alert', id: 'PT4KHLK' }, { sightings: [{ at: '2026-10-26T00:20:00.000Z' }] }),
    });
    const markdown = buildTimelineMarkdown(incident, [alert], { timeZone: 'UTC', now });
    expect(markdown).toContain('- 23:50 UTC — **Alert:** PagerDuty PT4KHLK\\\n  seen 2×: 23:50 UTC, 2026-10-26 00:20 UTC\n');
  });

  it('lists the times in order when a sighting is earlier than the entry (a held clip placed later)', () => {
    const alert = makeEntry({
      at: '2026-10-25T09:10:00.000Z',
      kind: 'alert',
      text: 'PagerDuty PT4KHLK',
      clip: clipOf('pagerduty', PD, { kind: 'alert', id: 'PT4KHLK' }, { sightings: [{ at: '2026-10-25T09:05:00.000Z' }] }),
    });
    expect(buildTimelineMarkdown(incident, [alert], { timeZone: 'UTC', now })).toContain('seen 2×: 09:05 UTC, 09:10 UTC\n');
  });

  it("a later clip's selection is escaped like any entry text, and links nothing", () => {
    const alert = makeEntry({
      at: '2026-10-25T00:40:00.000Z',
      kind: 'alert',
      text: 'PagerDuty PT4KHLK',
      clip: clipOf(
        'pagerduty',
        PD,
        { kind: 'alert', id: 'PT4KHLK' },
        {
          sightings: [{ at: '2026-10-25T00:50:00.000Z', text: '[pay here](https://evil.example.com) <img src=x>\n# not a heading\n\u202Egnp.exe' }],
        },
      ),
    });
    const markdown = buildTimelineMarkdown(incident, [alert], { timeZone: 'UTC', now });
    expect(markdown).toContain('  00:50 UTC: \\[pay here\\](https://evil.example.com) \\<img src=x\\>\\\n  \\# not a heading\\\n  gnp.exe\n');
    const html = new MarkdownIt({ html: true }).render(markdown);
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<h1>');
  });

  it('an entry emptied by an edit still names what it clipped', () => {
    const report = makeEntry({ kind: 'report', text: '', clip: clipOf('jira', 'https://acme.atlassian.net/browse/SUP-7', { kind: 'ticket', id: 'SUP-7' }) });
    expect(buildTimelineMarkdown(incident, [report], { timeZone: 'UTC', now })).toContain('— **Customer report:** Jira SUP-7\n');
  });
});
