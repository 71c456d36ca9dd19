import { useSignal } from '@preact/signals';
import type { ComponentChildren, JSX } from 'preact';

/** The pieces the settings forms share: a labelled field, a text or secret field, Save and Cancel, the focus on the first error. */

/** A field's label, control, hint and error, wired for screen readers (see `fieldAria`). */
export function Field(props: { id: string; label: string; hint?: ComponentChildren; error?: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      <FieldMessages id={props.id} hint={props.hint} error={props.error} />
    </div>
  );
}

/** The hint and the error below a control (or a group of them), with the ids `fieldAria` points at. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: ComponentChildren; error?: string }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

/** aria-* for a control with an optional hint and error below it. */
export const fieldAria = (id: string, hint: boolean, error: string | undefined) => ({
  'aria-invalid': error ? ('true' as const) : undefined,
  'aria-describedby': [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
});

/** A saved secret's hint: one is there, and empty keeps it (never what it is). */
export const savedSecretHint = (what: string) => `A ${what} is saved. Leave this empty to keep it, or paste a new one.`;

interface SecretInputProps {
  id: string;
  /** What was typed; never a stored secret. */
  value: string;
  onInput(value: string): void;
  /** A secret is stored: the placeholder says so (without it), and empty keeps it. */
  saved: boolean;
  /** What the secret is, for the Show/Hide button's name: "token", "password". */
  what: string;
  maxLength: number;
  hasHint: boolean;
  error?: string;
  /** Shown from outside (after Generate, the new key must be seen to be copied). */
  shown?: boolean;
  onShownChange?(shown: boolean): void;
  /** More buttons beside Show/Hide (Generate). */
  children?: ComponentChildren;
}

/**
 * A password input with Show/Hide. It is write-only: it starts empty whatever is stored, so a
 * secret never comes back to the screen.
 */
export function SecretInput(props: SecretInputProps) {
  const ownShown = useSignal(false);
  const shown = props.shown ?? ownShown.value;
  const setShown = (next: boolean) => (props.onShownChange ? props.onShownChange(next) : (ownShown.value = next));
  return (
    <div class="secret-input">
      <input
        id={props.id}
        type={shown ? 'text' : 'password'}
        autoComplete="off"
        spellcheck={false}
        maxLength={props.maxLength}
        placeholder={props.saved ? '•••••••• (saved)' : ''}
        value={props.value}
        {...fieldAria(props.id, props.hasHint, props.error)}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <button type="button" aria-controls={props.id} aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide' : 'Show'}
        <span class="sr-only"> {props.what}</span>
      </button>
      {props.children}
    </div>
  );
}

/** A text input for a field of a form whose values are strings: its id, value and error wiring. */
export function TextInput(
  props: { id: string; value: string; hasHint: boolean; error?: string; onValue(value: string): void } & Omit<
    JSX.InputHTMLAttributes<HTMLInputElement>,
    'id' | 'value' | 'onInput'
  >,
) {
  const { id, value, hasHint, error, onValue, ...rest } = props;
  return (
    <input
      id={id}
      autoComplete="off"
      spellcheck={false}
      {...rest}
      value={value}
      {...fieldAria(id, hasHint, error)}
      onInput={(e) => onValue(e.currentTarget.value)}
    />
  );
}

/** A labelled one-line text field: its hint and error below it, URLs typed as URLs. */
export function TextField(props: {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string;
  value: string;
  onValue(value: string): void;
  maxLength: number;
  placeholder?: string;
  url?: boolean;
}) {
  const { label, hint, url, ...input } = props;
  return (
    <Field id={props.id} label={label} hint={hint} error={props.error}>
      <TextInput {...input} hasHint={Boolean(hint)} {...(url && { type: 'url', inputMode: 'url' })} />
    </Field>
  );
}

/** A labelled secret: the input with Show/Hide (see `SecretInput`), its hint and error below it. */
export function SecretField(props: Omit<SecretInputProps, 'hasHint'> & { label: string; hint: ComponentChildren }) {
  const { label, hint, ...input } = props;
  return (
    <Field id={props.id} label={label} hint={hint} error={props.error}>
      <SecretInput {...input} hasHint />
    </Field>
  );
}

interface FormActionsProps {
  /** The row's class, by the form's own block: `publish-actions`, `component-form__actions`. */
  class?: string;
  save: string;
  busy: boolean;
  /** Absent when there is nothing to go back to. */
  onCancel?(): void;
  cancel?: string;
  /** For a form that stays open once saved: whether it was, said in a live region that is always there. */
  saved?: boolean;
}

/** A form's Save (off while saving), Cancel when there is somewhere to go back to, and what saving said. */
export function FormActions({ class: className = 'publish-actions', save, busy, onCancel, cancel = 'Cancel', saved }: FormActionsProps) {
  return (
    <div class={className}>
      <button type="submit" class="primary" disabled={busy}>
        {save}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {cancel}
        </button>
      )}
      {saved !== undefined && (
        <span class="hint" aria-live="polite">
          {saved && 'Saved.'}
        </span>
      )}
    </div>
  );
}

/** Puts the keyboard on the first field a refused save names. */
export function focusFirstError<F extends string>(order: readonly F[], fields: Partial<Record<F, string>>, idOf: (field: F) => string) {
  const first = order.find((f) => fields[f]);
  if (first) document.getElementById(idOf(first))?.focus();
}
