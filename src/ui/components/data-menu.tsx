import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Incident } from '../../model';
import { eraseLog } from '../../db/incidents-repo';
import { exportBackup } from '../../db/backup-repo';
import { backupFileName, describeSkipped, serializeBackup } from '../../report/backup';
import { buildTimelineMarkdown } from '../../report/timeline-markdown';
import { downloadText } from '../download';
import { formatCount } from '../format-time';
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
  const menu = useRef<HTMLDetailsElement>(null);
  /** Whether the menu is open; its last word stays shown under the toggle once it closes. */
  const open = useSignal(false);
  const importing = useMemo(() => createImportState(db), [db]);
  const step = importing.state.value;

  async function run(action: () => Promise<string>) {
    // The import's message gives way; its Undo stays offered (it refuses if the log moved on).
    importing.message.value = undefined;
    try {
      status.value = { text: await action() };
      // Done: the menu gets out of the way, its word on what happened stays in view below.
      open.value = false;
    } catch (e) {
      status.value = { text: e instanceof Error ? e.message : String(e), error: true };
    }
  }

  const exportAll = () =>
    run(async () => {
      const { backup, skipped } = await exportBackup(db);
      downloadText(backupFileName(), serializeBackup(backup));
      const exported = `Exported ${formatCount(backup.incidents.length, 'incident', 'incidents')}, ${formatCount(backup.entries.length, 'entry', 'entries')}.`;
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

  // An import that went through closes the menu too; its Undo is offered beside the toggle.
  useEffect(() => {
    if (step.step === 'imported') open.value = false;
  }, [step.step]);
  const busy = step.step === 'reading' || step.step === 'preview' || step.step === 'importing';
  const statusLine = shownStatus && (
    <p class={`data-menu__status${shownStatus.error ? ' error' : ''}`} role={shownStatus.error ? 'alert' : 'status'} data-testid="data-status">
      {shownStatus.text}
    </p>
  );
  const undoImport = (step.step === 'imported' || step.step === 'undoing') && (
    <button type="button" onClick={() => void importing.undo()} disabled={step.step === 'undoing'}>
      Undo import
    </button>
  );
  const menuOpen = open.value || busy;
  return (
    <div class="data-menu-wrap">
      <details
        class="data-menu"
        ref={menu}
        // An import in progress (preview, confirm) keeps the menu open until it is done.
        open={menuOpen}
        onToggle={(e) => (open.value = e.currentTarget.open)}
      >
        <summary>Data</summary>
        <div class="data-menu__items">
          <div class="data-menu__safe" role="group" aria-label="Copy, export and import">
            <button type="button" onClick={() => void copyMarkdown()} disabled={!shown}>
              Copy timeline as Markdown
            </button>
            <button type="button" onClick={() => void exportAll()}>
              Export backup (JSON)
            </button>
            <button type="button" onClick={() => fileInput.current?.click()} disabled={busy}>
              Import backup…
            </button>
          </div>
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
          {step.step === 'reading' && (
            <p class="data-menu__status">
              Reading <bdi>{step.fileName}</bdi>…
            </p>
          )}
          {/* Set apart below a rule: the one action here that cannot be taken back. */}
          <div class="data-menu__danger" role="group" aria-label="Erase">
            {confirmErase.value ? (
              <div role="group" aria-label="Confirm erase">
                <p class="data-menu__status">Erase every incident and entry on this browser? Keys start again at INC-1. Export first if unsure.</p>
                <button type="button" onClick={() => (confirmErase.value = false)}>
                  Keep
                </button>
                <button type="button" class="danger" onClick={() => void erase()}>
                  Erase everything
                </button>
              </div>
            ) : (
              <button type="button" class="danger" onClick={() => (confirmErase.value = true)}>
                Erase local log…
              </button>
            )}
          </div>
          {/* A failure is said where it happened, with the menu left open to try again. */}
          {shownStatus?.error && statusLine}
          {menuOpen && undoImport}
        </div>
      </details>
      {!shownStatus?.error && statusLine}
      {/* Beside the closed menu; inside it while it is open (the open menu would cover it). */}
      {!menuOpen && undoImport}
    </div>
  );
}
