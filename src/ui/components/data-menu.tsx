import { useSignal } from '@preact/signals';
import { useMemo, useRef } from 'preact/hooks';
import type { Incident } from '../../model';
import { eraseLog } from '../../db/incidents-repo';
import { exportBackup } from '../../db/backup-repo';
import { backupFileName, describeSkipped, serializeBackup } from '../../report/backup';
import { buildTimelineMarkdown } from '../../report/timeline-markdown';
import { downloadText } from '../download';
import { useApp } from '../state/context';
import { createImportState } from '../state/import-state';
import type { TimelineState } from '../state/timeline-state';
import { ImportPreview } from './import-preview';

/**
 * Backup and hand-off: export everything as JSON (naming any record it had to leave out),
 * import (shown record by record first, merging, never duplicating, undoable right after), copy
 * the shown timeline as Markdown for chat or a ticket, and erase the local log.
 */
export function DataMenu({ shown, timeline }: { shown: Incident | undefined; timeline: TimelineState }) {
  const { db, log } = useApp();
  const status = useSignal<{ text: string; error?: boolean } | undefined>(undefined);
  const confirmErase = useSignal(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const importing = useMemo(() => createImportState(db), [db]);
  const step = importing.state.value;

  async function run(action: () => Promise<string>) {
    // The import's message gives way; its Undo stays offered (it refuses if the log moved on).
    importing.message.value = undefined;
    try {
      status.value = { text: await action() };
    } catch (e) {
      status.value = { text: e instanceof Error ? e.message : String(e), error: true };
    }
  }

  const exportAll = () =>
    run(async () => {
      const { backup, skipped } = await exportBackup(db);
      downloadText(backupFileName(), serializeBackup(backup));
      const exported = `Exported ${backup.incidents.length} incidents, ${backup.entries.length} entries.`;
      return skipped.length ? `${exported} ${describeSkipped(skipped)}` : exported;
    });

  const importFile = (file: File) => {
    status.value = undefined;
    void importing.choose(file);
  };
  // The last word goes to whichever happened last: the import's, or the menu's other actions'.
  const shownStatus = importing.message.value ?? status.value;

  const copyMarkdown = () =>
    run(async () => {
      if (!shown) throw new Error('Choose an incident first.');
      const timeZone = log.settings.value.timeDisplay === 'utc' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone;
      const markdown = buildTimelineMarkdown(shown, timeline.entries.value ?? [], { timeZone });
      await navigator.clipboard.writeText(markdown);
      return `Copied ${shown.key}'s timeline as Markdown (${timeZone}).`;
    });

  const erase = () =>
    run(async () => {
      await eraseLog(db);
      // The copies kept for undo are gone with the log.
      importing.dismiss();
      confirmErase.value = false;
      return 'The local log is erased.';
    });

  return (
    <details class="data-menu">
      <summary>Data</summary>
      <div class="data-menu__items">
        <button type="button" onClick={copyMarkdown} disabled={!shown}>
          Copy timeline as Markdown
        </button>
        <button type="button" onClick={exportAll}>
          Export backup (JSON)
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} disabled={step.step === 'reading' || step.step === 'preview' || step.step === 'importing'}>
          Import backup…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          class="sr-only"
          aria-label="Backup file to import"
          data-testid="import-file"
          tabIndex={-1}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
        {(step.step === 'preview' || step.step === 'importing') && (
          <ImportPreview preview={step.preview} busy={step.step === 'importing'} onImport={() => void importing.confirm()} onCancel={importing.cancel} />
        )}
        {step.step === 'reading' && <p class="data-menu__status">Reading <bdi>{step.fileName}</bdi>…</p>}
        {confirmErase.value ? (
          <div role="group" aria-label="Confirm erase">
            <p class="data-menu__status">Erase every incident and entry on this browser? Keys start again at INC-1. Export first if unsure.</p>
            <button type="button" class="danger" onClick={erase}>
              Erase everything
            </button>
            <button type="button" onClick={() => (confirmErase.value = false)}>
              Keep
            </button>
          </div>
        ) : (
          <button type="button" class="danger" onClick={() => (confirmErase.value = true)}>
            Erase local log…
          </button>
        )}
        {shownStatus && (
          <p class={`data-menu__status${shownStatus.error ? ' error' : ''}`} role={shownStatus.error ? 'alert' : 'status'} data-testid="data-status">
            {shownStatus.text}
          </p>
        )}
        {(step.step === 'imported' || step.step === 'undoing') && (
          <button type="button" onClick={() => void importing.undo()} disabled={step.step === 'undoing'}>
            Undo import
          </button>
        )}
      </div>
    </details>
  );
}
