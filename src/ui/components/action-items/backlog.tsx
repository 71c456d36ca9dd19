import { useSignal } from '@preact/signals';
import { ACTION_ITEM_KIND_LABELS, ACTION_ITEM_STATUS_LABELS, ActionItemKind, ActionItemStatus } from '../../../model';
import type { ImportReport } from '../../../report/action-items-csv';
import { downloadText } from '../../download';
import { EXPORT_FILES, type BacklogState, type ExportFormat, type KindFilter, type StatusFilter } from '../../state/action-items-state';
import { ErrorBanner } from '../error-banner';
import { ItemSummary } from './incident-action-items';

interface Props {
  state: BacklogState;
  clipboard?: Pick<Clipboard, 'writeText'>;
}

const FORMAT_LABELS: Record<ExportFormat, string> = { csv: 'CSV', github: 'GitHub task list', jira: 'Jira' };

/**
 * The action-item backlog across incidents (options page): overdue first, filtered by status and
 * kind; exports of what is shown (download or copy); statuses imported back from a CSV edited
 * elsewhere, previewed before anything is saved; and the badge setting.
 */
export function Backlog({ state, clipboard }: Props) {
  const copied = useSignal<string | undefined>(undefined);
  const rows = state.rows.value;
  const shown = state.shown.value;

  async function copy(format: ExportFormat) {
    try {
      await (clipboard ?? navigator.clipboard).writeText(state.exportText(format));
      copied.value = `${FORMAT_LABELS[format]} copied.`;
    } catch {
      copied.value = 'Could not copy: use Download instead.';
    }
  }

  async function readFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    await state.previewImport(file.name, await file.text());
    input.value = '';
  }

  return (
    <section class="backlog" aria-labelledby="backlog-heading">
      <h2 id="backlog-heading">Action items</h2>
      <p class="hint">
        Every incident's follow-ups in one backlog, overdue first. {state.overdueCount.value > 0 && <strong>{state.overdueCount.value} overdue.</strong>}
      </p>
      <label class="checkbox">
        <input type="checkbox" id="backlog-badge" checked={state.badge.value} onChange={(e) => void state.setBadge(e.currentTarget.checked)} />
        Show the overdue action-item count on the toolbar badge
      </label>
      <ErrorBanner message={state.problem.value ?? state.loadError.value?.message} />
      <div class="backlog__filters">
        <label for="backlog-status">Status</label>
        <select id="backlog-status" value={state.status.value} onChange={(e) => (state.status.value = e.currentTarget.value as StatusFilter)}>
          <option value="to-do">To do (open or in progress)</option>
          <option value="all">All</option>
          {ActionItemStatus.options.map((s) => (
            <option key={s} value={s}>
              {ACTION_ITEM_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <label for="backlog-kind">Kind</label>
        <select id="backlog-kind" value={state.kind.value} onChange={(e) => (state.kind.value = e.currentTarget.value as KindFilter)}>
          <option value="all">All</option>
          {ActionItemKind.options.map((k) => (
            <option key={k} value={k}>
              {ACTION_ITEM_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {!rows ? (
        <p class="hint">Loading…</p>
      ) : shown.length === 0 ? (
        <p class="hint">{rows.length ? 'No action item matches these filters.' : 'No action items yet: add them in an incident’s post-mortem.'}</p>
      ) : (
        <ul class="backlog__list" aria-label="Backlog">
          {shown.map(({ item, incidentKey, incidentTitle, overdue }) => (
            <li key={item.id} class={overdue ? 'action-item overdue' : 'action-item'} data-id={item.id}>
              <span class="backlog__incident" title={incidentTitle}>
                {incidentKey}
              </span>{' '}
              <ItemSummary item={item} overdue={overdue} />
              <label class="visually-hidden" for={`backlog-status-${item.id}`}>
                Status of “{item.text}”
              </label>
              <select
                id={`backlog-status-${item.id}`}
                value={item.status}
                onChange={(e) => void state.setStatus(item.id, ActionItemStatus.parse(e.currentTarget.value))}
              >
                {ActionItemStatus.options.map((s) => (
                  <option key={s} value={s}>
                    {ACTION_ITEM_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
      <div class="backlog__export" role="group" aria-label="Export what is shown">
        {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((format) => (
          <span key={format}>
            <button
              type="button"
              disabled={!shown.length}
              onClick={() => downloadText(EXPORT_FILES[format].name, exportBody(state, format), EXPORT_FILES[format].type)}
            >
              Download {FORMAT_LABELS[format]}
            </button>
            <button type="button" disabled={!shown.length} onClick={() => void copy(format)}>
              Copy {FORMAT_LABELS[format]}
            </button>
          </span>
        ))}
        {copied.value && <p role="status">{copied.value}</p>}
      </div>
      <div class="backlog__import">
        <label for="backlog-import">Import statuses from a CSV edited elsewhere</label>
        <input id="backlog-import" type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.currentTarget)} />
        {state.applied.value && <p role="status">{state.applied.value}</p>}
        {state.preview.value && (
          <ImportReportView
            fileName={state.preview.value.fileName}
            report={state.preview.value.report}
            onApply={() => void state.applyImport()}
            onCancel={state.cancelImport}
          />
        )}
      </div>
    </section>
  );
}

/** A spreadsheet opens a CSV as UTF-8 only when it starts with a byte-order mark. */
const exportBody = (state: BacklogState, format: ExportFormat) => (format === 'csv' ? '\ufeff' : '') + state.exportText(format);

const FIELD_NAMES = { status: 'status', owner: 'owner', due: 'due date', ticketUrl: 'ticket' } as const;

function ImportReportView({ fileName, report, onApply, onCancel }: { fileName: string; report: ImportReport; onApply(): void; onCancel(): void }) {
  return (
    <div class="import-report" role="region" aria-label="Import preview">
      <p>
        <strong>{fileName}</strong>: {report.changed.length} to change, {report.unchanged.length} unchanged, {report.unknown.length} unknown,{' '}
        {report.invalid.length} not readable, {report.conflicts.length} changed here since the export.
      </p>
      {report.changed.length > 0 && (
        <ul aria-label="Changes">
          {report.changed.map((c) => (
            <li key={c.after.id}>
              Line {c.line}: “{c.after.text}” —{' '}
              {c.fields.map((f) => `${FIELD_NAMES[f]} ${String(c.before[f] ?? '—')} → ${String(c.after[f] ?? '—')}`).join(', ')}
            </li>
          ))}
        </ul>
      )}
      {report.unknown.length > 0 && (
        <ul aria-label="Unknown rows">
          {report.unknown.map((u) => (
            <li key={u.line}>
              Line {u.line}: no action item has id {u.id || '(empty)'}
              {u.text && <> (“{u.text}”)</>} — left out, nothing saved for it.
            </li>
          ))}
        </ul>
      )}
      {report.invalid.length > 0 && (
        <ul aria-label="Rows not readable">
          {report.invalid.map((i) => (
            <li key={i.line}>
              Line {i.line}: {i.message}
            </li>
          ))}
        </ul>
      )}
      {report.conflicts.length > 0 && (
        <ul aria-label="Changed here since the export">
          {report.conflicts.map((c) => (
            <li key={c.line}>
              Line {c.line}: changed in Sitrep after the export; Sitrep's copy is kept ({c.fields.map((f) => FIELD_NAMES[f]).join(', ')} not imported).
            </li>
          ))}
        </ul>
      )}
      <div class="form-actions">
        <button type="button" class="primary" disabled={!report.changed.length} onClick={onApply}>
          Apply {report.changed.length} change(s)
        </button>
        <button type="button" onClick={onCancel}>
          Cancel import
        </button>
      </div>
    </div>
  );
}
