import * as z from 'zod';
import { Severity, UpdateCadence, severityName } from '../../model';
import { useFormDraft } from '../hooks/use-form-draft';
import type { FormErrors } from '../state/publishing-state';
import { ErrorBanner } from './error-banner';
import { FieldMessages, FormActions, fieldAria } from './targets/form-parts';

/** The cadence form, as typed: minutes as text until saved. */
export type CadenceFormValues = { firstMinutes: string } & Record<Severity, string>;
export type CadenceField = keyof CadenceFormValues;

const FIELDS: readonly CadenceField[] = ['firstMinutes', ...Severity.options];

export function cadenceFormValuesOf(cadence: UpdateCadence): CadenceFormValues {
  const every = Object.fromEntries(Severity.options.map((s) => [s, String(cadence.everyMinutes[s])])) as Record<Severity, string>;
  return { firstMinutes: String(cadence.firstMinutes), ...every };
}

/** Digits become a number (a fraction, for the schema to refuse as not whole); anything else stays text. */
const minutes = (text: string): number | string => (/^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text);

/** The form read into a cadence; throws a ZodError (`UpdateCadence`'s paths) when it is not valid. */
export function cadenceOf(values: CadenceFormValues): UpdateCadence {
  return UpdateCadence.parse({
    firstMinutes: minutes(values.firstMinutes),
    everyMinutes: Object.fromEntries(Severity.options.map((s) => [s, minutes(values[s])])),
  });
}

/** A refused cadence, one message per field in plain words. */
export function describeCadenceError(error: unknown): FormErrors<CadenceField> {
  if (!(error instanceof z.ZodError)) return { fields: {}, form: error instanceof Error ? error.message : String(error) };
  const fields: Partial<Record<CadenceField, string>> = {};
  const rest: string[] = [];
  for (const issue of error.issues) {
    const [head, severity] = issue.path;
    const field = head === 'firstMinutes' ? 'firstMinutes' : head === 'everyMinutes' ? Severity.safeParse(severity).data : undefined;
    const message =
      issue.code === 'too_small' ? 'At least 1 minute' : issue.code === 'too_big' ? `At most ${String(issue.maximum)} minutes` : 'Whole minutes, e.g. 30';
    if (field) fields[field] = message;
    else rest.push(issue.message);
  }
  return { fields, ...(rest.length && { form: rest.join('\n') }) };
}

interface Props {
  cadence: UpdateCadence;
  /** Stores the cadence; may reject (storage full), and then nothing typed is lost. */
  onSave(cadence: UpdateCadence): Promise<unknown>;
}

/**
 * How often customers must hear from us: the first public update within N minutes of declaring,
 * then every M minutes per severity while unresolved. The popup and the toolbar badge count down.
 */
export function CadenceSettings({ cadence, onSave }: Props) {
  const id = (field: CadenceField) => `cadence-${field}`;
  const form = useFormDraft<CadenceFormValues, CadenceField>({
    // What was typed wins; the stored cadence shows until the first keystroke (and after a save).
    stored: () => cadenceFormValuesOf(cadence),
    save: (values) => onSave(cadenceOf(values)),
    describe: describeCadenceError,
    fields: FIELDS,
    idOf: id,
  });

  const input = (field: CadenceField, label: string) => {
    const error = form.errorOf(field);
    return (
      <div class="cadence-row" key={field}>
        <label for={id(field)}>{label}</label>
        <span class="cadence-row__input">
          <input
            id={id(field)}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={form.values[field]}
            {...fieldAria(id(field), false, error)}
            onInput={(e) => form.set(field, e.currentTarget.value)}
          />
          <span aria-hidden="true">min</span>
        </span>
        <FieldMessages id={id(field)} error={error} />
      </div>
    );
  };

  return (
    <section class="cadence-settings" aria-labelledby="cadence-heading">
      <h2 id="cadence-heading">Update cadence</h2>
      <p class="hint">Silence is what customers notice first: the popup shows when the next public update is due, and the toolbar badge marks it overdue.</p>
      <form class="cadence-form" aria-labelledby="cadence-heading" onSubmit={(e) => void form.submit(e)} noValidate>
        {input('firstMinutes', 'First update within (minutes of declaring)')}
        <fieldset>
          <legend>Then every … minutes while unresolved</legend>
          {Severity.options.map((s) => input(s, `${s} (${severityName(s)})`))}
        </fieldset>
        <ErrorBanner message={form.formError} />
        <FormActions save="Save cadence" busy={form.busy} saved={form.saved} />
      </form>
    </section>
  );
}
