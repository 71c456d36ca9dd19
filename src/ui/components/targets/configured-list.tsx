import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { PublishResult, TimeDisplay } from '../../../model';
import { useListEditing } from '../../hooks/use-list-editing';
import { useNow } from '../../hooks/use-now';
import type { WordingOptions } from '../../publish-status-text';
import { ConfirmChoice } from '../confirm-choice';

/**
 * What Settings → Publishing and → Notifications share: a list of configured things with one form
 * open at a time, what the last save or removal said, and where the keyboard goes after it.
 */
export function useConfiguredList() {
  const list = useListEditing();
  const notice = useSignal<string | undefined>(undefined);
  const permissionNote = useSignal<string | undefined>(undefined);

  return {
    editing: list.editing,
    problem: list.problem,
    notice: notice.value,
    permissionNote: permissionNote.value,
    open(which: 'new' | string) {
      notice.value = undefined;
      list.open(which);
    },
    close: list.close,
    /** Closes the form after a save and says so; once the host permission prompt is answered no, says what that means. */
    saved({ said, focusId, asked, urls, refused }: AfterSave) {
      list.close(focusId);
      list.clearProblem();
      notice.value = said;
      permissionNote.value = undefined;
      void asked.then((granted) => {
        if (granted !== false) return;
        permissionNote.value = refused(urls.map((url) => new URL(url).host).join(', '));
      });
    },
    /** Removes one and says so; a failure names it by `label`. */
    async remove({ label, removal, said, focusId }: Removal) {
      if (!(await list.attempt(removal, `Could not remove ${label}`))) return;
      permissionNote.value = undefined;
      notice.value = said;
      list.focus(focusId);
    },
  };
}

interface AfterSave {
  said: string;
  /** Where the keyboard goes: the saved one's Edit button. */
  focusId: string;
  /** The host permission prompt, asked in the click. */
  asked: Promise<boolean | undefined>;
  /** What it asked for. */
  urls: readonly string[];
  /** What a refusal means, given the hosts asked for. */
  refused(hosts: string): string;
}

interface Removal {
  label: string;
  removal(): Promise<void>;
  said: string;
  focusId: string;
}

/** What the last save or removal said, and what a refused permission means. */
export function SavedNotes({ notice, permissionNote }: { notice: string | undefined; permissionNote: string | undefined }) {
  return (
    <>
      <p class="hint" aria-live="polite">
        {notice}
      </p>
      {permissionNote && (
        <p class="publish-note" role="status">
          {permissionNote}
        </p>
      )}
    </>
  );
}

/** The Add button, in the place the new one's form takes once open. */
export function AddButton({ id, disabled, onClick, children }: { id: string; disabled: boolean; onClick(): void; children: ComponentChildren }) {
  return (
    <div class="publish-actions">
      <button type="button" id={id} class="primary" disabled={disabled} onClick={onClick}>
        {children}
      </button>
    </div>
  );
}

interface LastResultProps {
  /** `Last publish: `, `Last sent: ` */
  title: string;
  result: PublishResult | undefined;
  describe(result: PublishResult | undefined, options: WordingOptions): string;
  timeDisplay: TimeDisplay;
}

/** How the last publish or message went, in words; a retry's countdown ticks by the second. */
export function LastResult({ title, result, describe, timeDisplay }: LastResultProps) {
  const now = useNow(result?.state === 'retrying' ? 1000 : 30_000);
  return (
    <p class={`publish-result publish-result--${result?.state ?? 'none'}`} aria-live="polite">
      <strong>{title}</strong>
      {describe(result, { now, timeDisplay })}
    </p>
  );
}

interface ItemActionsProps {
  /** `target` gives the buttons the ids `target-edit-<id>`, `target-remove-<id>`, `target-keep-<id>`. */
  idPrefix: string;
  id: string;
  label: string;
  /** Another form is open: one at a time. */
  formOpen: boolean;
  onEdit(): void;
  onRemove(): Promise<void>;
  /** What removing forgets, asked before it is done. */
  question: ComponentChildren;
  /** Buttons before Edit (Test connection). */
  children?: ComponentChildren;
}

/** Edit and Remove for one configured thing; Remove asks first, in place of the buttons. */
export function ItemActions({ idPrefix, id, label, formOpen, onEdit, onRemove, question, children }: ItemActionsProps) {
  const confirming = useSignal(false);
  if (confirming.value) {
    return (
      <ConfirmChoice
        class="publish-actions"
        label={`Remove ${label}?`}
        confirm="Remove"
        onConfirm={() => void onRemove()}
        keep="Keep"
        keepId={`${idPrefix}-keep-${id}`}
        onKeep={() => (confirming.value = false)}
      >
        {question}
      </ConfirmChoice>
    );
  }
  return (
    <div class="publish-actions">
      {children}
      <button type="button" id={`${idPrefix}-edit-${id}`} aria-label={`Edit ${label}`} disabled={formOpen} onClick={onEdit}>
        Edit
      </button>
      <button type="button" class="danger" id={`${idPrefix}-remove-${id}`} aria-label={`Remove ${label}`} onClick={() => (confirming.value = true)}>
        Remove
      </button>
    </div>
  );
}
