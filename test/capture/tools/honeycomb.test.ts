import { describe, expect, it } from 'vitest';
import { recognizeHoneycomb } from '../../../src/capture/tools/honeycomb.ts';
import { expectNotRecognized, expectRecognized, expectRecognizedWithoutRange } from './expect-recognized.ts';

// Saturday 28 November 2026, 09:10 UTC.
const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2027-01-15T00:00:00.000Z');

describe('recognizeHoneycomb', () => {
  it.each([
    {
      // getlantern/flashlight otel.go honeycombQueryTemplate (UUID filled in): five minutes back.
      url: 'https://ui.honeycomb.io/lantern-bc/environments/prod/datasets/flashlight?query=%7B%22time_range%22%3A300%2C%22granularity%22%3A15%2C%22breakdowns%22%3A%5B%5D%2C%22calculations%22%3A%5B%7B%22op%22%3A%22COUNT%22%7D%5D%2C%22filters%22%3A%5B%7B%22column%22%3A%22pinger-id%22%2C%22op%22%3A%22%3D%22%2C%22value%22%3A%22b0c4d1e2-0000-4000-8000-000000000001%22%7D%5D%2C%22filter_combination%22%3A%22AND%22%2C%22orders%22%3A%5B%5D%2C%22havings%22%3A%5B%5D%2C%22trace_joins%22%3A%5B%5D%2C%22limit%22%3A100%7D',
      range: { from: '2026-11-28T09:05:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'COUNT WHERE pinger-id = b0c4d1e2-0000-4000-8000-000000000001',
    },
    {
      // An Outreach service runbook: classic `/<team>/datasets/<dataset>` with calculations,
      // breakdown and order; two hours back.
      url: 'https://ui.honeycomb.io/outreach-a0/datasets/outreach?query=%7B%22time_range%22%3A7200%2C%22granularity%22%3A0%2C%22breakdowns%22%3A%5B%22name%22%5D%2C%22calculations%22%3A%5B%7B%22op%22%3A%22P95%22%2C%22column%22%3A%22duration_ms%22%7D%2C%7B%22op%22%3A%22HEATMAP%22%2C%22column%22%3A%22duration_ms%22%7D%5D%2C%22filters%22%3A%5B%7B%22column%22%3A%22app.name%22%2C%22op%22%3A%22%3D%22%2C%22value%22%3A%22vivekshahintro%22%7D%5D%2C%22filter_combination%22%3A%22AND%22%2C%22orders%22%3A%5B%7B%22column%22%3A%22duration_ms%22%2C%22op%22%3A%22P95%22%2C%22order%22%3A%22descending%22%7D%5D%2C%22havings%22%3A%5B%5D%2C%22limit%22%3A1000%7D',
      range: { from: '2026-11-28T07:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'P95(duration_ms), HEATMAP(duration_ms) WHERE app.name = vivekshahintro GROUP BY name',
    },
    {
      // A notes file on LLM conversation traces: environment-wide (no dataset), seven days.
      url: 'https://ui.honeycomb.io/modernity/environments/llms-from-the-top?query=%7B%22time_range%22%3A604800%2C%22granularity%22%3A0%2C%22breakdowns%22%3A%5B%5D%2C%22calculations%22%3A%5B%7B%22op%22%3A%22COUNT%22%7D%5D%2C%22filters%22%3A%5B%7B%22column%22%3A%22gen_ai.conversation.id%22%2C%22op%22%3A%22%3D%22%2C%22value%22%3A%22conv-1%22%7D%5D%2C%22filter_combination%22%3A%22AND%22%2C%22orders%22%3A%5B%7B%22op%22%3A%22COUNT%22%2C%22order%22%3A%22descending%22%7D%5D%2C%22limit%22%3A1000%7D',
      range: { from: '2026-11-21T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'COUNT WHERE gen_ai.conversation.id = conv-1',
    },
    {
      // A worker's log link (`end_time` filled in): `end_time` plus `time_range` is fixed.
      url: 'https://ui.honeycomb.io/dryadsystems/environments/test/datasets/sparkl?query=%7B%22time_range%22%3A1209600%2C%22calculations%22%3A%5B%5D%2C%22filters%22%3A%5B%7B%22column%22%3A%22host%22%2C%22op%22%3A%22%3D%22%2C%22value%22%3A%22worker-7%22%7D%5D%2C%22limit%22%3A100%2C%22end_time%22%3A1700000000%7D',
      range: { from: '2023-10-31T22:13:20.000Z', to: '2023-11-14T22:13:20.000Z', relative: false },
      query: 'COUNT WHERE host = worker-7',
    },
    {
      // mongodb flakinator script: `!=` filter, OR combination (constructed: two filters, OR).
      url: 'https://ui.honeycomb.io/mongodb-4b/environments/production?query=%7B%22time_range%22%3A86400%2C%22breakdowns%22%3A%5B%22evergreen.task.name%22%5D%2C%22calculations%22%3A%5B%7B%22op%22%3A%22COUNT%22%7D%5D%2C%22filters%22%3A%5B%7B%22column%22%3A%22evergreen.task.name%22%2C%22op%22%3A%22!%3D%22%2C%22value%22%3A%22lint_repo%22%7D%2C%7B%22column%22%3A%22error%22%2C%22op%22%3A%22exists%22%7D%5D%2C%22filter_combination%22%3A%22OR%22%7D',
      range: { from: '2026-11-27T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'COUNT WHERE evergreen.task.name != lint_repo OR error exists GROUP BY evergreen.task.name',
    },
    {
      // evergreen-ci/ui getHoneycombTaskCostUrl test: unencoded JSON, no time fields (two hours).
      url: 'https://ui.honeycomb.io/mongodb-4b/datasets/evergreen?query={"calculations":[{"op":"MAX","column":"evergreen.task.adjusted_cost"}],"filters":[{"column":"evergreen.task.id","op":"=","value":"task_12345"}]}',
      range: { from: '2026-11-28T07:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'MAX(evergreen.task.adjusted_cost) WHERE evergreen.task.id = task_12345',
    },
    {
      // evergreen-ci/ui getHoneycombTraceUrl test, on the UI host: a trace between epoch seconds.
      url: 'https://ui.honeycomb.io/mongodb-4b/datasets/evergreen-agent/trace?trace_id=abcdef&trace_start_ts=1688756921&trace_end_ts=1688756941',
      range: { from: '2023-07-07T19:08:41.000Z', to: '2023-07-07T19:09:01.000Z', relative: false },
      query: 'trace_id=abcdef',
    },
    {
      // A URL-parsing test suite: a saved result's trace view, window stored server-side.
      url: 'https://ui.honeycomb.io/cyberworlds/environments/production/datasets/tracer/result/6vifEXX7RLx/trace/dH2qWE7E42h?fields[]=s_name&fields[]=s_serviceName&span=q9knsdy5068b6wvdc6mrbzhz3m&zoom=q9knsdy5068b6wvdc6mrbzhz3m',
    },
    {
      // A demo app's README: the environments list.
      url: 'https://ui.honeycomb.io/demo/environments/meminator/',
    },
    {
      // EU instance and a proxied deployment keep working (constructed on the flashlight link).
      url: 'https://ui.eu1.honeycomb.io/acme/environments/prod/datasets/api?query=%7B%22start_time%22%3A1700000000%2C%22end_time%22%3A1700003600%7D',
      range: { from: '2023-11-14T22:13:20.000Z', to: '2023-11-14T23:13:20.000Z', relative: false },
      query: 'COUNT',
    },
    {
      url: 'https://observability.example.com/acme/environments/prod/datasets/api?query=%7B%22start_time%22%3A1700000000%7D',
      range: { from: '2023-11-14T22:13:20.000Z', to: '2023-11-15T00:13:20.000Z', relative: false },
      query: 'COUNT',
    },
  ])('$url', ({ url, range, query }) => {
    expectRecognized(recognizeHoneycomb, url, { tool: 'honeycomb', range, query, panel: undefined }, { now: NOW, later: LATER });
  });

  it('writes whole-second start_time/end_time and drops time_range', () => {
    const result = recognizeHoneycomb(
      new URL('https://ui.honeycomb.io/t/environments/e/datasets/d?query=%7B%22time_range%22%3A300%2C%22limit%22%3A100%7D&hideMarkers'),
      new Date('2026-11-28T09:10:00.750Z'),
    );
    const frozen = new URL(result!.frozenUrl);
    expect(JSON.parse(frozen.searchParams.get('query')!)).toEqual({
      limit: 100,
      start_time: 1795856700,
      end_time: 1795857000,
    });
    expect(frozen.search.endsWith('&hideMarkers')).toBe(true);
  });

  it.each([
    'https://www.honeycomb.io/pricing',
    'https://docs.honeycomb.io/investigate/collaborate/share-query/',
    'https://example.com/acme/datasets/api?query=select%201',
    'https://example.com/acme/datasets/api?query=%7B%22foo%22%3A1%7D',
    'https://example.com/search?query=%7B%22time_range%22%3A300%7D',
  ])('is not Honeycomb: %s', (url) => {
    expectNotRecognized(recognizeHoneycomb, url, NOW);
  });

  it.each([
    'https://ui.honeycomb.io/t/datasets/d?query=%7B%22time_range%22%3A%22two%20hours%22%7D',
    'https://ui.honeycomb.io/t/datasets/d?query=%7B%22time_range%22%3A300%2C%22start_time%22%3A-5%7D',
    'https://ui.honeycomb.io/t/datasets/d?query=%7B%22start_time%22%3A1700003600%2C%22end_time%22%3A1700000000%7D',
    'https://ui.honeycomb.io/t/datasets/d?query=%7B%22time_range%22%3A300',
    'https://ui.honeycomb.io/t/datasets/d?query=%5B1%2C2%5D',
    'https://ui.honeycomb.io/t/datasets/d/trace?trace_id=abc&trace_start_ts=soon&trace_end_ts=later',
  ])('keeps a broken window out of the range, without throwing: %s', (url) => {
    expectRecognizedWithoutRange(recognizeHoneycomb, url, 'honeycomb', NOW);
  });
});
