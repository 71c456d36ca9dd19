import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { siteUrlOf, type PublishTarget, type TimeDisplay } from '../../model';
import { editorKeys } from '../form-keys';
import { useNow } from '../hooks/use-now';
import { describePublishResult } from '../publish-status-text';
import { describeFormError, requestHostPermissions, type FormErrors } from '../state/publishing-state';
import {
  TARGET_FIELDS,
  TARGET_KIND_LABELS,
  TARGET_KINDS,
  blankTargetValues,
  describeTestFailure,
  prepareTarget,
  targetFormValuesOf,
  writeUrlsOf,
  type TargetField,
  type TargetFormValues,
  type TargetKind,
  type TargetsState,
} from '../state/targets-state';
import { targetLabel } from '../target-label';
import { ErrorBanner } from './error-banner';
import { Field, SecretInput, TextInput, focusFirstError } from './targets/form-parts';
import { TARGET_FORMS, targetFieldId } from './targets/target-fields';

/** Which form is open: none, a new target, or the one with this id. */
type Editing = null | 'new' | string;

interface Props {
  state: TargetsState;
  timeDisplay?: TimeDisplay;
}

/**
 * Settings → Publishing, where the status site is published: every target with its last result, a connection
 * test, and forms per kind. Secrets are write-only here: never put back into a field or a message.
 */
export function TargetsSettings({ state, timeDisplay = 'local' }: Props) {
  const editing = useSignal<Editing>(null);
  const notice = useSignal<string | undefined>(undefined);
  const permissionNote = useSignal<string | undefined>(undefined);
  const problem = useSignal<string | undefined>(undefined);
  const focusNext = useSignal<string | null>(null);
  const targets = state.targets.value;
  const loaded = state.loaded.value;
  // With nothing configured the form is simply there: setting a target up is the only thing to do.
  const formShown = editing.value === 'new' || (loaded && targets.length === 0 && editing.value === null);
  const pendingFocus = focusNext.value;

  useEffect(() => {
    if (!pendingFocus) return;
    const el = document.getElementById(pendingFocus);
    if (!el) return; // not rendered yet: try after the next render
    el.focus();
    focusNext.value = null;
  });

  function saved(target: PublishTarget, asked: Promise<boolean | undefined>) {
    editing.value = null;
    problem.value = undefined;
    notice.value = `Saved. Publishing to ${targetLabel(target)}.`;
    focusNext.value = `target-edit-${target.id}`;
    permissionNote.value = undefined;
    void asked.then((granted) => {
      if (granted !== false) return;
      const where = writeUrlsOf(target)
        .map((url) => new URL(url).host)
        .join(', ');
      permissionNote.value = `Permission to reach ${where} was not given: publishing to ${targetLabel(target)} then only works if ${TARGET_FORMS[target.kind].corsHolder}.`;
    });
  }

  async function remove(target: PublishTarget) {
    try {
      await state.remove(target.id);
      problem.value = undefined;
      permissionNote.value = undefined;
      notice.value = `Removed ${targetLabel(target)}: nothing more is published there. The files already there stay.`;
      focusNext.value = targets.length > 1 ? 'target-add' : 'targets-heading';
    } catch (error) {
      problem.value = `Could not remove ${targetLabel(target)}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  return (
    <section class="targets-settings" aria-labelledby="targets-heading">
      <h2 id="targets-heading" tabIndex={-1}>
        Publishing
      </h2>
      <p class="hint">
        Each target gets the whole site (the Statuspage-compatible feed, the page and the banner) on every publish. Tokens and
        keys stay on this computer: never synced, never in a backup, never shown again.
      </p>
      <ErrorBanner message={problem.value} />
      {!loaded ? (
        <p class="hint">Loading…</p>
      ) : (
        targets.length > 0 && (
          <ul class="target-list" aria-label="Targets">
            {targets.map((target) =>
              editing.value === target.id ? (
                <li key={target.id}>
                  <TargetForm
                    state={state}
                    target={target}
                    onSaved={saved}
                    onCancel={() => {
                      editing.value = null;
                      focusNext.value = `target-edit-${target.id}`;
                    }}
                  />
                </li>
              ) : (
                <TargetItem
                  key={target.id}
                  state={state}
                  target={target}
                  timeDisplay={timeDisplay}
                  formOpen={editing.value !== null}
                  onEdit={() => {
                    notice.value = undefined;
                    editing.value = target.id;
                  }}
                  onRemove={() => remove(target)}
                />
              ),
            )}
          </ul>
        )
      )}
      {loaded && targets.length === 0 && !formShown && <p class="hint">No target yet: nothing is published.</p>}
      {formShown ? (
        <TargetForm
          state={state}
          onSaved={saved}
          {...(targets.length > 0 && {
            onCancel: () => {
              editing.value = null;
              focusNext.value = 'target-add';
            },
          })}
        />
      ) : (
        loaded && (
          <div class="publish-actions">
            <button
              type="button"
              id="target-add"
              class="primary"
              disabled={editing.value !== null}
              onClick={() => {
                notice.value = undefined;
                editing.value = 'new';
              }}
            >
              Add a target
            </button>
          </div>
        )
      )}
      <p class="hint" aria-live="polite">
        {notice.value}
      </p>
      {permissionNote.value && (
        <p class="publish-note" role="status">
          {permissionNote.value}
        </p>
      )}
      <SiteDownload state={state} />
    </section>
  );
}

interface ItemProps {
  state: TargetsState;
  target: PublishTarget;
  timeDisplay: TimeDisplay;
  formOpen: boolean;
  onEdit(): void;
  onRemove(): Promise<void>;
}

type TestOutcome = { ok: boolean; text: string };

/** One target: where it writes and where readers find it, its last result, and what can be done with it. */
function TargetItem({ state, target, timeDisplay, formOpen, onEdit, onRemove }: ItemProps) {
  const testing = useSignal(false);
  const outcome = useSignal<TestOutcome | undefined>(undefined);
  const confirming = useSignal(false);
  const result = state.resultOf(target.id);
  const now = useNow(result?.state === 'retrying' ? 1000 : 30_000);
  const label = targetLabel(target);
  const site = siteUrlOf(target);

  async function test() {
    if (testing.peek()) return;
    testing.value = true;
    outcome.value = undefined;
    try {
      outcome.value = { ok: true, text: await state.test(target) };
    } catch (error) {
      outcome.value = { ok: false, text: describeTestFailure(error) };
    } finally {
      testing.value = false;
    }
  }

  return (
    <li class="target-item" aria-busy={testing.value ? 'true' : undefined}>
      <div class="target-item__head">
        <strong class="target-item__label">{label}</strong>
        <span class="badge target-item__kind">{TARGET_KIND_LABELS[target.kind]}</span>
      </div>
      <p class="target-item__site">
        Readers find it at{' '}
        <a href={site} target="_blank" rel="noopener noreferrer">
          {site}
        </a>
      </p>
      <p class={`publish-result publish-result--${result?.state ?? 'none'}`} aria-live="polite">
        <strong>Last publish: </strong>
        {describePublishResult(result, { now, timeDisplay })}
      </p>
      <p class={`target-test${outcome.value ? (outcome.value.ok ? ' target-test--ok' : ' target-test--failed') : ''}`} role="status">
        {testing.value ? (
          'Testing the connection…'
        ) : outcome.value && !outcome.value.ok ? (
          <>
            <strong>Test failed: </strong>
            {outcome.value.text}
          </>
        ) : (
          outcome.value?.text
        )}
      </p>
      {confirming.value ? (
        <div class="publish-actions" role="group" aria-label={`Remove ${label}?`}>
          <span>
            Remove {label} and forget its {TARGET_FORMS[target.kind].secret.what}?
          </span>
          <button type="button" class="danger" onClick={() => void onRemove()}>
            Remove
          </button>
          <button type="button" id={`target-keep-${target.id}`} onClick={() => (confirming.value = false)}>
            Keep
          </button>
        </div>
      ) : (
        <div class="publish-actions">
          <button type="button" id={`target-test-${target.id}`} aria-label={`Test connection to ${label}`} disabled={testing.value} onClick={() => void test()}>
            {testing.value ? 'Testing…' : 'Test connection'}
          </button>
          <button type="button" id={`target-edit-${target.id}`} aria-label={`Edit ${label}`} disabled={formOpen} onClick={onEdit}>
            Edit
          </button>
          <button
            type="button"
            class="danger"
            id={`target-remove-${target.id}`}
            aria-label={`Remove ${label}`}
            onClick={() => {
              confirming.value = true;
              // The question replaces the button: keep the keyboard in the same place.
              requestAnimationFrame(() => document.getElementById(`target-keep-${target.id}`)?.focus());
            }}
          >
            Remove
          </button>
        </div>
      )}
    </li>
  );
}

interface FormProps {
  state: TargetsState;
  /** The target being edited; a new one when absent. */
  target?: PublishTarget;
  onSaved(target: PublishTarget, permission: Promise<boolean | undefined>): void;
  /** Absent when there is nothing to go back to (no target yet). */
  onCancel?(): void;
}

const NO_ERRORS: FormErrors<TargetField> = { fields: {} };

/**
 * Adds or edits one target. The kind is chosen first (a saved target keeps its kind). A refused
 * save keeps everything typed, for every kind tried, and says what is wrong next to the field.
 */
function TargetForm({ state, target, onSaved, onCancel }: FormProps) {
  const kind = useSignal<TargetKind>(target?.kind ?? 'host');
  /** What was typed, per kind: switching kinds and back loses nothing. */
  const drafts = useSignal<Partial<Record<TargetKind, TargetFormValues>>>(target ? { [target.kind]: targetFormValuesOf(target) } : {});
  const errors = useSignal<FormErrors<TargetField>>(NO_ERRORS);
  const busy = useSignal(false);
  // Opened by a click: the keyboard goes to the form. Shown on its own (no target yet): it stays put.
  useEffect(() => {
    if (!onCancel) return;
    const first = target ? targetFieldId(target.kind, TARGET_FIELDS[target.kind][0]!) : `publish-kind-${kind.peek()}`;
    document.getElementById(first)?.focus();
  }, []);

  const current = kind.value;
  const spec = TARGET_FORMS[current];
  const draftOf = (k: TargetKind) => drafts.peek()[k] ?? blankTargetValues();
  const values = drafts.value[current] ?? blankTargetValues();
  const secretSaved = target ? state.secretSaved(target.id) : false;
  const set = (field: TargetField, value: string) => {
    // Read now, not at render: two inputs before a re-render (autofill) must both count.
    const k = kind.peek();
    drafts.value = { ...drafts.peek(), [k]: { ...draftOf(k), [field]: value } };
  };
  const idOf = (field: TargetField) => targetFieldId(current, field);

  function submit(e: Event) {
    e.preventDefault();
    if (busy.peek()) return;
    const k = kind.peek();
    const typed = draftOf(k);
    const prepared = prepareTarget(k, typed, target?.id ?? state.newId(k), secretSaved);
    if (!prepared.ok) {
      errors.value = prepared.errors;
      focusFirstError(TARGET_FIELDS[k], prepared.errors.fields, (f) => targetFieldId(k, f));
      return;
    }
    // Inside the gesture, before any await, or the browser shows no prompt. The save does not
    // wait for the answer: a target that allows CORS works without the permission.
    const asked = requestHostPermissions(writeUrlsOf(prepared.target));
    void save(k, typed, prepared.target, prepared.secret, asked);
  }

  async function save(k: TargetKind, typed: TargetFormValues, prepared: PublishTarget, secret: string | undefined, asked: Promise<boolean | undefined>) {
    busy.value = true;
    try {
      const saved = await state.save(prepared, secret);
      errors.value = NO_ERRORS;
      onSaved(saved, asked);
    } catch (error) {
      // Everything typed stays; the secret is blanked out of any message.
      const described = describeFormError(error, TARGET_FIELDS[k], typed.secret);
      errors.value = described;
      focusFirstError(TARGET_FIELDS[k], described.fields, (f) => targetFieldId(k, f));
    } finally {
      busy.value = false;
    }
  }

  const errorOf = (field: TargetField) => errors.value.fields[field];

  return (
    <form
      class="target-form"
      aria-label={target ? `Edit ${targetLabel(target)}` : 'New target'}
      onSubmit={submit}
      onKeyDown={onCancel && editorKeys((e) => submit(e), onCancel)}
      noValidate
    >
      {target ? (
        <p class="target-form__kind">
          <strong>{TARGET_KIND_LABELS[target.kind]}</strong>
        </p>
      ) : (
        <fieldset class="target-form__kinds">
          <legend>Kind of target</legend>
          {TARGET_KINDS.map((k) => (
            <label class="inline" key={k}>
              <input
                type="radio"
                name="target-kind"
                id={`publish-kind-${k}`}
                value={k}
                checked={current === k}
                onChange={() => {
                  kind.value = k;
                  errors.value = NO_ERRORS;
                }}
              />
              {TARGET_KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
      )}
      <p class="hint target-form__about">{spec.about}</p>
      {TARGET_FIELDS[current].map((field) => {
        if (field === 'secret') {
          const hint = spec.secret.hint(secretSaved);
          return (
            <Field key={`${current}-secret`} id={idOf('secret')} label={spec.secret.label} hint={hint} error={errorOf('secret')}>
              <SecretInput
                key={current}
                id={idOf('secret')}
                value={values.secret}
                onInput={(v) => set('secret', v)}
                saved={secretSaved}
                what={spec.secret.what}
                maxLength={spec.secret.maxLength}
                hasHint
                error={errorOf('secret')}
              />
            </Field>
          );
        }
        const f = spec.fields[field]!;
        const hint = f.hint?.(values);
        return (
          <Field key={`${current}-${field}`} id={idOf(field)} label={f.label} hint={hint} error={errorOf(field)}>
            <TextInput
              id={idOf(field)}
              value={values[field]}
              hasHint={Boolean(hint)}
              error={errorOf(field)}
              onValue={(v) => set(field, v)}
              maxLength={f.maxLength}
              placeholder={f.placeholder}
              {...(f.url && { type: 'url', inputMode: 'url' })}
            />
          </Field>
        );
      })}
      <ErrorBanner message={errors.value.form} />
      <div class="publish-actions">
        <button type="submit" class="primary" disabled={busy.value}>
          {spec.save}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** The site as files, for any static host, or to look at before publishing anywhere. */
function SiteDownload({ state }: { state: TargetsState }) {
  const busy = useSignal(false);
  /** What was typed; undefined follows the first target's public URL. */
  const urlDraft = useSignal<string | undefined>(undefined);
  const urlError = useSignal<string | undefined>(undefined);
  const said = useSignal<string | undefined>(undefined);
  const problem = useSignal<string | undefined>(undefined);
  const first = state.targets.value[0];
  const url = urlDraft.value ?? (first ? siteUrlOf(first) : '');

  async function download(e: Event) {
    e.preventDefault();
    if (busy.peek()) return;
    busy.value = true;
    said.value = undefined;
    problem.value = undefined;
    try {
      said.value = `Downloaded ${await state.downloadSite(url)}.`;
      urlError.value = undefined;
    } catch (error) {
      const described = describeFormError(error, ['url'] as const);
      urlError.value = described.fields.url;
      problem.value = described.form && `Could not build the site: ${described.form}`;
      if (urlError.value) document.getElementById('site-download-url')?.focus();
    } finally {
      busy.value = false;
    }
  }

  return (
    <form class="site-download" aria-labelledby="site-download-heading" onSubmit={download} noValidate>
      <h3 id="site-download-heading">Download instead</h3>
      <Field
        id="site-download-url"
        label="Where it will be served"
        hint="The same files a publish writes, for any static host; their links start at this address."
        error={urlError.value}
      >
        <TextInput
          id="site-download-url"
          type="url"
          inputMode="url"
          maxLength={2048}
          placeholder="https://status.example.com/"
          value={url}
          hasHint
          error={urlError.value}
          onValue={(v) => (urlDraft.value = v)}
        />
      </Field>
      <div class="publish-actions">
        <button type="submit" disabled={busy.value}>
          {busy.value ? 'Building the site…' : 'Download the site (.zip)'}
        </button>
        <span class="hint" aria-live="polite">
          {said.value}
        </span>
      </div>
      <ErrorBanner message={problem.value} />
    </form>
  );
}
