import { useSignal } from '@preact/signals';
import { describeFormError, requestHostPermissions, type FormErrors } from '../../state/publishing-state';
import { focusFirstError } from './form-parts';

/** What a form of one kind of thing (a target, a notifier) made of what was typed. */
export type Prepared<T, F extends string> = { ok: true; item: T; secret?: string } | { ok: false; errors: FormErrors<F> };

interface KindFormOptions<K extends string, V extends { secret: string }, F extends keyof V & string, T> {
  /** The saved one's kind and values (never its secret) when editing one. */
  kind: K;
  values?: V;
  blank(): V;
  /** Each kind's fields in the order its form shows them: the first one in error gets the focus. */
  fields: Record<K, readonly F[]>;
  fieldId(kind: K, field: F): string;
  /** Checks what was typed, synchronously: the permission prompt must come inside the click. */
  prepare(kind: K, typed: V): Prepared<T, F>;
  /** Where it sends requests, for the host permission. */
  urlsOf(item: T, secret: string | undefined): string[];
  /** Stores it; rejects with no secret in the message. */
  save(item: T, secret: string | undefined): Promise<T>;
  onSaved(saved: T, permission: Promise<boolean | undefined>, urls: string[]): void;
}

const NO_ERRORS = { fields: {} };

/**
 * A form with a kind chosen first (a saved one keeps its kind), keeping what was typed for every
 * kind tried. Saving asks for the host permission inside the click and does not wait for the
 * answer (a service that allows CORS works without it). A refused save keeps everything typed and
 * says what is wrong by the field; the typed secret is blanked out of any message.
 */
export function useKindForm<K extends string, V extends { secret: string }, F extends keyof V & string, T>(options: KindFormOptions<K, V, F, T>) {
  const { blank, fields, fieldId } = options;
  const kind = useSignal<K>(options.kind);
  const drafts = useSignal<Partial<Record<K, V>>>(options.values ? ({ [options.kind]: options.values } as Partial<Record<K, V>>) : {});
  const errors = useSignal<FormErrors<F>>(NO_ERRORS);
  const busy = useSignal(false);
  const current = kind.value;
  const draftOf = (k: K) => drafts.peek()[k] ?? blank();
  const refused = (k: K, found: FormErrors<F>) => {
    errors.value = found;
    focusFirstError(fields[k], found.fields, (f) => fieldId(k, f));
  };

  function submit(e: Event) {
    e.preventDefault();
    if (busy.peek()) return;
    const k = kind.peek();
    const typed = draftOf(k);
    const prepared = options.prepare(k, typed);
    if (!prepared.ok) return refused(k, prepared.errors);
    // Inside the gesture, before any await, or the browser shows no prompt.
    const urls = options.urlsOf(prepared.item, prepared.secret);
    const asked = requestHostPermissions(urls);
    void save(k, typed, prepared.item, prepared.secret, asked, urls);
  }

  async function save(k: K, typed: V, item: T, secret: string | undefined, asked: Promise<boolean | undefined>, urls: string[]) {
    busy.value = true;
    try {
      const saved = await options.save(item, secret);
      errors.value = NO_ERRORS;
      options.onSaved(saved, asked, urls);
    } catch (error) {
      refused(k, describeFormError(error, fields[k], typed.secret));
    } finally {
      busy.value = false;
    }
  }

  return {
    kind: current,
    /** What was typed for the kind shown. */
    values: drafts.value[current] ?? blank(),
    /** What is typed now, read in an event rather than at render (two inputs before a re-render, as autofill does). */
    latest: () => draftOf(kind.peek()),
    set<G extends F>(field: G, value: V[G]) {
      const k = kind.peek();
      drafts.value = { ...drafts.peek(), [k]: { ...draftOf(k), [field]: value } };
    },
    choose(k: K) {
      kind.value = k;
      errors.value = NO_ERRORS;
    },
    idOf: (field: F) => fieldId(current, field),
    errorOf: (field: F) => errors.value.fields[field],
    formError: errors.value.form,
    busy: busy.value,
    submit,
  };
}

interface KindChoiceProps<K extends string> {
  /** A saved one's kind: shown, not offered. */
  fixed?: K;
  kinds: readonly K[];
  labels: Record<K, string>;
  current: K;
  legend: string;
  /** The radios' name. */
  name: string;
  /** `publish-kind` gives the radios the ids `publish-kind-host`, `publish-kind-s3`… */
  idPrefix: string;
  onChoose(kind: K): void;
}

/** The kind: a choice for a new one, a label for a saved one. */
export function KindChoice<K extends string>({ fixed, kinds, labels, current, legend, name, idPrefix, onChoose }: KindChoiceProps<K>) {
  if (fixed) {
    return (
      <p class="target-form__kind">
        <strong>{labels[fixed]}</strong>
      </p>
    );
  }
  return (
    <fieldset class="target-form__kinds">
      <legend>{legend}</legend>
      {kinds.map((k) => (
        <label class="inline" key={k}>
          <input type="radio" name={name} id={`${idPrefix}-${k}`} value={k} checked={current === k} onChange={() => onChoose(k)} />
          {labels[k]}
        </label>
      ))}
    </fieldset>
  );
}
