import type { Ref } from 'preact';
import { isSaveKey } from '../save-key';

/**
 * What the popup's shell (`popup-shell.ts`, popup.html's own markup) hands the full note box when the
 * app takes over: the text typed so far, where the caret was, and whether Enter was pressed
 * before the log could take the note.
 */
export interface NoteHandoff {
  incidentId: string;
  text: string;
  selectionStart: number;
  selectionEnd: number;
  focused: boolean;
  saveRequested: boolean;
}

interface Props {
  incidentKey: string;
  resolved: boolean;
  value: string;
  inputRef: Ref<HTMLTextAreaElement>;
  onInput(text: string): void;
  /** Enter without Shift, outside an IME composition. */
  onSave(): void;
}

/**
 * The note box's label and textarea. popup.html's shell has the same markup, so that the app's
 * note box replaces it without a visible change: test/ui/popup-shell.test.ts holds the two alike.
 */
export function NoteField({ incidentKey, resolved, value, inputRef, onInput, onSave }: Props) {
  return (
    <>
      <label for="note-input">
        Add a note to {incidentKey}
        {resolved && ' (resolved)'}
      </label>
      <textarea
        id="note-input"
        ref={inputRef}
        rows={3}
        placeholder="What just happened? Enter saves, Shift+Enter for a new line"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (isSaveKey(e)) {
            e.preventDefault();
            onSave();
          }
        }}
      />
    </>
  );
}
