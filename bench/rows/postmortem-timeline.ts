import type { Incident, TimelineEntry } from '../../src/model';
import { seededRandom } from '../seeded-random';

/** A resolved incident with `count` entries of every kind over six hours, for the post-mortem row. */
export function timelineOf(count: number): { incident: Incident; entries: TimelineEntry[] } {
  const rnd = seededRandom(11);
  const t0 = Date.parse('2026-11-27T20:00:00.000Z');
  const iso = (ms: number) => new Date(ms).toISOString();
  const id = '00000000-0000-4000-8000-000000000001';
  const incident: Incident = {
    id,
    key: 'INC-1',
    title: 'Checkout latency',
    severity: 'SEV2',
    status: 'resolved',
    impact: 'Slow checkout in the EU',
    publicTitle: 'Slow checkout',
    publicImpact: 'Some payments were slow',
    manager: 'Ana',
    startedAt: iso(t0),
    detectedAt: iso(t0 + 60_000),
    acknowledgedAt: iso(t0 + 120_000),
    mitigatedAt: iso(t0 + 3 * 3_600_000),
    resolvedAt: iso(t0 + 6 * 3_600_000),
    createdAt: iso(t0),
    updatedAt: iso(t0 + 6 * 3_600_000),
  };
  const kinds = ['note', 'decision', 'alert', 'action', 'comms', 'report', 'change'] as const;
  const entries = Array.from({ length: count }, (_, i): TimelineEntry => {
    const at = iso(t0 + Math.floor((i / count) * 6 * 3_600_000));
    return {
      id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
      incidentId: id,
      at,
      recordedAt: at,
      author: rnd() < 0.5 ? 'Ana' : 'Ben',
      kind: kinds[i % kinds.length]!,
      text: `Entry ${i}: checkout-api p99 ${Math.round(rnd() * 900)} ms`,
      starred: i % 97 === 0,
      updatedAt: at,
    };
  });
  return { incident, entries };
}
