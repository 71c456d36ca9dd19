import { describe, expect, it } from 'vitest';
import { recognizeGrafanaExplore } from '../../../src/capture/tools/grafana-explore.ts';
import { expectNotRecognized, expectRecognized } from './expect-recognized.ts';

const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2031-05-05T00:00:00Z');
const LAST_HOUR = { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true };
const at = (state: string) => `https://grafana.example.com/explore?orgId=1&${state}`;
const ms = (iso: string) => String(Date.parse(iso));

describe('recognizeGrafanaExplore', () => {
  it.each([
    {
      // Grafana v0 migrator test, "returns a valid Explore state from URL parameter".
      name: 'old `left` object',
      url: at(`left=${encodeURIComponent('{"datasource":"Local","queries":[{"expr":"metric"}],"range":{"from":"now-1h","to":"now"}}')}`),
      query: 'metric',
      range: LAST_HOUR,
    },
    {
      // Grafana v0 migrator test, "returns a valid Explore state from a compact URL parameter".
      name: 'old compact `left` array',
      url: at(`left=${encodeURIComponent('["now-1h","now","Local",{"expr":"metric"},{"ui":[true,true,true,"none"],"__panelsState":{"logs":"1"}}]')}`),
      query: 'metric',
      range: LAST_HOUR,
    },
    {
      // Grafana v0 migrator test, "should not return a query for mode in the url".
      name: 'compact array with an Explore mode entry and no query text',
      url: at(
        `left=${encodeURIComponent('["now-1h","now","x-ray-datasource",{"queryType":"getTraceSummaries"},{"mode":"Metrics"},{"ui":[true,true,true,"none"]}]')}`,
      ),
      query: undefined,
      range: LAST_HOUR,
    },
    {
      // Grafana v1 migrator test, "correctly parses state with variables".
      name: 'panes (schemaVersion 1)',
      url: at(
        `schemaVersion=1&panes=${encodeURIComponent(JSON.stringify({ aaa: { datasource: 'my-ds', queries: [{ refId: 'A' }], range: { from: 'now-1h', to: 'now' } } }))}`,
      ),
      query: undefined,
      range: LAST_HOUR,
    },
    {
      // The shape Grafana 11 writes for a Loki query in Explore (constructed from the v1 format).
      name: 'panes with a LogQL query and an absolute epoch-ms range',
      url: at(
        `schemaVersion=1&panes=${encodeURIComponent(
          JSON.stringify({
            yy9: {
              datasource: 'P8E80F9AEF21F6940',
              queries: [{ refId: 'A', expr: '{job="payments"} |= "timeout"', datasource: { type: 'loki', uid: 'P8E80F9AEF21F6940' } }],
              range: { from: '1795852800000', to: '1795856400000' },
            },
          }),
        )}`,
      ),
      query: '{job="payments"} |= "timeout"',
      range: { from: '2026-11-28T08:00:00.000Z', to: '2026-11-28T09:00:00.000Z', relative: false },
    },
    {
      // Constructed: Tempo keeps TraceQL in `query`; a pane without a range shows DEFAULT_RANGE.
      name: 'a pane without a range shows Explore’s default hour',
      url: at(`schemaVersion=1&panes=${encodeURIComponent('{"a1":{"datasource":"tempo","queries":[{"refId":"A","query":"{ status = error }"}]}}')}`),
      query: '{ status = error }',
      range: LAST_HOUR,
    },
    {
      // Constructed: a Postgres pane keeps its query text in `rawSql`.
      name: 'SQL query text',
      url: at(
        `schemaVersion=1&panes=${encodeURIComponent('{"b":{"datasource":"pg","queries":[{"refId":"A","rawSql":"SELECT 1"}],"range":{"from":"now-6h","to":"now"}}}')}`,
      ),
      query: 'SELECT 1',
      range: { from: '2026-11-28T03:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
    },
  ])('$name', ({ url, query, range }) => {
    const found = expectRecognized(recognizeGrafanaExplore, url, { tool: 'grafana-explore', range, query }, { now: NOW, later: LATER });
    expect(new URL(found.frozenUrl).searchParams.get('orgId')).toBe('1');
  });

  it('writes epoch milliseconds into every pane of a split view', () => {
    const panes = {
      left: { datasource: 'prom', queries: [{ refId: 'A', expr: 'up' }], range: { from: 'now-1h', to: 'now' } },
      right: { datasource: 'loki', queries: [{ refId: 'A', expr: '{app="x"}' }], range: { from: 'now-15m', to: 'now' } },
    };
    const found = recognizeGrafanaExplore(new URL(at(`schemaVersion=1&panes=${encodeURIComponent(JSON.stringify(panes))}`)), NOW);
    const frozen = JSON.parse(new URL(found?.frozenUrl ?? '').searchParams.get('panes') ?? '{}');
    expect(frozen.left.range).toEqual({ from: ms('2026-11-28T08:10:00.000Z'), to: ms('2026-11-28T09:10:00.000Z') });
    expect(frozen.right.range).toEqual({ from: ms('2026-11-28T08:55:00.000Z'), to: ms('2026-11-28T09:10:00.000Z') });
    expect(frozen.left.queries).toEqual(panes.left.queries);
    expect(found?.query).toBe('up');
  });

  it('keeps the compact array form when freezing it', () => {
    const url = at(`left=${encodeURIComponent('["now-1h","now","Local",{"expr":"metric"}]')}`);
    const left = new URL(recognizeGrafanaExplore(new URL(url), NOW)?.frozenUrl ?? '').searchParams.get('left');
    expect(JSON.parse(left ?? '')).toEqual([ms('2026-11-28T08:10:00.000Z'), ms('2026-11-28T09:10:00.000Z'), 'Local', { expr: 'metric' }]);
  });

  it('recognizes Explore whose state it cannot read, and leaves it as it is', () => {
    const url = 'https://ops.example.com/grafana/explore?schemaVersion=1&panes=%7Ba%20malformed%20json%7D';
    expect(recognizeGrafanaExplore(new URL(url), NOW)).toEqual({ tool: 'grafana-explore', frozenUrl: url });
  });

  it.each(['https://example.com/explore', 'https://grafana.example.com/d/abc/payments?left=x', 'https://example.com/explore/more?panes=%7B%7D'])(
    'leaves %s to other recognizers',
    (url) => {
      expectNotRecognized(recognizeGrafanaExplore, url, NOW);
    },
  );
});
