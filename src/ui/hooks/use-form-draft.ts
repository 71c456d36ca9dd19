import { useSignal } from '@preact/signals';
import { focusFirstError } from '../components/targets/form-parts';
import type { FormErrors } from '../state/publishing-state';

interface Options<V, F extends string> {
  /** What the form shows until something is typed: what is stored, or the one being edited. */
  stored(): V;
  /** Stores the values; rejects (a ZodError naming the field, a full storage) saving nothing. */
  save(values: V): Promise<unknown>;
  /** A refused save: one message per field, the rest for the whole form. */
  describe(error: unknown, values: V): FormErrors<F>;
  /** The fields in the order the form shows them: the keyboard goes to the first one in error. */
  fields: readonly F[];
  idOf(field: F): string;
}

const NO_ERRORS = { fields: {} };

/**
 * A form saved as a whole. What was typed wins over what is stored, and is kept when a save is
 * refused; the message for each field goes by it and the keyboard to the first one wrong.
 */
export function useFormDraft<V extends object, F extends string>(options: Options<V, F>) {
  const draft = useSignal<V | undefined>(undefined);
  const errors = useSignal<FormErrors<F>>(NO_ERRORS);
  const busy = useSignal(false);
  const saved = useSignal(false);
  // Read now, not at render: two inputs before a re-render (autofill) must both count.
  const typed = () => draft.peek() ?? options.stored();

  async function submit(e?: Event) {
    e?.preventDefault();
    if (busy.value) return;
    busy.value = true;
    try {
      await options.save(typed());
      draft.value = undefined;
      errors.value = NO_ERRORS;
      saved.value = true;
    } catch (error) {
      const described = options.describe(error, typed());
      errors.value = described;
      focusFirstError(options.fields, described.fields, options.idOf);
    } finally {
      busy.value = false;
    }
  }

  return {
    values: draft.value ?? options.stored(),
    /** What is typed now, read in an event rather than at render. */
    latest: typed,
    set<K extends keyof V>(field: K, value: V[K]) {
      draft.value = { ...typed(), [field]: value };
      saved.value = false;
    },
    errorOf: (field: F) => errors.value.fields[field],
    formError: errors.value.form,
    busy: busy.value,
    /** Saved, and nothing typed since. */
    saved: saved.value,
    submit,
  };
}
