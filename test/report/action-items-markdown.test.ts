import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../src/model';
import type { CsvActionItem } from '../../src/report/action-items-csv';
import { actionItemsToGithubMarkdown, actionItemsToJira } from '../../src/report/action-items-markdown';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function row(n: number, incident: number, overrides: Partial<ActionItem> = {}): CsvActionItem {
  return {
    item: {
      id: uuid(100 + n),
      incidentId: uuid(incident),
      text: `Item ${n}`,
      kind: 'tech-debt',
      owner: '',
      status: 'open',
      createdAt: '2026-03-10T09:00:00.000Z',
      updatedAt: '2026-03-10T09:00:00.000Z',
      ...overrides,
    },
    incidentKey: `INC-${incident}`,
    incidentTitle: `Incident ${incident}`,
  };
}

const HOSTILE = 'Fix [it](javascript:alert(1)) <img src=x onerror=alert(1)> **now** | col\nsecond line';

const rows = [
  row(1, 7, { text: 'Roll back the deploy', kind: 'hotfix', status: 'done', owner: 'Ana', due: '2026-03-11' }),
  row(2, 7, { text: HOSTILE, owner: 'Ben', ticketUrl: 'https://github.com/acme/api/issues/12' }),
  row(3, 8, { text: 'Page on replica lag', kind: 'prevention', status: 'in-progress' }),
  row(4, 8, { text: 'Rewrite everything', kind: 'process', status: 'wont-do' }),
];

describe('GitHub task lists', () => {
  const md = actionItemsToGithubMarkdown(rows);

  it('writes one task list per incident, ticked when done or dropped', () => {
    const lines = md.split('\n');
    expect(lines.slice(0, 3)).toEqual(['### INC-7 — Incident 7', '', '- [x] Roll back the deploy (Hotfix, owner: Ana, due 2026-03-11)']);
    expect(lines.slice(-5)).toEqual([
      '### INC-8 — Incident 8',
      '',
      '- [ ] Page on replica lag (Prevention, in progress)',
      "- [x] ~~Rewrite everything~~ (won't do) (Process)",
      '',
    ]);
  });

  it('keeps hostile text as text: no link, no HTML, one line', () => {
    const html = new MarkdownIt({ html: true }).render(md);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('<strong>now');
    // The real ticket stays a link.
    expect(html).toContain('<a href="https://github.com/acme/api/issues/12">ticket</a>');
    // The item is one list item, its second line joined.
    expect(md.split('\n').filter((l) => l.includes('second line'))).toHaveLength(1);
    expect(md).toMatch(/^- \[ \] Fix .*second line \(Technical debt, owner: Ben, \[ticket\]/m);
  });
});

describe('Jira wiki markup', () => {
  const jira = actionItemsToJira(rows);

  it('writes a heading and a table per incident, the status written out', () => {
    const lines = jira.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'h3. INC\\-7 — Incident 7',
      '||Status||Action||Kind||Owner||Due||Ticket||',
      '|(/) Done|Roll back the deploy|Hotfix|Ana|2026-03-11| |',
    ]);
    expect(lines).toContain('|(on) In progress|Page on replica lag|Prevention| | | |');
    expect(lines).toContain("|(x) Won't do|Rewrite everything|Process| | | |");
  });

  it('escapes table and formatting characters in text, so a row stays one row of six cells', () => {
    const line = jira.split('\n').find((l) => l.includes('second line'))!;
    expect(line).toContain('\\|');
    expect(line).toContain('\\*\\*now\\*\\*');
    expect(line).toContain('\\[it\\]');
    expect(line.replace('[ticket|', '[ticket ').split(/(?<!\\)\|/).length - 2).toBe(6);
    expect(line).toContain('[ticket|https://github.com/acme/api/issues/12]');
  });
});
