import { bench, describe } from 'vitest';
import type { TimelineEntry } from '../../src/model';
import { draftPostmortem } from '../../src/report/postmortem-draft';
import { buildPostmortemMarkdown } from '../../src/report/postmortem-markdown';
import { makePostmortem, overnight, overnightUpdates } from './postmortem-fixtures';
import { makeComponent, makeEntry, uuid } from './records';

// Run with `npx vitest bench --project unit test/report/postmortem.bench.ts`. A long incident's
// timeline (5,000 entries over two days, every tenth starred, a mix of kinds, clips with frozen
// links and screenshots) must draft and export in well under the time a click feels instant.
const KINDS = ['note', 'alert', 'clip', 'decision', 'code', 'report', 'comms', 'change'] as const;
const start = Date.parse(overnight.startedAt);

export function benchTimeline(count: number): TimelineEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length]!;
    const at = new Date(start + i * 30_000).toISOString();
    return makeEntry({
      at,
      kind,
      starred: i % 10 === 0,
      text: `Entry ${i}: error rate ${i % 100}% on checkout-api <b>pod-${i}</b> [see](https://grafana.example.com/d/${i})`,
      ...(kind === 'clip' && {
        sourceUrl: `https://grafana.example.com/d/abc?from=now-1h&to=now&i=${i}`,
        clip: {
          tool: 'grafana' as const,
          pageUrl: `https://grafana.example.com/d/abc?from=now-1h&to=now&i=${i}`,
          pageTitle: 'Checkout',
          frozenUrl: `https://grafana.example.com/d/abc?from=1764367200000&to=1764370800000&i=${i}`,
          panelTitle: '5xx rate by route',
          screenshotId: uuid(100_000 + i),
          componentIds: [],
        },
      }),
    });
  });
}

const entries = benchTimeline(5000);
const components = [makeComponent()];

describe('post-mortem from a 5,000-entry timeline', () => {
  bench(
    'draftPostmortem',
    () => void draftPostmortem({ incident: overnight, entries, updates: overnightUpdates(), components, now: new Date('2026-11-30T09:00:00.000Z') }),
  );
  bench('buildPostmortemMarkdown (timeline: all)', () => {
    void buildPostmortemMarkdown({ incident: overnight, postmortem: makePostmortem({ timeline: 'all' }), entries, actionItems: [] });
  });
  bench('draft + Markdown (timeline: all)', () => {
    const postmortem = { ...draftPostmortem({ incident: overnight, entries, updates: overnightUpdates(), components }), timeline: 'all' as const };
    void buildPostmortemMarkdown({ incident: overnight, postmortem, entries, actionItems: [] });
  });
});
