import { check, ratioRow, type BenchRow } from '../harness/row';
import { interleave, summarize } from '../harness/stats';
import { timelineOf } from './postmortem-timeline';

/**
 * HOOK for the lead: the post-mortem draft from a 5,000-entry timeline, beside one
 * JSON.stringify of the same timeline. Not listed in bench/suites.ts until the post-mortem code
 * lands (src/report/postmortem-*.ts). To wire it (pure code, Node, like the site build):
 *
 *   1. Import the draft builder here, e.g.
 *        import { buildPostmortemDraft } from '../../src/report/postmortem-draft';
 *   2. Fill `draft` below with the call (incident and entries are built for you).
 *   3. In bench/suites.ts add: `nodeSuite('post-mortem', postmortemDraftRows)`.
 *   4. Set the bound (maxRatio) the issue settles on.
 */
export async function postmortemDraftRows(): Promise<BenchRow[]> {
  const { incident, entries } = timelineOf(5_000);
  const draft = (): unknown => {
    throw new Error('bench/rows/postmortem-draft.ts: call the post-mortem draft builder here');
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
  check(output, 'post-mortem: the draft came out empty');
  return [
    ratioRow({
      name: `post-mortem: draft from a ${entries.length.toLocaleString('en')}-entry timeline`,
      unit: 'ms',
      measured: summarize(times.measured),
      reference: { name: 'one JSON.stringify of the timeline', median: summarize(times.reference).median },
      maxRatio: 3,
    }),
  ];
}
