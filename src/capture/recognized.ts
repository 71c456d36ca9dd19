/**
 * What `recognize(url, now)` finds in a monitoring tool's URL. The shape is the fixed contract in
 * DESIGN.md; it lives in its own module so per-tool recognizers can import it without importing
 * the dispatcher (which imports them).
 */
import type { ClipTool } from '../model/clip.ts';

export type Tool = ClipTool;

export interface Recognized {
  tool: Tool;
  ref?: { kind: 'alert' | 'ticket' | 'change'; id: string }; // what the page is about, when it is one thing
  range?: { from: string; to: string; relative: boolean }; // ISO-8601 UTC instants, resolved against `now`
  query?: string; // the first query / filter expression, decoded
  panel?: string; // the panel the URL names, as written in the URL
  frozenUrl: string; // the same view, with the range written as absolute instants
}
