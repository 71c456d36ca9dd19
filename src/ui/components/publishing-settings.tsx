import { useFormDraft } from '../hooks/use-form-draft';
import { describeFormError, siteFormValuesOf, type PublishingState, type SiteField, type SiteFormValues } from '../state/publishing-state';
import { ErrorBanner } from './error-banner';
import { Field, FormActions, fieldAria as aria } from './targets/form-parts';

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
      <p class="hint">Status updates and maintenance are published as a status site: a Statuspage-compatible feed, a page and the banner.</p>
      <SiteForm state={state} />
    </section>
  );
}

const SITE_FIELDS = ['name', 'historyDays', 'timeZone'] as const;

function SiteForm({ state }: { state: PublishingState }) {
  const form = useFormDraft<SiteFormValues, SiteField>({
    // What was typed wins over what is stored; the stored settings show until the first keystroke.
    stored: () => siteFormValuesOf(state.site.value),
    save: (values) => state.saveSite(values),
    describe: (error) => describeFormError(error, SITE_FIELDS),
    fields: SITE_FIELDS,
    idOf: (field) => `publish-site-${field}`,
  });
  const { values, set, errorOf } = form;

  return (
    <form class="publish-site" aria-labelledby="publishing-heading" onSubmit={(e) => void form.submit(e)} noValidate>
      <Field id="publish-site-name" label="Site name" error={errorOf('name')}>
        <input
          id="publish-site-name"
          maxLength={255}
          autoComplete="off"
          placeholder="Example Inc. status"
          value={values.name}
          {...aria('publish-site-name', false, errorOf('name'))}
          onInput={(e) => set('name', e.currentTarget.value)}
        />
      </Field>
      <Field id="publish-site-historyDays" label="Days of history" error={errorOf('historyDays')} hint="On the page and in the feeds, 7 to 365.">
        <input
          id="publish-site-historyDays"
          type="number"
          inputMode="numeric"
          min={7}
          max={365}
          step={1}
          value={values.historyDays}
          {...aria('publish-site-historyDays', true, errorOf('historyDays'))}
          onInput={(e) => set('historyDays', e.currentTarget.value)}
        />
      </Field>
      <Field id="publish-site-timeZone" label="Page time zone" error={errorOf('timeZone')} hint="Named in the feed; readers see times in their own zone.">
        <input
          id="publish-site-timeZone"
          list="publish-site-zones"
          autoComplete="off"
          spellcheck={false}
          maxLength={64}
          value={values.timeZone}
          {...aria('publish-site-timeZone', true, errorOf('timeZone'))}
          onInput={(e) => set('timeZone', e.currentTarget.value)}
        />
        <datalist id="publish-site-zones">
          {ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </Field>
      <ErrorBanner message={form.formError} />
      <FormActions save="Save page settings" busy={form.busy} saved={form.saved} />
    </form>
  );
}
