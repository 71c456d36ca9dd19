import { describe, expect, it } from 'vitest';
import { recognizeJaeger } from '../../../src/capture/tools/jaeger.ts';
import { expectNotRecognized, expectRecognized, expectRecognizedWithoutRange } from './expect-recognized.ts';

// Saturday 28 November 2026, 09:10 UTC.
const NOW = new Date('2026-11-28T09:10:00.000Z');
const LATER = new Date('2027-01-15T00:00:00.000Z');

describe('recognizeJaeger', () => {
  it.each([
    {
      // An ops dashboard's monitoring links: what the search form writes, `lookback=1h` with the
      // resolved `start`/`end` in microseconds. Reopening fetches exactly that window.
      url: 'https://jaeger.fileinnout.com/search?end=1781757710987000&limit=20&lookback=1h&maxDuration&minDuration&service=jaeger-all-in-one&start=1781754110987000',
      range: { from: '2026-06-18T03:41:50.987Z', to: '2026-06-18T04:41:50.987Z', relative: false },
      query: 'service=jaeger-all-in-one',
    },
    {
      // A project's notes on error traces: tags JSON `{"error":"true"}`.
      url: 'http://localhost:16686/search?end=1704133081894000&limit=20&lookback=1h&maxDuration&minDuration&service=perfect-group-allocation&start=1704129481894000&tags=%7B%22error%22%3A%22true%22%7D',
      range: { from: '2024-01-01T17:18:01.894Z', to: '2024-01-01T18:18:01.894Z', relative: false },
      query: 'service=perfect-group-allocation error=true',
    },
    {
      // Dragonfly docs: a legacy link with `lookback` alone, resolved against the clock.
      url: 'http://127.0.0.1:16686/search?limit=20&lookback=1h&maxDuration&minDuration&service=dragonfly',
      range: { from: '2026-11-28T08:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'service=dragonfly',
    },
    {
      // A React app's Jaeger link, behind a node port: operation, durations, two days back.
      // (Constructed on that link: operation and duration filters added.)
      url: 'http://10.137.17.37:30686/jaeger/search?limit=20&lookback=2d&maxDuration=2s&minDuration=100ms&operation=HTTP%20GET%20%2Fdispatch&service=TMF641_ServiceOrder',
      range: { from: '2026-11-26T09:10:00.000Z', to: '2026-11-28T09:10:00.000Z', relative: true },
      query: 'service=TMF641_ServiceOrder operation="HTTP GET /dispatch" minDuration=100ms maxDuration=2s',
    },
    {
      // jaeger-ui SearchTracePage url.tsx getUrl: trace IDs search under a base path.
      url: 'https://tracing.example.com/jaeger/search?traceID=9bfe8376688e9116&traceID=d9cbae28c0aa2db6',
      query: 'traceID=9bfe8376688e9116 traceID=d9cbae28c0aa2db6',
    },
    {
      // Kiali JaegerUrlProvider.TraceUrl: `${url}/trace/${traceID}`.
      url: 'https://kiali.example.com/jaeger/trace/9bfe8376688e9116d9cbae28c0aa2db6',
    },
  ])('$url', ({ url, range, query }) => {
    expectRecognized(recognizeJaeger, url, { tool: 'jaeger', range, query, panel: undefined }, { now: NOW, later: LATER });
  });

  it('writes start/end in microseconds and lookback=custom', () => {
    const result = recognizeJaeger(new URL('http://127.0.0.1:16686/search?limit=20&lookback=1h&maxDuration&minDuration&service=dragonfly'), NOW);
    expect(result?.frozenUrl).toBe(
      'http://127.0.0.1:16686/search?limit=20&lookback=custom&maxDuration&minDuration&service=dragonfly&start=1795853400000000&end=1795857000000000',
    );
  });

  it.each([
    'https://example.com/search?q=jaeger',
    'https://example.com/search?service=plumbing',
    'https://example.com/trace/not-hex-at-all',
    'https://blog.example.com/trace/cafe',
    'https://example.com/trace/',
    'https://www.jaegertracing.io/docs/latest/',
  ])('is not Jaeger: %s', (url) => {
    expectNotRecognized(recognizeJaeger, url, NOW);
  });

  it.each([
    'http://localhost:16686/search?service=x&lookback=custom',
    'http://localhost:16686/search?service=x&lookback=forever',
    'http://localhost:16686/search?service=x&start=abc&end=1704133081894000',
    'http://localhost:16686/search?service=x&start=1704133081894000&end=1704129481894000',
    'http://localhost:16686/search?service=x&limit=20&tags=%7Bnot%20json',
  ])('keeps a broken window out of the range: %s', (url) => {
    expectRecognizedWithoutRange(recognizeJaeger, url, 'jaeger', NOW);
  });
});
