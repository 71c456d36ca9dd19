import { ACTION_ITEM_STATUS_LABELS, ActionItem, ActionItemStatus, Instant, WebUrl, toInstant } from '../model';
import * as z from 'zod';

// The backlog as CSV (RFC 4180), for a spreadsheet or a tracker, and its statuses read back from a
// copy edited elsewhere. No CSV library is installed, so the few rules are written here: fields
// with a comma, quote, CR or LF are quoted, quotes doubled, records end in CRLF.

/** One exported row: the item and the incident it came from. */
export interface CsvActionItem {
  item: ActionItem;
  incidentKey: string;
  incidentTitle: string;
}

/** Columns, in order. `id` matches a row back to its item; `updated` says which copy is newer. */
export const CSV_COLUMNS = ['id', 'incident', 'incident_title', 'text', 'kind', 'owner', 'due', 'status', 'ticket', 'created', 'updated'] as const;
type Column = (typeof CSV_COLUMNS)[number];

/**
 * A spreadsheet runs a cell starting with = + - @, tab or CR as a formula (CSV injection). Such a
 * cell gets a leading apostrophe, which spreadsheets show as text. A cell that already starts with
 * apostrophes before such a character gets one more, so the import can take exactly one off and
 * give back what was written.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
export const neutraliseCell = (text: string) => (FORMULA_LIKE.test(text) ? `'${text}` : text);
export const restoreCell = (text: string) => (text.startsWith("'") && FORMULA_LIKE.test(text) ? text.slice(1) : text);

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** The rows as CSV text, header first, CRLF line ends; every cell neutralised. */
export function actionItemsToCsv(rows: readonly CsvActionItem[]): string {
  const cells = (r: CsvActionItem): Record<Column, string> => ({
    id: r.item.id,
    incident: r.incidentKey,
    incident_title: r.incidentTitle,
    text: r.item.text,
    kind: r.item.kind,
    owner: r.item.owner,
    due: r.item.due ?? '',
    status: r.item.status,
    ticket: r.item.ticketUrl ?? '',
    created: r.item.createdAt,
    updated: r.item.updatedAt,
  });
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const record = cells(row);
    lines.push(CSV_COLUMNS.map((c) => quote(neutraliseCell(record[c]))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** One parsed record and the line (1-based) it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  override name = 'CsvError';
}

/**
 * Parses CSV text (RFC 4180, and what spreadsheets write: LF or CRLF, a UTF-8 BOM, a last record
 * without a line end). Throws a CsvError naming the line when a quoted field never closes or a
 * quote stands in the middle of an unquoted one.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith('\ufeff') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  const endField = () => {
    fields.push(field);
    field = '';
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new CsvError(`Line ${line}: text after a closing quote; a quote inside a quoted field is written twice ("")`);
        }
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i++;
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (ch === '"') throw new CsvError(`Line ${line}: a quote inside an unquoted field; quote the whole field and write the quote twice ("")`);
    field += ch;
    atFieldStart = false;
    i++;
  }
  if (quoted) throw new CsvError(`Line ${recordLine}: a quoted field is never closed`);
  if (field !== '' || fields.length) endRecord();
  return records;
}

/** A field the import changed on one item. */
export type ImportedField = 'status' | 'owner' | 'due' | 'ticketUrl';

export interface ImportChange {
  line: number;
  before: ActionItem;
  after: ActionItem;
  fields: ImportedField[];
}

export interface ImportReport {
  /** Rows matched to an item whose status, owner, due date or ticket differ: to be saved. */
  changed: ImportChange[];
  /** Rows matched to an item and already the same. */
  unchanged: { line: number; id: string }[];
  /** Rows whose id no item has: nothing is saved, and their cells are kept for the report. */
  unknown: { line: number; id: string; text: string }[];
  /** Rows that could not be read, with the reason. */
  invalid: { line: number; message: string }[];
  /**
   * Rows whose item was changed in Sitrep after the file was exported (its `updated` is older than
   * the item's): Sitrep's newer copy is kept and the row's values are reported, not applied.
   */
  conflicts: { line: number; id: string; fields: ImportedField[] }[];
}

/** Status words a spreadsheet user may type: the stored value or its label, any case. */
function readStatus(cell: string): ActionItemStatus | undefined {
  const word = cell.trim().toLowerCase();
  const byValue = ActionItemStatus.safeParse(word.replace(/[\s_]+/g, '-'));
  if (byValue.success) return byValue.data;
  const byLabel = (Object.entries(ACTION_ITEM_STATUS_LABELS) as [ActionItemStatus, string][]).find(([, label]) => label.toLowerCase() === word);
  if (byLabel) return byLabel[0];
  if (word === 'wont do' || word === 'won’t do') return 'wont-do';
  return undefined;
}

const Due = z.iso.date();

/**
 * Reads a CSV edited elsewhere against the items Sitrep holds: each row is matched by `id`, and its
 * status (and owner, due date and ticket, when changed) are taken. Text and kind are Sitrep's to
 * edit and are not read. Nothing is lost: items missing from the file stay as they are, rows with
 * an unknown id or a bad cell are reported with their line, and an item changed in Sitrep since the
 * export keeps Sitrep's copy. Throws a CsvError when the file is no CSV or has no `id` column.
 */
export function planActionItemsImport(text: string, items: readonly ActionItem[], now: Date): ImportReport {
  const records = parseCsv(text);
  const report: ImportReport = { changed: [], unchanged: [], unknown: [], invalid: [], conflicts: [] };
  const header = records.shift();
  if (!header) throw new CsvError('The file is empty: export the backlog as CSV and edit that');
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const col = (name: Column) => names.indexOf(name);
  if (col('id') < 0) throw new CsvError(`Line ${header.line}: no “id” column; rows are matched to action items by id`);
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Map<string, number>();
  const at = toInstant(now);

  for (const { line, fields } of records) {
    if (fields.length !== names.length) {
      report.invalid.push({ line, message: `${fields.length} cells where the header has ${names.length}` });
      continue;
    }
    const cell = (name: Column): string | undefined => {
      const n = col(name);
      return n < 0 ? undefined : restoreCell(fields[n]!);
    };
    const id = cell('id')!.trim();
    const current = byId.get(id);
    if (!current) {
      report.unknown.push({ line, id, text: cell('text') ?? '' });
      continue;
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      report.invalid.push({ line, message: `the same item as line ${earlier}; only the first row is read` });
      continue;
    }
    seen.set(id, line);

    const problems: string[] = [];
    const next: Record<string, unknown> = { ...current };
    const statusCell = cell('status');
    if (statusCell !== undefined) {
      const status = readStatus(statusCell);
      if (status) next.status = status;
      else problems.push(`status “${statusCell}” is not one of open, in-progress, done, wont-do`);
    }
    const owner = cell('owner');
    if (owner !== undefined) next.owner = owner.trim();
    const due = cell('due')?.trim();
    if (due !== undefined) {
      if (due === '') delete next.due;
      else if (Due.safeParse(due).success) next.due = due;
      else problems.push(`due “${due}” is not a date written YYYY-MM-DD`);
    }
    const ticket = cell('ticket')?.trim();
    if (ticket !== undefined) {
      if (ticket === '') delete next.ticketUrl;
      else if (WebUrl.safeParse(ticket).success) next.ticketUrl = ticket;
      else problems.push(`ticket “${ticket.slice(0, 80)}” is not an http(s) link`);
    }
    const parsed = ActionItem.safeParse(next);
    if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
    if (!parsed.success || problems.length) {
      report.invalid.push({ line, message: problems.join('; ') });
      continue;
    }
    const after = parsed.data;
    const changedFields = (['status', 'owner', 'due', 'ticketUrl'] as const).filter((f) => after[f] !== current[f]);
    if (!changedFields.length) {
      report.unchanged.push({ line, id });
      continue;
    }
    // Only as we wrote it: a spreadsheet that reformatted the time leaves nothing to compare.
    const exportedAt = cell('updated')?.trim() ?? '';
    if (Instant.safeParse(exportedAt).success && exportedAt < current.updatedAt) {
      report.conflicts.push({ line, id, fields: changedFields });
      continue;
    }
    report.changed.push({ line, before: current, after: { ...after, updatedAt: at }, fields: changedFields });
  }
  return report;
}
