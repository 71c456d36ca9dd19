import { check, ratioRow, type BenchRow } from '../harness/row';
import { interleave, summarize } from '../harness/stats';
import { draftPostmortem } from '../../src/report/postmortem-draft';
import { buildPostmortemMarkdown } from '../../src/report/postmortem-markdown';
import { timelineOf } from './postmortem-timeline';

/**
 * The post-mortem as an incident manager gets it: one click drafts it from a 5,000-entry timeline
 * and renders its Markdown (every entry listed), beside one JSON.stringify of the same timeline.
 */
export async function postmortemDraftRows(): Promise<BenchRow[]> {
  const { incident, entries } = timelineOf(5_000);
  const now = new Date('2026-11-28T12:00:00.000Z');
  const draft = (): string => {
    const postmortem = { ...draftPostmortem({ incident, entries, updates: [], components: [], now }), timeline: 'all' as const };
    return buildPostmortemMarkdown({ incident, postmortem, entries, actionItems: [], now });
  };
  const timed = async (work: () => unknown) => {
    const t = performance.now();
    work();
    return performance.now() - t;
  };
  let output: unknown;
  const times = await interleave(
    { runs: 15, warmups: 3 },
    () => timed(() => (output = draft())),
    () => timed(() => JSON.stringify({ incident, entries })),
  );
  check(typeof output === 'string' && output.includes('Entry 4999:'), 'post-mortem: the draft does not list every entry');
  return [
    ratioRow({
      name: `post-mortem: draft + Markdown from a ${entries.length.toLocaleString('en')}-entry timeline`,
      unit: 'ms',
      measured: summarize(times.measured),
      reference: { name: 'one JSON.stringify of the timeline', median: summarize(times.reference).median },
      maxRatio: 3,
    }),
  ];
}
