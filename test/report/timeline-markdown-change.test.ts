import { describe, expect, it } from 'vitest';
import { buildTimelineMarkdown } from '../../src/report/timeline-markdown';
import { makeEntry, makeIncident } from './records';

/** The one entry line of a timeline holding just `entry`. */
function lineOf(entry: Parameters<typeof makeEntry>[0]): string {
  const markdown = buildTimelineMarkdown(makeIncident(), [makeEntry({ at: '2026-11-28T09:10:00.000Z', ...entry })], { timeZone: 'UTC' });
  return markdown.split('\n').find((l) => l.startsWith('- '))!;
}

describe('buildTimelineMarkdown: internal changes carry one label', () => {
  it.each([
    ['Status: Resolved', '- 09:10 UTC — **Status:** Resolved'],
    ['Incident manager: Ana → Bo', '- 09:10 UTC — **Incident manager:** Ana → Bo'],
    ['Declared SEV2: Checkout errors', '- 09:10 UTC — **Declared SEV2:** Checkout errors'],
    ['Public title: “Payments *degraded*”', '- 09:10 UTC — **Public title:** “Payments \\*degraded\\*”'],
    // No label of its own: the kind's.
    ['Severity SEV3 → SEV2 (Major) · Status: Identified', '- 09:10 UTC — **Change:** Severity SEV3 → SEV2 (Major) · Status: Identified'],
    ['Start time changed to 2026-11-28 08:58:00 UTC', '- 09:10 UTC — **Change:** Start time changed to 2026-11-28 08:58:00 UTC'],
    ['Impact removed', '- 09:10 UTC — **Change:** Impact removed'],
  ])('%s', (text, line) => {
    expect(lineOf({ kind: 'change', text })).toBe(line);
  });

  it('never says "Status update" for an internal change', () => {
    expect(lineOf({ kind: 'change', text: 'Status: Resolved' })).not.toContain('Status update');
  });

  it('keeps the kind label on other kinds, whatever their text starts with', () => {
    expect(lineOf({ kind: 'status', text: 'Published “Resolved”: All fixed' })).toBe('- 09:10 UTC — **Status update:** Published “Resolved”: All fixed');
    expect(lineOf({ kind: 'decision', text: 'Status: roll back' })).toBe('- 09:10 UTC — **Decision:** Status: roll back');
    expect(lineOf({ kind: 'note', text: 'Status: looking' })).toBe('- 09:10 UTC — Status: looking');
  });

  it('keeps a star in front of the label', () => {
    expect(lineOf({ kind: 'change', text: 'Status: Monitoring', starred: true })).toBe('- 09:10 UTC — ★ **Status:** Monitoring');
  });
});
