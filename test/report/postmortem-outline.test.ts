import { describe, expect, it } from 'vitest';
import { escapeLineStart, markdownText } from '../../src/report/postmortem-outline';

describe('escapeLineStart', () => {
  // Most lines start with nothing to escape and skip the replacements: these must not.
  it.each([
    ['# heading', '\\# heading'],
    ['  - item', '  \\- item'],
    ['+ item', '\\+ item'],
    ['* item', '\\* item'],
    ['> quote', '\\> quote'],
    ['=== underline', '\\=== underline'],
    ['12. numbered', '12\\. numbered'],
    ['\t3) numbered', '\t3\\) numbered'],
    ['\u3000# wide space', '\u3000\\# wide space'],
    ['2026 was a year', '2026 was a year'],
    ['Entry 12: p99 300 ms', 'Entry 12: p99 300 ms'],
    ['', ''],
  ])('%j → %j', (line, escaped) => {
    expect(escapeLineStart(line)).toBe(escaped);
  });

  it('escapes each line of a text', () => {
    expect(markdownText('fine\n# not a heading\n1. not a list')).toBe('fine\n\\# not a heading\n1\\. not a list');
  });
});
