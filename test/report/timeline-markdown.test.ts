import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { buildTimelineMarkdown, escapeInline } from '../../src/report/timeline-markdown';
import { makeEntry, makeIncident, uuid } from './records';

// Starts late on 28 Nov UTC and ends after midnight: two days in UTC and Berlin, one in New York
// and Kolkata, and a zone without an English abbreviation (Kathmandu, +5:45).
const overnight = makeIncident({
  startedAt: '2026-11-28T22:40:00.000Z',
  status: 'resolved',
  resolvedAt: '2026-11-29T01:30:00.000Z',
});
const overnightEntries = [
  makeEntry({ at: '2026-11-28T22:40:00.000Z', kind: 'status', text: 'Declared SEV2: Checkout errors after deploy' }),
  makeEntry({
    at: '2026-11-28T22:52:00.000Z',
    kind: 'alert',
    text: 'Error rate above 5% on checkout-api',
    sourceUrl: 'https://grafana.example.com/d/abc?from=1764370000000&to=1764373600000',
  }),
  makeEntry({ at: '2026-11-28T23:05:00.000Z', kind: 'decision', starred: true, text: 'Roll back v2.3.1\nthen watch the error rate' }),
  makeEntry({ at: '2026-11-29T00:15:00.000Z', text: 'Wrong incident', deletedAt: '2026-11-29T00:16:00.000Z' }),
  makeEntry({ at: '2026-11-29T00:20:00.000Z', text: 'Error rate back to normal' }),
  makeEntry({ at: '2026-11-29T01:30:00.000Z', kind: 'status', text: 'Status: Resolved' }),
];

const overnightGolden: [string, string][] = [
  [
    'UTC',
    `## INC-1: Checkout errors after deploy

**SEV2 (Major)** · Resolved · started 2026-11-28 22:40 UTC · resolved 2026-11-29 01:30 UTC (2 h 50 min)

Times are UTC.

### 2026-11-28

- 22:40 UTC — **Status update:** Declared SEV2: Checkout errors after deploy
- 22:52 UTC — **Alert:** Error rate above 5% on checkout-api ([grafana.example.com](<https://grafana.example.com/d/abc?from=1764370000000&to=1764373600000>))
- 23:05 UTC — ★ **Decision:** Roll back v2.3.1\\
  then watch the error rate

### 2026-11-29

- 00:20 UTC — Error rate back to normal
- 01:30 UTC — **Status update:** Status: Resolved
`,
  ],
  [
    'Europe/Berlin',
    `## INC-1: Checkout errors after deploy

**SEV2 (Major)** · Resolved · started 2026-11-28 23:40 CET · resolved 2026-11-29 02:30 CET (2 h 50 min)

Times are Europe/Berlin local time (CET).

### 2026-11-28

- 23:40 CET — **Status update:** Declared SEV2: Checkout errors after deploy
- 23:52 CET — **Alert:** Error rate above 5% on checkout-api ([grafana.example.com](<https://grafana.example.com/d/abc?from=1764370000000&to=1764373600000>))

### 2026-11-29

- 00:05 CET — ★ **Decision:** Roll back v2.3.1\\
  then watch the error rate
- 01:20 CET — Error rate back to normal
- 02:30 CET — **Status update:** Status: Resolved
`,
  ],
  [
    'America/New_York',
    `## INC-1: Checkout errors after deploy

**SEV2 (Major)** · Resolved · started 2026-11-28 17:40 EST · resolved 2026-11-28 20:30 EST (2 h 50 min)

Times are America/New_York local time (EST).

- 17:40 EST — **Status update:** Declared SEV2: Checkout errors after deploy
- 17:52 EST — **Alert:** Error rate above 5% on checkout-api ([grafana.example.com](<https://grafana.example.com/d/abc?from=1764370000000&to=1764373600000>))
- 18:05 EST — ★ **Decision:** Roll back v2.3.1\\
  then watch the error rate
- 19:20 EST — Error rate back to normal
- 20:30 EST — **Status update:** Status: Resolved
`,
  ],
  [
    'Asia/Kolkata',
    `## INC-1: Checkout errors after deploy

**SEV2 (Major)** · Resolved · started 2026-11-29 04:10 IST · resolved 2026-11-29 07:00 IST (2 h 50 min)

Times are Asia/Kolkata local time (IST).

- 04:10 IST — **Status update:** Declared SEV2: Checkout errors after deploy
- 04:22 IST — **Alert:** Error rate above 5% on checkout-api ([grafana.example.com](<https://grafana.example.com/d/abc?from=1764370000000&to=1764373600000>))
- 04:35 IST — ★ **Decision:** Roll back v2.3.1\\
  then watch the error rate
- 05:50 IST — Error rate back to normal
- 07:00 IST — **Status update:** Status: Resolved
`,
  ],
  [
    'Asia/Kathmandu',
    `## INC-1: Checkout errors after deploy

**SEV2 (Major)** · Resolved · started 2026-11-29 04:25 UTC+5:45 · resolved 2026-11-29 07:15 UTC+5:45 (2 h 50 min)

Times are Asia/Kathmandu local time (UTC+5:45).

- 04:25 UTC+5:45 — **Status update:** Declared SEV2: Checkout errors after deploy
- 04:37 UTC+5:45 — **Alert:** Error rate above 5% on checkout-api ([grafana.example.com](<https://grafana.example.com/d/abc?from=1764370000000&to=1764373600000>))
- 04:50 UTC+5:45 — ★ **Decision:** Roll back v2.3.1\\
  then watch the error rate
- 06:05 UTC+5:45 — Error rate back to normal
- 07:15 UTC+5:45 — **Status update:** Status: Resolved
`,
  ],
];

// Central Europe leaves summer time at 01:00 UTC on 25 Oct 2026: Berlin's clock reads 02:xx
// twice, once in CEST and once in CET; London goes from BST to GMT at the same instant.
const fallBack = makeIncident({
  key: 'INC-7',
  title: 'Nightly batch stuck',
  severity: 'SEV4',
  status: 'monitoring',
  startedAt: '2026-10-25T00:20:00.000Z',
});
const fallBackEntries = [
  makeEntry({ incidentId: fallBack.id, at: '2026-10-25T00:20:00.000Z', text: 'Batch has not finished' }),
  makeEntry({ incidentId: fallBack.id, at: '2026-10-25T00:50:00.000Z', kind: 'action', text: 'Restarted the worker' }),
  makeEntry({ incidentId: fallBack.id, at: '2026-10-25T01:10:00.000Z', text: 'Worker up, queue draining' }),
  makeEntry({ incidentId: fallBack.id, at: '2026-10-25T01:40:00.000Z', kind: 'status', text: 'Status: Monitoring' }),
];
const fallBackNow = new Date('2026-10-25T01:45:00.000Z');

const fallBackGolden: [string, string][] = [
  [
    'UTC',
    `## INC-7: Nightly batch stuck

**SEV4 (Low)** · Monitoring · started 2026-10-25 00:20 UTC · ongoing for 1 h 25 min

Times are UTC.

- 00:20 UTC — Batch has not finished
- 00:50 UTC — **Action:** Restarted the worker
- 01:10 UTC — Worker up, queue draining
- 01:40 UTC — **Status update:** Status: Monitoring
`,
  ],
  [
    'Europe/Berlin',
    `## INC-7: Nightly batch stuck

**SEV4 (Low)** · Monitoring · started 2026-10-25 02:20 CEST · ongoing for 1 h 25 min

Times are Europe/Berlin local time (CEST, CET).

- 02:20 CEST — Batch has not finished
- 02:50 CEST — **Action:** Restarted the worker
- 02:10 CET — Worker up, queue draining
- 02:40 CET — **Status update:** Status: Monitoring
`,
  ],
  [
    'Europe/London',
    `## INC-7: Nightly batch stuck

**SEV4 (Low)** · Monitoring · started 2026-10-25 01:20 BST · ongoing for 1 h 25 min

Times are Europe/London local time (BST, GMT).

- 01:20 BST — Batch has not finished
- 01:50 BST — **Action:** Restarted the worker
- 01:10 GMT — Worker up, queue draining
- 01:40 GMT — **Status update:** Status: Monitoring
`,
  ],
  [
    'America/New_York',
    `## INC-7: Nightly batch stuck

**SEV4 (Low)** · Monitoring · started 2026-10-24 20:20 EDT · ongoing for 1 h 25 min

Times are America/New_York local time (EDT).

- 20:20 EDT — Batch has not finished
- 20:50 EDT — **Action:** Restarted the worker
- 21:10 EDT — Worker up, queue draining
- 21:40 EDT — **Status update:** Status: Monitoring
`,
  ],
];

describe('buildTimelineMarkdown', () => {
  it.each(overnightGolden)('writes an overnight incident in %s', (timeZone, expected) => {
    // Shuffled input: the export orders by time itself.
    const shuffled = [...overnightEntries].reverse();
    expect(buildTimelineMarkdown(overnight, shuffled, { timeZone })).toBe(expected);
  });

  it.each(fallBackGolden)('writes an incident across the October DST change in %s', (timeZone, expected) => {
    expect(buildTimelineMarkdown(fallBack, fallBackEntries, { timeZone, now: fallBackNow })).toBe(expected);
  });

  it('orders same-minute entries by when they were written and leaves out other incidents', () => {
    const incident = makeIncident();
    const at = '2026-11-28T09:10:00.000Z';
    const md = buildTimelineMarkdown(
      incident,
      [
        makeEntry({ at, recordedAt: '2026-11-28T09:12:00.000Z', text: 'second' }),
        makeEntry({ at, recordedAt: '2026-11-28T09:11:00.000Z', text: 'first' }),
        makeEntry({ at, incidentId: uuid(99), text: 'another incident' }),
      ],
      { timeZone: 'UTC', now: new Date('2026-11-28T09:30:00.000Z') },
    );
    expect(md.split('\n').filter((l) => l.startsWith('- '))).toEqual(['- 09:10 UTC — first', '- 09:10 UTC — second']);
    expect(md).toContain('ongoing for 30 min');
  });

  it('says when there is nothing on the timeline', () => {
    const md = buildTimelineMarkdown(makeIncident(), [makeEntry({ deletedAt: '2026-11-28T09:11:00.000Z' })], {
      timeZone: 'UTC',
      now: new Date('2026-11-28T09:00:20.000Z'),
    });
    expect(md).toContain('ongoing for under a minute');
    expect(md.trimEnd().endsWith('_No timeline entries._')).toBe(true);
  });

  it('refuses an unknown time zone with a message naming it', () => {
    expect(() => buildTimelineMarkdown(makeIncident(), [], { timeZone: 'Mars/Olympus' })).toThrow(
      'Unknown time zone "Mars/Olympus": use UTC or an IANA zone name such as Europe/Berlin.',
    );
  });
});

describe('text from the log cannot become links or HTML', () => {
  const md = new MarkdownIt({ html: true });
  const linkifying = new MarkdownIt({ html: true, linkify: true });

  /** The rendered HTML of each timeline item. */
  function renderItems(renderer: { render(src: string): string }, markdown: string): string[] {
    return [...renderer.render(markdown).matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
  }

  /** What a reader sees in an item: tags removed, line breaks kept, entities decoded. */
  function visibleText(html: string): string {
    return html
      .replace(/<br\s*\/?>\n?/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  }

  const hostile: [string, string][] = [
    ['a Markdown link', '[click me](https://evil.example/login) or [run](javascript:alert(1))'],
    ['an image', '![pixel](https://tracker.example/p.png)'],
    ['raw HTML', '<img src=x onerror=alert(1)> and <script>alert(1)</script>'],
    ['an autolink', '<javascript:alert(1)> and <https://evil.example>'],
    ['a reference link', 'see [docs]\n[docs]: https://evil.example/'],
    ['entities', '&lt;b&gt;not bold&lt;/b&gt; &amp; &#x5b;x&#x5d;(javascript:alert(1))'],
    ['emphasis, code and strikethrough', '**bold** *it* _it_ `code` ~~gone~~'],
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |'],
    ['block markers on later lines', 'first\n# heading\n> quote\n1. one\n2) two\n- item\n+ plus\n===\n---'],
    ['backslashes', 'C:\\temp\\ and \\[escaped\\] and a trailing \\'],
    ['snake_case and dunders', 'restart worker_pool_main and __init__'],
  ];

  it.each(hostile)('renders %s as the exact text', (_name, text) => {
    const markdown = buildTimelineMarkdown(makeIncident(), [makeEntry({ text })], { timeZone: 'UTC' });
    const [item] = renderItems(md, markdown);
    expect(item).toBeDefined();
    const tags = [...item!.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase());
    expect(tags.filter((t) => t !== 'br')).toEqual([]);
    expect(visibleText(item!)).toBe(`09:10 UTC — ${text}`);
  });

  it.each(hostile)('leaves only http(s) links when a renderer links bare addresses (%s)', (_name, text) => {
    const markdown = buildTimelineMarkdown(makeIncident(), [makeEntry({ text })], { timeZone: 'UTC' });
    const html = linkifying.render(markdown);
    const hrefs = [...html.matchAll(/<(?:a|img)\b[^>]*?(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
    expect(html).not.toMatch(/<(img|script)\b/);
  });

  it('links an http(s) source by its host, with the address intact', () => {
    const url = 'https://grafana.example.com/d/x?var-q=a%20b&from=now-1h#(panel)';
    const markdown = buildTimelineMarkdown(makeIncident(), [makeEntry({ kind: 'clip', text: '', sourceUrl: url })], {
      timeZone: 'UTC',
    });
    expect(markdown).toContain(`- 09:10 UTC — **Clip:** ([grafana.example.com](<${url}>))`);
    const [item] = renderItems(md, markdown);
    expect(item).toContain(`<a href="${url.replace(/&/g, '&amp;')}">grafana.example.com</a>`);
  });

  it('never links a source that is not http(s)', () => {
    const markdown = buildTimelineMarkdown(makeIncident(), [makeEntry({ text: 'x', sourceUrl: 'javascript:alert(1)' })], { timeZone: 'UTC' });
    expect(md.render(markdown)).not.toContain('<a ');
  });

  it('escapes a title that looks like Markdown', () => {
    const markdown = buildTimelineMarkdown(makeIncident({ title: 'Issue #12 [see](javascript:x) <b>' }), [], {
      timeZone: 'UTC',
    });
    expect(md.render(markdown)).toContain('<h2>INC-1: Issue #12 [see](javascript:x) &lt;b&gt;</h2>');
  });

  it.each([
    ['plain words', 'plain words'],
    ['a_b', 'a_b'],
    ['_lead', '\\_lead'],
    ['[x]', '\\[x\\]'],
    ['R&D &amp;', 'R&D \\&amp;'],
  ])('escapeInline(%j) is %j', (input, expected) => {
    expect(escapeInline(input)).toBe(expected);
  });
});
