import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { EntryKind, ENTRY_KIND_LABELS, type EntryEdit, type TimeDisplay, type TimelineEntry } from '../../../model';
import { fromDateTimeInput, toDateTimeInput } from '../../format-time';
import { editorKeys } from '../../form-keys';

interface Props {
  entry: TimelineEntry;
  timeDisplay: TimeDisplay;
  /** Stores the edit; rejects when it could not, and the editor then stays open with what was typed. */
  onSave(patch: EntryEdit): Promise<void>;
  onCancel(): void;
}

/**
 * Edits text, time and kind of one entry. Ctrl/Cmd+Enter saves, Escape cancels. A save that fails
 * keeps the editor open, everything typed in it, and says why.
 */
export function EntryEditor({ entry, timeDisplay, onSave, onCancel }: Props) {
  const text = useSignal(entry.text);
  const shownTime = toDateTimeInput(entry.at, timeDisplay);
  const time = useSignal(shownTime);
  const kind = useSignal<EntryKind>(entry.kind);
  const problem = useSignal<string | undefined>(undefined);
  const busy = useSignal(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => textArea.current?.focus(), []);

  async function save(e?: Event) {
    e?.preventDefault();
    if (busy.value) return;
    const at = fromDateTimeInput(time.value, timeDisplay);
    if (!at) {
      problem.value = 'That is not a date and time.';
      return;
    }
    if (!text.value.trim()) {
      problem.value = 'An entry needs some text.';
      return;
    }
    busy.value = true;
    try {
      // The field holds whole seconds: an untouched time is not sent, or fixing a typo would move
      // the entry to the start of its second, above an entry of that same second.
      await onSave({ text: text.value, kind: kind.value, ...(time.value === shownTime ? {} : { at }) });
      problem.value = undefined;
    } catch (error) {
      problem.value = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
      textArea.current?.focus();
    } finally {
      busy.value = false;
    }
  }

  return (
    <form class="entry-editor" aria-label="Edit entry" onSubmit={(e) => void save(e)} onKeyDown={editorKeys((e) => void save(e), onCancel)}>
      <div class="entry-editor__row">
        <label>
          Time ({timeDisplay === 'utc' ? 'UTC' : 'local'})
          <input type="datetime-local" step={1} value={time.value} onInput={(e) => (time.value = e.currentTarget.value)} />
        </label>
        <label>
          Kind
          <select value={kind.value} onChange={(e) => (kind.value = EntryKind.parse(e.currentTarget.value))}>
            {EntryKind.options.map((k) => (
              <option key={k} value={k}>
                {ENTRY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="sr-only" for={`edit-text-${entry.id}`}>
        Text
      </label>
      <textarea id={`edit-text-${entry.id}`} ref={textArea} rows={3} value={text.value} onInput={(e) => (text.value = e.currentTarget.value)} />
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      <div class="entry-editor__actions">
        <button type="submit" class="primary" disabled={busy.value}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
