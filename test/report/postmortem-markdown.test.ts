import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { buildPostmortemMarkdown, postmortemFileName, sectionBody } from '../../src/report/postmortem-markdown';
import { makeActionItem, makePostmortem, overnight, overnightEntries } from './postmortem-fixtures';
import { makeEntry, makeIncident, uuid } from './records';

const NOW = new Date('2026-11-29T09:00:00.000Z');
const md = new MarkdownIt({ html: true });
const headingsOf = (markdown: string) => markdown.split('\n').filter((l) => /^#{1,3} /.test(l));

describe('buildPostmortemMarkdown: a multi-day incident with screenshots', () => {
  const postmortem = makePostmortem({
    status: 'in-review',
    sections: { ...makePostmortem().sections, rootCause: 'The deploy skipped the **canary** stage.', longTermFix: 'Make the canary stage mandatory.' },
  });
  const markdown = buildPostmortemMarkdown({
    incident: overnight,
    postmortem,
    entries: overnightEntries(),
    actionItems: [
      makeActionItem({ id: uuid(9002), text: 'Hotfix: pin the driver', kind: 'hotfix', status: 'done', owner: 'Bo', createdAt: '2026-11-29T09:00:00.000Z' }),
      makeActionItem({ due: '2026-12-15', ticketUrl: 'https://jira.example.com/browse/OPS-7' }),
      makeActionItem({ id: uuid(9003), text: 'Rewrite checkout', kind: 'tech-debt', status: 'wont-do', owner: '', createdAt: '2026-11-29T09:20:00.000Z' }),
      makeActionItem({ id: uuid(9004), incidentId: uuid(2), text: 'Another incident’s item' }),
    ],
    now: NOW,
  });

  it('has the header, then every heading in order', () => {
    expect(markdown.split('\n').slice(0, 17)).toEqual([
      '# Post-mortem: INC-1 — Checkout errors after deploy',
      '',
      '- **Incident:** INC-1',
      '- **Internal title:** Checkout errors after deploy',
      '- **Public title:** Payments failing',
      '- **Severity:** SEV2 (Major)',
      '- **Started:** 2026-11-28 22:50 UTC',
      '- **Detected:** 2026-11-28 22:55 UTC',
      '- **Acknowledged:** 2026-11-28 23:00 UTC',
      '- **Mitigated:** 2026-11-29 00:40 UTC',
      '- **Resolved:** 2026-11-29 01:10 UTC',
      '- **Duration:** 2 h 20 min',
      '- **Authors:** Ana, Bo',
      '- **Post-mortem status:** In review',
      '',
      'Times are UTC.',
      '',
    ]);
    expect(headingsOf(markdown)).toEqual([
      '# Post-mortem: INC-1 — Checkout errors after deploy',
      '## Summary',
      '## Impact',
      '## Root Cause',
      '## Trigger and Detection',
      '### Trigger',
      '### Detection',
      '## Resolution',
      '### Long-term fix',
      '## Timeline',
      '### 2026-11-28',
      '### 2026-11-29',
      '## Action Items',
      '## Lessons Learned',
      '### What went well',
      '### What went wrong',
      '### Where we got lucky',
    ]);
  });

  it('lists the starred entries by UTC day, with frozen links and screenshot references', () => {
    const timeline = markdown.slice(markdown.indexOf('## Timeline'), markdown.indexOf('## Action Items'));
    expect(timeline).toBe(
      [
        '## Timeline',
        '',
        'Starred entries, in UTC.',
        '',
        '### 2026-11-28',
        '',
        '- 22:55 UTC — ★ **Alert:** PagerDuty PT4KHLK: Error rate above 5%\\',
        '  [acme.pagerduty.com](<https://acme.pagerduty.com/incidents/PT4KHLK>)',
        '- 23:20 UTC — ★ **Clip:** 5xx by route\\',
        '  [5xx rate by route · 2026-11-28 22:00 UTC – 2026-11-28 23:00 UTC](<https://grafana.example.com/d/abc?from=1764367200000&to=1764370800000>)\\',
        `  Screenshot 1: \`screenshot-${uuid(800)}\` (embedded in the HTML export)`,
        '',
        '### 2026-11-29',
        '',
        '- 00:35 UTC — ★ **Decision:** Roll back deploy 4121',
        '',
        '',
      ].join('\n'),
    );
    // The frozen link, not the relative one the page had.
    expect(md.render(timeline)).toContain('href="https://grafana.example.com/d/abc?from=1764367200000&amp;to=1764370800000"');
    expect(timeline).not.toContain('now-1h');
  });

  it('writes the sections as written, empty ones as not written, and the long-term fix under Resolution', () => {
    expect(markdown).toContain('## Root Cause\n\nThe deploy skipped the **canary** stage.\n');
    expect(markdown).toContain('## Resolution\n\n_Not written yet._\n\n### Long-term fix\n\nMake the canary stage mandatory.\n');
    expect(markdown).toContain('### Where we got lucky\n\n_Not written yet._\n');
    expect(markdown.endsWith('_Not written yet._\n')).toBe(true);
  });

  it('lists the incident’s action items as a task list with owner, due date, status and ticket', () => {
    const items = markdown.slice(markdown.indexOf('## Action Items'), markdown.indexOf('## Lessons Learned'));
    expect(items.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- [x] Hotfix: pin the driver — Hotfix · owner: Bo · Done',
      '- [ ] Add a canary stage to the deploy — Prevention · owner: Payments team · due 2026-12-15 · Open · [ticket](<https://jira.example.com/browse/OPS-7>)',
      "- [ ] ~~Rewrite checkout~~ — Technical debt · owner: unassigned · Won't do",
    ]);
  });

  it('names its download by the incident key', () => {
    expect(postmortemFileName(overnight, 'md')).toBe('INC-1-postmortem.md');
    expect(postmortemFileName(overnight, 'html')).toBe('INC-1-postmortem.html');
  });
});

describe('buildPostmortemMarkdown: which entries the timeline lists', () => {
  const incident = makeIncident({ resolvedAt: '2026-11-28T10:00:00.000Z' });
  const entries = [
    makeEntry({ at: '2026-11-28T09:10:00.000Z', text: 'First look' }),
    makeEntry({ at: '2026-11-28T09:20:00.000Z', kind: 'decision', text: 'Fail over' }),
    makeEntry({ at: '2026-11-28T09:15:00.000Z', text: 'Deleted', deletedAt: '2026-11-28T09:16:00.000Z' }),
  ];
  const timelineOf = (markdown: string) => markdown.slice(markdown.indexOf('## Timeline'), markdown.indexOf('## Action Items')).trim().split('\n');

  it.each([
    ['starred', 'Every entry, in UTC (none is starred).'],
    ['all', 'Every entry, in UTC.'],
  ] as const)('with no starred entries and timeline “%s”, lists every entry, one day without dates', (timeline, said) => {
    const markdown = buildPostmortemMarkdown({ incident, postmortem: makePostmortem({ timeline }), entries, actionItems: [], now: NOW });
    expect(timelineOf(markdown)).toEqual(['## Timeline', '', said, '', '- 09:10 UTC — First look', '- 09:20 UTC — **Decision:** Fail over']);
    expect(markdown).toContain('## Action Items\n\n_No action items yet._\n');
  });

  it('with timeline “all”, lists unstarred entries beside starred ones', () => {
    const withStar = [...entries, makeEntry({ at: '2026-11-28T09:30:00.000Z', text: 'Starred one', starred: true })];
    const all = buildPostmortemMarkdown({ incident, postmortem: makePostmortem({ timeline: 'all' }), entries: withStar, actionItems: [], now: NOW });
    const starred = buildPostmortemMarkdown({ incident, postmortem: makePostmortem(), entries: withStar, actionItems: [], now: NOW });
    expect(timelineOf(all)).toHaveLength(7);
    expect(timelineOf(starred)).toEqual(['## Timeline', '', 'Starred entries, in UTC.', '', '- 09:30 UTC — ★ Starred one']);
  });

  it('with no entries at all says so; an unresolved incident says how long so far', () => {
    const markdown = buildPostmortemMarkdown({ incident: makeIncident(), postmortem: makePostmortem(), entries: [], actionItems: [], now: NOW });
    expect(timelineOf(markdown)).toEqual(['## Timeline', '', 'Every entry, in UTC (none is starred).', '', '_No timeline entries._']);
    // Started 2026-11-28 09:00, exported a day later.
    expect(markdown).toContain('- **Duration:** ongoing, 1 d so far');
  });
});

describe('buildPostmortemMarkdown: hostile text stays text', () => {
  const hostile =
    '<script>alert(1)</script> <img src=x onerror=alert(2)> [win](javascript:alert(3)) ![p](https://evil.example/p.png) &lt;b&gt; **bold** `code` | cell';
  const incident = makeIncident({ title: `# ${hostile}`, publicTitle: hostile, resolvedAt: '2026-11-28T10:00:00.000Z' });
  const postmortem = makePostmortem({
    authors: ['<b>Eve</b>'],
    sections: {
      ...makePostmortem().sections,
      summary: `Written by a person: ${hostile}\n<iframe src="https://evil.example"></iframe>\n[ok](https://example.com/runbook) [rel](../etc) [ref]\n\n[ref]: javascript:alert(4)`,
    },
  });
  const entries = [makeEntry({ text: `${hostile}\n# Not a heading\n- not a list\n1. not numbered`, starred: true, sourceUrl: 'https://example.com/a?<b>' })];
  const actionItems = [makeActionItem({ text: hostile, owner: '[owner](javascript:alert(5))' })];
  // Everything from the log and from pages, with the sections (the authors' own Markdown) empty.
  const markdown = buildPostmortemMarkdown({ incident, postmortem: makePostmortem({ authors: postmortem.authors }), entries, actionItems, now: NOW });
  const html = md.render(markdown);
  const authored = md.render(buildPostmortemMarkdown({ incident, postmortem, entries: [], actionItems: [], now: NOW }));

  it('forms no HTML element, no script link and no extra heading', () => {
    expect(html).not.toMatch(/<(script|img|iframe|b|code)\b/);
    expect(html).not.toMatch(/href="(?!https:\/\/)/);
    expect(html).not.toContain('evil.example/p.png"');
    expect(headingsOf(markdown)[0]).toBe(
      `# Post-mortem: INC-1 — \\# \\<script\\>alert(1)\\</script\\> \\<img src=x onerror=alert(2)\\> \\[win\\](javascript:alert(3)) !\\[p\\](https://evil.example/p.png) \\&lt;b\\&gt; \\*\\*bold\\*\\* \\\`code\\\` \\| cell`,
    );
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });

  it('renders the hostile words as the words themselves', () => {
    const shown =
      '&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; [win](javascript:alert(3)) ![p](https://evil.example/p.png) &amp;lt;b&amp;gt; **bold** `code` | cell';
    // Title, entry, action item: exactly as typed.
    expect(html.split(shown).length - 1).toBeGreaterThanOrEqual(4);
    expect(html).toContain('# Not a heading<br>\n- not a list<br>\n1. not numbered');
    expect(html).toContain('[owner](javascript:alert(5))');
  });

  it('keeps the authors’ own Markdown: http(s) links and formatting, but no HTML or other links', () => {
    expect(authored).toContain('<a href="https://example.com/runbook">ok</a>');
    expect(authored).toContain('[rel](../etc)');
    expect(authored).toContain('&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;');
    expect(authored).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; [win](javascript:alert(3))');
    expect(authored).toContain('<strong>bold</strong>');
    expect(authored).not.toMatch(/<(script|iframe|b)\b|<img src=x/);
    expect(authored).not.toMatch(/href="(?!https:\/\/)/);
  });

  it.each([
    ['<b>x</b>', '\\<b>x\\</b>'],
    ['\\<b>', '\\<b>'],
    ['[a](javascript:x)', '[a\\](javascript:x)'],
    // An address in <…> is refused too: `<` never reaches the Markdown unescaped.
    ['[a]( <https://ok.example>)', '[a\\]( \\<https://ok.example>)'],
    ['[a](https://ok.example)', '[a](https://ok.example)'],
    ['x\n  [r]: data:text/html,x', 'x\n  \\[r\\]: data:text/html,x'],
    ['x\n  [r]: https://ok.example', 'x\n  [r]: https://ok.example'],
    ['&amp; &#60;', '\\&amp; \\&#60;'],
    ['   ', '_Not written yet._'],
  ])('sectionBody(%j) is %j', (input, expected) => {
    expect(sectionBody(input)).toBe(expected);
  });
});
