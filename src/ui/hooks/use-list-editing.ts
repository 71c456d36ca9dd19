import { useSignal, type ReadonlySignal } from '@preact/signals';
import { useFocusNext } from './use-focus-next';

/** Which form is open: none, a new one, or the one with this id. */
export type Editing = null | 'new' | string;

/**
 * An editable list's part of the page (components, maintenance, targets, notifiers): one form
 * open at a time, the keyboard put back where it belongs when it closes, and the last action's
 * failure said in words.
 */
export function useListEditing() {
  const editing = useSignal<Editing>(null);
  const problem = useSignal<string | undefined>(undefined);
  const focus = useFocusNext();
  return {
    editing: editing.value,
    problem: problem.value,
    /** Puts the keyboard on this element once it is rendered and enabled. */
    focus,
    /** Opens the form for a new one, or for the one with this id. */
    open(which: 'new' | string) {
      editing.value = which;
    },
    /** Closes the form; the keyboard goes to `focusId`. */
    close(focusId: string) {
      editing.value = null;
      focus(focusId);
    },
    clearProblem() {
      problem.value = undefined;
    },
    /** Runs an action on the list; its failure is said as `failed: why`. Resolves with whether it worked. */
    async attempt(action: () => Promise<unknown>, failed: string): Promise<boolean> {
      try {
        await action();
        problem.value = undefined;
        return true;
      } catch (error) {
        problem.value = `${failed}: ${error instanceof Error ? error.message : String(error)}`;
        return false;
      }
    },
  };
}

/**
 * The one problem shown above a list kept in the database: reading it failed, or else the last
 * action failed, or else a saved change could not be queued for publishing (the save stands).
 */
export function listProblem(
  what: string,
  state: { loadError: ReadonlySignal<Error | undefined>; publishProblem: ReadonlySignal<string | undefined> },
  problem: string | undefined,
): string | undefined {
  if (state.loadError.value) return `Could not read the ${what}: ${state.loadError.value.message}`;
  return problem ?? (state.publishProblem.value && `Saved, but not queued for publishing: ${state.publishProblem.value}`);
}
