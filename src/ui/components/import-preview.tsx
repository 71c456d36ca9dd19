import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ImportPreview as Preview } from '../../db/backup-repo';
import type { RecordChange } from '../../report/merge';

/** More than this many records are counted, not listed: the popover stays usable. */
const MAX_LISTED = 200;

function describeChange(change: RecordChange): string {
  if (change.rekeyed) return `Add as ${change.rekeyed.to} (${change.rekeyed.from} in the file)`;
  if (change.action === 'add') return 'Add';
  return change.newer ? 'Replace with a newer copy' : 'Replace with a copy of the same time';
}

/**
 * What an import will change, before it changes anything: one sentence per kind of change, then
 * every record, with Import and Cancel. Names in the list come from the file, so each is
 * isolated (`<bdi>`) and rendered as text.
 */
export function ImportPreview({ preview, busy, onImport, onCancel }: { preview: Preview; busy: boolean; onImport: () => void; onCancel: () => void }) {
  const region = useRef<HTMLElement>(null);
  // Focus the summary, not a button: Enter must not import a file nobody has read.
  useLayoutEffect(() => region.current?.focus(), [preview]);
  const listed = preview.changes.slice(0, MAX_LISTED);
  const more = preview.changes.length - listed.length;
  return (
    <section ref={region} tabIndex={-1} class="import-preview" aria-label="Import preview" data-testid="import-preview">
      <p class="data-menu__status">
        <strong>
          Import <bdi>{preview.fileName ?? 'this backup'}</bdi>?
        </strong>{' '}
        Nothing changes until you choose Import.
      </p>
      <ul class="data-menu__status" data-testid="import-preview-lines">
        {preview.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {listed.length > 0 && (
        <details>
          <summary>Each record ({preview.changes.length})</summary>
          <ul class="data-menu__status" style={{ maxHeight: '14em', overflowY: 'auto', overflowWrap: 'anywhere' }}>
            {listed.map((change) => (
              <li key={`${change.table}:${change.id}`} data-testid="import-change">
                {describeChange(change)}: <bdi>{change.label}</bdi>
                {change.clamped && ' (dated now: it claimed a later time)'}
              </li>
            ))}
            {more > 0 && <li>…and {more} more</li>}
          </ul>
        </details>
      )}
      <div class="data-menu__actions">
        <button type="button" onClick={onImport} disabled={busy}>
          Import
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </section>
  );
}
