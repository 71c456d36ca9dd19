import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../src/model';
import {
  actionItemsToCsv,
  CsvError,
  neutraliseCell,
  parseCsv,
  planActionItemsImport,
  restoreCell,
  type CsvActionItem,
} from '../../src/report/action-items-csv';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const INCIDENT = uuid(1);
const NOW = new Date('2026-03-20T12:00:00.000Z');

function item(n: number, overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id: uuid(100 + n),
    incidentId: INCIDENT,
    text: `Item ${n}`,
    kind: 'tech-debt',
    owner: 'Ana',
    status: 'open',
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
    ...overrides,
  };
}
const row = (i: ActionItem): CsvActionItem => ({ item: i, incidentKey: 'INC-7', incidentTitle: 'Ledger, "primary" down' });

/** The cells of one column, by header name, read back with the formula guard taken off. */
function column(csv: string, name: string): string[] {
  const [header, ...records] = parseCsv(csv);
  const n = header!.fields.indexOf(name);
  return records.map((r) => restoreCell(r.fields[n]!));
}

describe('action items CSV export', () => {
  const hostile = [
    'Plain',
    'Comma, then more',
    'A "quoted" word',
    'Two\nlines\r\nand CRLF',
    '=cmd()',
    '=HYPERLINK("http://evil.example","click")',
    '+1+2',
    '-2+3',
    '@SUM(A1:A2)',
    '\tTabbed',
    '\rCR first',
    "'=already quoted",
    "It's fine",
  ];
  const items = hostile.map((text, n) => item(n, { text }));
  const csv = actionItemsToCsv(items.map(row));

  it('writes RFC 4180: a header, CRLF line ends, quotes doubled inside quoted fields', () => {
    expect(csv.startsWith('id,incident,incident_title,text,kind,owner,due,status,ticket,created,updated\r\n')).toBe(true);
    expect(csv).toContain(`${uuid(100)},INC-7,"Ledger, ""primary"" down",Plain,tech-debt,Ana,,open,,`);
    expect(csv).toContain('"A ""quoted"" word"');
    expect(csv).toContain('"Two\nlines\r\nand CRLF"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it.each([
    ['=cmd()', "'=cmd()"],
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tTabbed', "'\tTabbed"],
    ['\rCR first', `"'\rCR first"`],
    ["'=already quoted", "''=already quoted"],
  ])('neutralises the formula-looking cell %j as %j', (text, written) => {
    expect(csv).toContain(`,${written},tech-debt,`);
    expect(neutraliseCell(text)).toBe(written.replace(/^"|"$/g, '').replace(/""/g, '"'));
    // No cell in the file starts a formula.
    for (const record of parseCsv(csv)) for (const f of record.fields) expect(f).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("leaves ordinary text alone (It's fine, dates, links)", () => {
    expect(neutraliseCell("It's fine")).toBe("It's fine");
    expect(neutraliseCell('2026-03-10')).toBe('2026-03-10');
    expect(csv).toContain(",It's fine,");
  });

  it('reads back every text exactly: quotes, commas, newlines and formula cells round-trip', () => {
    expect(column(csv, 'text')).toEqual(hostile);
    expect(column(csv, 'id')).toEqual(items.map((i) => i.id));
  });

  it('round-trips any text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { minLength: 1, maxLength: 5 }), (texts) => {
        const rows = texts.map((text, n) => row(item(n, { text: text.trim() || 'x' })));
        expect(column(actionItemsToCsv(rows), 'text')).toEqual(rows.map((r) => r.item.text));
      }),
    );
  });
});

describe('parseCsv', () => {
  it.each([
    [
      'a,b\r\n1,2\r\n',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      'a,b\n1,2',
      [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    ],
    [
      '\ufeffa,b\n"x\ny",2\n\nlast,3\n',
      [
        [1, ['a', 'b']],
        [2, ['x\ny', '2']],
        [5, ['last', '3']],
      ],
    ],
    ['a,"",c\n', [[1, ['a', '', 'c']]]],
    [',\n', [[1, ['', '']]]],
  ] as const)('%j', (text, expected) => {
    expect(parseCsv(text).map((r) => [r.line, r.fields])).toEqual(expected);
  });

  it.each([
    ['a,"never closed\nb', 'Line 1: a quoted field is never closed'],
    ['a\nb"c,d', 'Line 2: a quote inside an unquoted field'],
    ['"a"b,c', 'Line 1: text after a closing quote'],
  ])('refuses %j, naming the line', (text, message) => {
    expect(() => parseCsv(text)).toThrow(CsvError);
    expect(() => parseCsv(text)).toThrow(message);
  });
});

describe('importing statuses back by id', () => {
  const a = item(1, { text: 'Add an index' });
  const b = item(2, { text: 'Alert on lag', due: '2026-03-15' });
  const c = item(3, { text: 'Runbook', ticketUrl: 'https://jira.example.com/browse/OPS-1' });
  const exported = actionItemsToCsv([a, b, c].map(row));

  /** Edits the exported file as a spreadsheet would: one cell of one row. */
  function edit(csv: string, id: string, name: string, value: string): string {
    const records = parseCsv(csv);
    const n = records[0]!.fields.indexOf(name);
    const target = records.find((r) => r.fields[0] === id)!;
    target.fields[n] = value;
    return records.map((r) => r.fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\r\n');
  }

  it('takes status, owner, due and ticket from matched rows, stamping the change', () => {
    let csv = edit(exported, a.id, 'status', 'Done');
    csv = edit(csv, b.id, 'owner', 'Ben');
    csv = edit(csv, b.id, 'due', '2026-04-01');
    csv = edit(csv, c.id, 'ticket', '');
    csv = edit(csv, c.id, 'status', 'in progress');
    const report = planActionItemsImport(csv, [a, b, c], NOW);
    expect(report.changed.map((ch) => [ch.line, ch.after.id, ch.fields])).toEqual([
      [2, a.id, ['status']],
      [3, b.id, ['owner', 'due']],
      [4, c.id, ['status', 'ticketUrl']],
    ]);
    expect(report.changed[0]!.after).toEqual({ ...a, status: 'done', updatedAt: NOW.toISOString() });
    expect(report.changed[1]!.after).toMatchObject({ owner: 'Ben', due: '2026-04-01', text: 'Alert on lag' });
    expect(report.changed[2]!.after.ticketUrl).toBeUndefined();
    expect(report.changed[2]!.after.status).toBe('in-progress');
    expect(report.unknown).toEqual([]);
    expect(report.invalid).toEqual([]);
  });

  it('reports unknown ids and bad rows with their line, and changes nothing for them', () => {
    const stranger = item(9, { text: 'Someone else’s, with "quotes"\nand a line break' });
    let csv = actionItemsToCsv([a, stranger, b, c].map(row));
    csv = edit(csv, b.id, 'due', '03/15/2026');
    csv = edit(csv, c.id, 'status', 'finished');
    csv += `\r\n${a.id},INC-7\r\n`;
    const report = planActionItemsImport(csv, [a, b, c], NOW);
    // The stranger's text spans two lines: b starts on line 5.
    expect(report.unknown).toEqual([{ line: 3, id: stranger.id, text: stranger.text }]);
    expect(report.invalid).toEqual([
      { line: 5, message: 'due “03/15/2026” is not a date written YYYY-MM-DD' },
      { line: 6, message: 'status “finished” is not one of open, in-progress, done, wont-do' },
      { line: 7, message: '2 cells where the header has 11' },
    ]);
    expect(report.changed).toEqual([]);
    expect(report.unchanged).toEqual([{ line: 2, id: a.id }]);
  });

  it('keeps Sitrep’s copy of an item changed after the export, and says so', () => {
    const changedSince = { ...b, owner: 'Cleo', updatedAt: '2026-03-18T10:00:00.000Z' };
    const csv = edit(exported, b.id, 'status', 'done');
    const report = planActionItemsImport(csv, [a, changedSince, c], NOW);
    expect(report.conflicts).toEqual([{ line: 3, id: b.id, fields: ['status', 'owner'] }]);
    expect(report.changed).toEqual([]);
  });

  it('reports a second row for the same item instead of applying it', () => {
    const csv = edit(exported, a.id, 'status', 'done') + `\r\n${exported.split('\r\n')[1]}`;
    const report = planActionItemsImport(csv, [a, b, c], NOW);
    expect(report.invalid).toEqual([{ line: 5, message: 'the same item as line 2; only the first row is read' }]);
    expect(report.changed.map((ch) => ch.after.status)).toEqual(['done']);
  });

  it('refuses a file with no id column or no header', () => {
    expect(() => planActionItemsImport('text,status\r\nx,done\r\n', [a], NOW)).toThrow('Line 1: no “id” column');
    expect(() => planActionItemsImport('', [a], NOW)).toThrow('The file is empty');
  });
});
