/**
 * Checks for recognizers whose URLs are read in the user's zone (Zabbix, Nagios XI) or whose frozen
 * form is checked against a URL written by hand: the reading, the exact frozen URL, and the frozen
 * URL reopened long after (in the same zone) showing the same instants, no longer relative.
 */
import { assert, expect } from 'vitest';
import type { Recognized, Recognizer, Tool } from '../../../src/capture/recognize.ts';

export interface ExpectedFrozen {
  tool: Tool;
  range?: Recognized['range'];
  ref?: Recognized['ref'];
  panel?: string;
  query?: string;
  /** Written by hand from the tool's documented absolute form; the input URL when nothing changes. */
  frozenUrl: string;
}

export interface ZonedTimes {
  now: Date;
  later: Date;
  zone?: string;
}

export function expectFrozen(recognize: Recognizer, url: string, expected: ExpectedFrozen, { now, later, zone }: ZonedTimes): void {
  const found = recognize(new URL(url), now, zone);
  assert(found, `${expected.tool} should recognize ${url}`);
  expect(found).toEqual({
    tool: expected.tool,
    ...(expected.ref ? { ref: expected.ref } : {}),
    ...(expected.range ? { range: expected.range } : {}),
    ...(expected.query ? { query: expected.query } : {}),
    ...(expected.panel ? { panel: expected.panel } : {}),
    frozenUrl: expected.frozenUrl,
  });
  if (!expected.range) return;
  const reopened = recognize(new URL(found.frozenUrl), later, zone);
  expect(reopened?.range).toEqual({ ...expected.range, relative: false });
  expect(reopened?.frozenUrl).toBe(found.frozenUrl);
}
