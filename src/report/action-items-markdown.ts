import { ACTION_ITEM_KIND_LABELS, ACTION_ITEM_STATUS_LABELS } from '../model';
import type { CsvActionItem } from './action-items-csv';

// The backlog as something to paste into a tracker: a GitHub task list, or Jira wiki markup. Item
// text is whatever was typed (or imported), so every character that means something to the
// markup is escaped: a `[link](javascript:…)`, `<img>` or `|` in a text stays text.

/** One line of text: line breaks would end a list item or a table row. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/**
 * GitHub Markdown: punctuation that can start or end markup inside a line, `<` so no HTML is read,
 * `@` and `#` so no one is mentioned and no issue linked by an item's text. (Text never starts a
 * line, so list and heading markers need no escape.)
 */
export const escapeGithub = (text: string) => oneLine(text).replace(/[\\`*_{}[\]()<>#!|~&@:]/g, (c) => `\\${c}`);

/** Jira wiki markup: its formatting characters, and `|` which splits table cells. */
export const escapeJira = (text: string) => oneLine(text).replace(/[\\*_+^~?{}[\]|!#-]/g, (c) => `\\${c}`);

const isHttp = (url: string) => /^https?:\/\//i.test(url);

function groups(rows: readonly CsvActionItem[]): Map<string, CsvActionItem[]> {
  const out = new Map<string, CsvActionItem[]>();
  for (const row of rows) {
    const list = out.get(row.item.incidentId);
    if (list) list.push(row);
    else out.set(row.item.incidentId, [row]);
  }
  return out;
}

/**
 * A GitHub task list per incident (`- [ ]` open, `- [x]` done, won't-do struck through and
 * ticked), each item with its kind, owner, due date and ticket. Rows keep their order.
 */
export function actionItemsToGithubMarkdown(rows: readonly CsvActionItem[]): string {
  const out: string[] = [];
  for (const list of groups(rows).values()) {
    const { incidentKey, incidentTitle } = list[0]!;
    out.push(`### ${escapeGithub(incidentKey)}${incidentTitle ? ` — ${escapeGithub(incidentTitle)}` : ''}`, '');
    for (const { item } of list) {
      const closed = item.status === 'done' || item.status === 'wont-do';
      const text = item.status === 'wont-do' ? `~~${escapeGithub(item.text)}~~ (won't do)` : escapeGithub(item.text);
      const details = [
        ACTION_ITEM_KIND_LABELS[item.kind],
        item.status === 'in-progress' ? 'in progress' : '',
        item.owner ? `owner: ${escapeGithub(item.owner)}` : '',
        item.due ? `due ${item.due}` : '',
        item.ticketUrl && isHttp(item.ticketUrl) ? `[ticket](<${item.ticketUrl.replace(/[<>\s]/g, encodeURIComponent)}>)` : '',
      ].filter(Boolean);
      out.push(`- [${closed ? 'x' : ' '}] ${text} (${details.join(', ')})`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * Jira wiki markup: a heading and a table per incident, with the status written out (Jira has no
 * task-list syntax in wiki markup). Paste into a Jira description or comment.
 */
export function actionItemsToJira(rows: readonly CsvActionItem[]): string {
  const out: string[] = [];
  for (const list of groups(rows).values()) {
    const { incidentKey, incidentTitle } = list[0]!;
    out.push(`h3. ${escapeJira(incidentKey)}${incidentTitle ? ` ${escapeJira(`— ${incidentTitle}`)}` : ''}`);
    out.push('||Status||Action||Kind||Owner||Due||Ticket||');
    for (const { item } of list) {
      const mark = item.status === 'done' ? '(/)' : item.status === 'wont-do' ? '(x)' : item.status === 'in-progress' ? '(on)' : '(off)';
      const ticket = item.ticketUrl && isHttp(item.ticketUrl) ? `[ticket|${item.ticketUrl.replace(/[|\]\s]/g, encodeURIComponent)}]` : ' ';
      const cells = [
        `${mark} ${ACTION_ITEM_STATUS_LABELS[item.status]}`,
        escapeJira(item.text),
        ACTION_ITEM_KIND_LABELS[item.kind],
        escapeJira(item.owner) || ' ',
        item.due ?? ' ',
        ticket,
      ];
      out.push(`|${cells.join('|')}|`);
    }
    out.push('');
  }
  return out.join('\n');
}
