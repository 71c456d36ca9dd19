import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { Incident } from '../../model';
import { eraseLog } from '../../db/incidents-repo';
import { exportBackup, importBackupText } from '../../db/backup-repo';
import { backupFileName, serializeBackup } from '../../report/backup';
import { describeImportSummary } from '../../report/merge';
import { buildTimelineMarkdown } from '../../report/timeline-markdown';
import { downloadText } from '../download';
import { useApp } from '../state/context';
import type { TimelineState } from '../state/timeline-state';

/**
 * Backup and hand-off: export everything as JSON, import (merging, never duplicating), copy the
 * shown timeline as Markdown for chat or a ticket, and erase the local log.
 */
export function DataMenu({ shown, timeline }: { shown: Incident | undefined; timeline: TimelineState }) {
  const { db, log } = useApp();
  const status = useSignal<{ text: string; error?: boolean } | undefined>(undefined);
  const confirmErase = useSignal(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function run(action: () => Promise<string>) {
    try {
      status.value = { text: await action() };
    } catch (e) {
      status.value = { text: e instanceof Error ? e.message : String(e), error: true };
    }
  }

  const exportAll = () =>
    run(async () => {
      const backup = await exportBackup(db);
      downloadText(backupFileName(), serializeBackup(backup));
      return `Exported ${backup.incidents.length} incidents, ${backup.entries.length} entries.`;
    });

  const importFile = (file: File) =>
    run(async () => {
      const summary = await importBackupText(db, await file.text());
      return `Imported ${file.name}: ${describeImportSummary(summary)}`;
    });

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
        <button type="button" onClick={() => fileInput.current?.click()}>
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
        {confirmErase.value ? (
          <div role="group" aria-label="Confirm erase">
            <p class="data-menu__status">Erase every incident and entry on this browser? Export first if unsure.</p>
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
        {status.value && (
          <p class={`data-menu__status${status.value.error ? ' error' : ''}`} role={status.value.error ? 'alert' : 'status'} data-testid="data-status">
            {status.value.text}
          </p>
        )}
      </div>
    </details>
  );
}
