import { signal } from '@preact/signals';
import { applyImport, previewImport, undoLastImport, type ImportPreview } from '../../db/backup-repo';
import type { SitrepDb } from '../../db/database';
import { describeImportSummary } from '../../report/merge';

/** Where an import stands: nothing changes in the log before `confirm`. */
export type ImportStep =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'importing'; preview: ImportPreview }
  | { step: 'imported'; fileName: string }
  | { step: 'undoing'; fileName: string };

export interface ImportMessage {
  text: string;
  error?: boolean;
}

/** A file as the file input gives it (a File), or anything with a name and text. */
export interface ChosenFile {
  name: string;
  text(): Promise<string>;
}

/**
 * Import backup…: read the file and show what it would change (record by record), then Import
 * or Cancel; right after an import, Undo import puts the log back as it was.
 */
export function createImportState(db: SitrepDb, now: () => Date = () => new Date()) {
  const state = signal<ImportStep>({ step: 'idle' });
  const message = signal<ImportMessage | undefined>(undefined);

  const fail = (error: unknown) => {
    message.value = { text: error instanceof Error ? error.message : String(error), error: true };
  };

  async function choose(file: ChosenFile): Promise<void> {
    message.value = undefined;
    state.value = { step: 'reading', fileName: file.name };
    try {
      const preview = await previewImport(db, await file.text(), { now: now(), fileName: file.name });
      state.value = { step: 'preview', preview };
    } catch (error) {
      state.value = { step: 'idle' };
      fail(error);
    }
  }

  async function confirm(): Promise<void> {
    const current = state.value;
    if (current.step !== 'preview') return;
    const { preview } = current;
    state.value = { step: 'importing', preview };
    try {
      const summary = await applyImport(db, preview);
      const fileName = preview.fileName ?? 'the backup';
      // Nothing written means nothing to undo.
      state.value = preview.changes.length ? { step: 'imported', fileName } : { step: 'idle' };
      const said = describeImportSummary(summary);
      // "Imported backup.json: added 1 incident…", never "Imported backup.json: Imported: …".
      message.value = { text: `Imported ${fileName}: ${said.replace(/^Imported: /, '')}` };
    } catch (error) {
      state.value = { step: 'idle' };
      fail(error);
    }
  }

  function cancel(): void {
    if (state.value.step !== 'preview') return;
    state.value = { step: 'idle' };
    message.value = { text: 'Import cancelled: nothing was changed.' };
  }

  async function undo(): Promise<void> {
    const current = state.value;
    if (current.step !== 'imported') return;
    state.value = { step: 'undoing', fileName: current.fileName };
    try {
      message.value = { text: await undoLastImport(db) };
      state.value = { step: 'idle' };
    } catch (error) {
      // Refused (something changed since): the import stays, and so does the reason.
      state.value = { step: 'idle' };
      fail(error);
    }
  }

  /** Another action took over the menu: forget the offer to undo (the import itself stays). */
  function dismiss(): void {
    if (state.value.step === 'imported') state.value = { step: 'idle' };
  }

  return { state, message, choose, confirm, cancel, undo, dismiss };
}
