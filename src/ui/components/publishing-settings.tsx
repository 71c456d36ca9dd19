import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useNow } from '../hooks/use-now';
import { describePublishResult } from '../publish-status-text';
import type { TimeDisplay } from '../../model';
import {
  checkHostForm,
  describeFormError,
  requestHostPermission,
  siteFormValuesOf,
  type FormErrors,
  type HostField,
  type HostFormValues,
  type PublishingState,
  type SiteField,
  type SiteFormValues,
} from '../state/publishing-state';
import { ErrorBanner } from './error-banner';

/** Zones the browser knows, offered as suggestions (any zone it accepts can be typed). */
const ZONES: readonly string[] = (() => {
  try {
    return ['Etc/UTC', ...Intl.supportedValuesOf('timeZone')];
  } catch {
    return ['Etc/UTC'];
  }
})();

/**
 * Settings → Publishing: where the status site goes (the host and its token), what the page is
 * called, how much history it keeps and the zone its feed names. The token is write-only here:
 * it is never put back into a field or a message.
 */
export function PublishingSettings({ state, timeDisplay = 'local' }: { state: PublishingState; timeDisplay?: TimeDisplay }) {
  return (
    <section class="publishing-settings" aria-labelledby="publishing-heading">
      <h2 id="publishing-heading">Publishing</h2>
      <p class="hint">
        Status updates and maintenance are published as a status site (a Statuspage-compatible feed, a page and the
        banner) to your host.
      </p>
      <HostForm state={state} timeDisplay={timeDisplay} />
      <SiteForm state={state} />
    </section>
  );
}

/** A field's label, control, hint and error, wired for screen readers. */
function Field(props: { id: string; label: string; hint?: ComponentChildren; error?: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/** aria-* for a control with an optional hint and error below it. */
const aria = (id: string, hint: boolean, error: string | undefined) => ({
  'aria-invalid': error ? ('true' as const) : undefined,
  'aria-describedby': [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
});

const NO_ERRORS = { fields: {} };

function HostForm({ state, timeDisplay }: { state: PublishingState; timeDisplay: TimeDisplay }) {
  const host = state.host.value;
  const tokenSaved = state.hostTokenSaved.value;
  /** What was typed in the URL field; undefined shows the saved URL. */
  const urlDraft = useSignal<string | undefined>(undefined);
  const token = useSignal('');
  const showToken = useSignal(false);
  const errors = useSignal<FormErrors<HostField>>(NO_ERRORS);
  const notice = useSignal<string | undefined>(undefined);
  const permissionNote = useSignal<string | undefined>(undefined);
  const busy = useSignal(false);
  const confirmingRemove = useSignal(false);
  const now = useNow(60_000);
  const values: HostFormValues = { url: urlDraft.value ?? host?.url ?? '', token: token.value };

  function submit(e: Event) {
    e.preventDefault();
    if (busy.value) return;
    // What the fields hold now (Enter right after autofill comes before a re-render).
    const typed: HostFormValues = { url: urlDraft.peek() ?? state.host.peek()?.url ?? '', token: token.peek() };
    const invalid = checkHostForm(typed, state.hostTokenSaved.peek());
    if (invalid) {
      errors.value = invalid;
      notice.value = undefined;
      focusFirstError(['url', 'token'], invalid);
      return;
    }
    // Inside the gesture, before any await, or the browser will not show the prompt. The save
    // does not wait for the answer: a host that allows CORS works without the permission.
    const asked = requestHostPermission(typed.url);
    permissionNote.value = undefined;
    void asked.then((granted) => {
      permissionNote.value =
        granted === false
          ? 'Permission to reach this host was not given: publishing then only works if the host allows cross-origin requests (CORS). Sitrep’s own host does.'
          : undefined;
    });
    void save(typed);
  }

  async function save(typed: HostFormValues) {
    busy.value = true;
    try {
      const target = await state.saveHost(typed);
      errors.value = NO_ERRORS;
      urlDraft.value = undefined;
      token.value = '';
      showToken.value = false;
      notice.value = `Saved. Publishing to ${target.url}.`;
    } catch (error) {
      // The typed values stay; the token is blanked out of any message.
      const described = describeFormError(error, ['url', 'token'] as const, typed.token);
      errors.value = described;
      notice.value = undefined;
      focusFirstError(['url', 'token'], described);
    } finally {
      busy.value = false;
    }
  }

  async function remove() {
    try {
      await state.removeHost();
      errors.value = NO_ERRORS;
      confirmingRemove.value = false;
      urlDraft.value = undefined;
      token.value = '';
      notice.value = 'Removed: nothing is published until a host is set again.';
      document.getElementById('publish-host-url')?.focus();
    } catch (error) {
      errors.value = describeFormError(error, ['url', 'token'] as const);
    }
  }

  const urlError = errors.value.fields.url;
  const tokenError = errors.value.fields.token;
  const result = state.hostResult.value;

  return (
    <form class="publish-host" aria-labelledby="publish-host-heading" onSubmit={submit} noValidate>
      <h3 id="publish-host-heading">Host</h3>
      <Field id="publish-host-url" label="Host URL" error={urlError} hint="Where the host runs, e.g. http://127.0.0.1:8787 for npm start.">
        <input
          id="publish-host-url"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          maxLength={2048}
          placeholder="https://status.example.com"
          value={values.url}
          {...aria('publish-host-url', true, urlError)}
          onInput={(e) => (urlDraft.value = e.currentTarget.value)}
        />
      </Field>
      <Field
        id="publish-host-token"
        label="Token"
        error={tokenError}
        hint={tokenSaved ? 'A token is saved. Leave this empty to keep it, or paste a new one.' : 'The token the host printed when it first started.'}
      >
        <div class="secret-input">
          <input
            id="publish-host-token"
            type={showToken.value ? 'text' : 'password'}
            autoComplete="off"
            spellcheck={false}
            maxLength={500}
            placeholder={tokenSaved ? '•••••••• (saved)' : ''}
            value={token.value}
            {...aria('publish-host-token', true, tokenError)}
            onInput={(e) => (token.value = e.currentTarget.value)}
          />
          <button
            type="button"
            aria-controls="publish-host-token"
            aria-pressed={showToken.value}
            onClick={() => (showToken.value = !showToken.value)}
          >
            {showToken.value ? 'Hide' : 'Show'}
            <span class="sr-only"> token</span>
          </button>
        </div>
      </Field>
      <ErrorBanner message={errors.value.form} />
      <div class="publish-actions">
        <button type="submit" class="primary" disabled={busy.value}>
          Save host
        </button>
        {host &&
          (confirmingRemove.value ? (
            <span class="publish-actions__confirm" role="group" aria-label="Remove the host?">
              <span>Remove the host and forget its token?</span>
              <button type="button" class="danger" onClick={() => void remove()}>
                Remove
              </button>
              <button type="button" id="publish-host-keep" onClick={() => (confirmingRemove.value = false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" class="danger" onClick={() => (confirmingRemove.value = true)}>
              Remove host
            </button>
          ))}
      </div>
      <p class="hint" aria-live="polite">
        {notice.value}
      </p>
      {permissionNote.value && (
        <p class="publish-note" role="status">
          {permissionNote.value}
        </p>
      )}
      {host && (
        <p class={`publish-result publish-result--${result?.state ?? 'none'}`} aria-live="polite">
          <strong>Last publish: </strong>
          {describePublishResult(result, { now, timeDisplay })}
        </p>
      )}
    </form>
  );
}

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
      focusFirstError(['name', 'historyDays', 'timeZone'], described, 'publish-site-');
    } finally {
      busy.value = false;
    }
  }

  const { name, historyDays, timeZone } = errors.value.fields;
  return (
    <form class="publish-site" aria-labelledby="publish-site-heading" onSubmit={submit} noValidate>
      <h3 id="publish-site-heading">Status page</h3>
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

/** Puts the keyboard on the first field a refused save names. */
function focusFirstError<F extends string>(order: readonly F[], errors: FormErrors<F>, prefix = 'publish-host-') {
  const first = order.find((f) => errors.fields[f]);
  if (first) document.getElementById(`${prefix}${first}`)?.focus();
}
