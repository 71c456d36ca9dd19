import { useSignal } from '@preact/signals';
import type { ComponentChildren, JSX } from 'preact';

/** The pieces the publishing forms share: a labelled field, a secret input, the focus on the first error. */

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

/** Puts the keyboard on the first field a refused save names. */
export function focusFirstError<F extends string>(order: readonly F[], fields: Partial<Record<F, string>>, idOf: (field: F) => string) {
  const first = order.find((f) => fields[f]);
  if (first) document.getElementById(idOf(first))?.focus();
}
