/**
 * The checks every per-tool recognizer test makes, so each test file keeps only its URL tables
 * and the checks particular to its tool.
 */
import { assert, expect } from 'vitest';
import type { Recognized, Recognizer, Tool } from '../../../src/capture/recognize.ts';

/** What a URL should be read as. `query` and `panel` are checked only when named. */
export interface ExpectedReading {
  tool: Tool;
  range: Recognized['range'];
  query?: string | undefined;
  panel?: string | undefined;
}

/** When the URL is read, and when its frozen form is reopened (long after, so nothing slides). */
export interface ReadingTimes {
  now: Date;
  later: Date;
}

/**
 * Reads `url` at `now` and expects `expected`. Without a range the URL comes back as it is; with
 * one, the frozen URL reopened at `later` shows the same instants, no longer relative, and the
 * same query and panel. Returns the first reading for checks particular to a tool.
 */
export function expectRecognized(recognize: Recognizer, url: string, expected: ExpectedReading, { now, later }: ReadingTimes): Recognized {
  const found = recognize(new URL(url), now);
  expect(found?.tool).toBe(expected.tool);
  assert(found, `${expected.tool} should recognize ${url}`);
  expectSameReading(found, expected);
  if (!expected.range) {
    expect(found.frozenUrl).toBe(new URL(url).href);
    return found;
  }
  const reopened = recognize(new URL(found.frozenUrl), later);
  expectSameReading(reopened, { ...expected, range: { ...expected.range, relative: false } });
  return found;
}

function expectSameReading(found: Recognized | undefined, expected: ExpectedReading): void {
  expect(found?.range).toEqual(expected.range);
  if ('query' in expected) expect(found?.query).toBe(expected.query);
  if ('panel' in expected) expect(found?.panel).toBe(expected.panel);
}

/** Expects `url` to be `tool`'s, with no range read from it and the URL left as it is. */
export function expectRecognizedWithoutRange(recognize: Recognizer, url: string, tool: Tool, now: Date): void {
  const found = recognize(new URL(url), now);
  expect(found?.tool).toBe(tool);
  expect(found?.range).toBeUndefined();
  expect(found?.frozenUrl).toBe(new URL(url).href);
}

/** Expects `recognize` to leave `url` to the other recognizers. */
export function expectNotRecognized(recognize: Recognizer, url: string, now: Date): void {
  expect(recognize(new URL(url), now)).toBeUndefined();
}
