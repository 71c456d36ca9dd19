/**
 * What `recognize(url, now)` finds in a monitoring tool's URL. The shape is the fixed contract in
 * DESIGN.md; it lives in its own module so per-tool recognizers can import it without importing
 * the dispatcher (which imports them).
 */
import type { ClipRef, ClipTool } from '../model/clip.ts';
import type { TimeRange } from '../model/time-range.ts';

export type Tool = ClipTool;

export interface Recognized {
  tool: Tool;
  ref?: ClipRef; // what the page is about, when it is one thing
  range?: TimeRange; // ISO-8601 UTC instants, resolved against `now`
  query?: string; // the first query / filter expression, decoded
  panel?: string; // the panel the URL names, as written in the URL
  frozenUrl: string; // the same view, with the range written as absolute instants
}
