/**
 * The checks every recognizer of pages about one thing (an alert, a ticket, a code change) makes:
 * such pages show no time window, so a reading is the tool, the ref, and the page as the link.
 */
import { expect } from 'vitest';
import { recognize, type Recognized, type Recognizer } from '../../../src/capture/recognize.ts';

// Any instant: these pages name no time, so nothing may depend on it.
export const NOW = new Date('2026-11-28T09:10:00.000Z');

export interface ExpectedRef {
  tool: Recognized['tool'];
  ref?: Recognized['ref'];
  /** The frozen URL, written by hand; the URL unchanged when not named. */
  frozenUrl?: string;
}

/**
 * Expects `recognizer` to read `url` as exactly `expected` (no range, query or panel), and the
 * dispatcher to read it the same: no recognizer before this one in `RECOGNIZERS` claims it.
 */
export function expectRef(recognizer: Recognizer, url: string, expected: ExpectedRef): void {
  const want: Recognized = {
    tool: expected.tool,
    ...(expected.ref && { ref: expected.ref }),
    frozenUrl: expected.frozenUrl ?? new URL(url).href,
  };
  expect(recognizer(new URL(url), NOW)).toEqual(want);
  expect(recognize(url, NOW)).toEqual(want);
}

/** Expects `recognizer` to leave `url` to the other recognizers. */
export function expectNotClaimed(recognizer: Recognizer, url: string): void {
  expect(recognizer(new URL(url), NOW)).toBeUndefined();
}
