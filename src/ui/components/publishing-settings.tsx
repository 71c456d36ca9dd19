import { useSignal } from '@preact/signals';
import {
  describeFormError,
  siteFormValuesOf,
  type FormErrors,
  type PublishingState,
  type SiteField,
  type SiteFormValues,
} from '../state/publishing-state';
import { ErrorBanner } from './error-banner';
import { Field, fieldAria as aria, focusFirstError } from './targets/form-parts';

/** Zones the browser knows, offered as suggestions (any zone it accepts can be typed). */
const ZONES: readonly string[] = (() => {
  try {
    return ['Etc/UTC', ...Intl.supportedValuesOf('timeZone')];
  } catch {
    return ['Etc/UTC'];
  }
})();

/**
 * Settings → the status page: what it is called, how much history it keeps and the zone its feed
 * names. Where it is published is `TargetsSettings`.
 */
export function PublishingSettings({ state }: { state: PublishingState }) {
  return (
    <section class="publishing-settings" aria-labelledby="publishing-heading">
      <h2 id="publishing-heading">Status page</h2>
      <p class="hint">
        Status updates and maintenance are published as a status site: a Statuspage-compatible feed, a page and the banner.
      </p>
      <SiteForm state={state} />
    </section>
  );
}

const NO_ERRORS = { fields: {} };

function SiteForm({ state }: { state: PublishingState }) {
  const draft = useSignal<SiteFormValues | undefined>(undefined);
  const errors = useSignal<FormErrors<SiteField>>(NO_ERRORS);
  const notice = useSignal<string | undefined>(undefined);
  const busy = useSignal(false);
  // What was typed wins over what is stored; the stored settings show until the first keystroke.
  const values = draft.value ?? siteFormValuesOf(state.site.value);
  const set = (field: SiteField, value: string) => {
    // Read now, not at render: two inputs before a re-render (autofill) must both count.
    draft.value = { ...(draft.peek() ?? siteFormValuesOf(state.site.peek())), [field]: value };
    notice.value = undefined;
  };

  async function submit(e: Event) {
    e.preventDefault();
    if (busy.value) return;
    busy.value = true;
    try {
      await state.saveSite(draft.peek() ?? siteFormValuesOf(state.site.peek()));
      draft.value = undefined;
      errors.value = NO_ERRORS;
      notice.value = 'Saved.';
    } catch (error) {
      const described = describeFormError(error, ['name', 'historyDays', 'timeZone'] as const);
      errors.value = described;
      focusFirstError(['name', 'historyDays', 'timeZone'] as const, described.fields, (f) => `publish-site-${f}`);
    } finally {
      busy.value = false;
    }
  }

  const { name, historyDays, timeZone } = errors.value.fields;
  return (
    <form class="publish-site" aria-labelledby="publishing-heading" onSubmit={submit} noValidate>
      <Field id="publish-site-name" label="Site name" error={name}>
        <input
          id="publish-site-name"
          maxLength={255}
          autoComplete="off"
          placeholder="Example Inc. status"
          value={values.name}
          {...aria('publish-site-name', false, name)}
          onInput={(e) => set('name', e.currentTarget.value)}
        />
      </Field>
      <Field id="publish-site-historyDays" label="Days of history" error={historyDays} hint="On the page and in the feeds, 7 to 365.">
        <input
          id="publish-site-historyDays"
          type="number"
          inputMode="numeric"
          min={7}
          max={365}
          step={1}
          value={values.historyDays}
          {...aria('publish-site-historyDays', true, historyDays)}
          onInput={(e) => set('historyDays', e.currentTarget.value)}
        />
      </Field>
      <Field
        id="publish-site-timeZone"
        label="Page time zone"
        error={timeZone}
        hint="Named in the feed; readers see times in their own zone."
      >
        <input
          id="publish-site-timeZone"
          list="publish-site-zones"
          autoComplete="off"
          spellcheck={false}
          maxLength={64}
          value={values.timeZone}
          {...aria('publish-site-timeZone', true, timeZone)}
          onInput={(e) => set('timeZone', e.currentTarget.value)}
        />
        <datalist id="publish-site-zones">
          {ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </Field>
      <ErrorBanner message={errors.value.form} />
      <div class="publish-actions">
        <button type="submit" class="primary" disabled={busy.value}>
          Save page settings
        </button>
        <span class="hint" aria-live="polite">
          {notice.value}
        </span>
      </div>
    </form>
  );
}
