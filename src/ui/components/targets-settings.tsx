import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { siteUrlOf, type PublishTarget, type TimeDisplay } from '../../model';
import { editorKeys } from '../form-keys';
import { describePublishResult } from '../publish-status-text';
import { describeFormError } from '../state/publishing-state';
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
import { AddButton, ItemActions, LastResult, SavedNotes, useConfiguredList } from './targets/configured-list';
import { FormActions, SecretField, TextField } from './targets/form-parts';
import { KindChoice, useKindForm } from './targets/kind-form';
import { TARGET_FORMS, targetFieldId } from './targets/target-fields';

interface Props {
  state: TargetsState;
  timeDisplay?: TimeDisplay;
}

/**
 * Settings → Publishing, where the status site is published: every target with its last result, a connection
 * test, and forms per kind. Secrets are write-only here: never put back into a field or a message.
 */
export function TargetsSettings({ state, timeDisplay = 'local' }: Props) {
  const list = useConfiguredList();
  const targets = state.targets.value;
  const loaded = state.loaded.value;
  // With nothing configured the form is simply there: setting a target up is the only thing to do.
  const formShown = list.editing === 'new' || (loaded && targets.length === 0 && list.editing === null);

  function saved(target: PublishTarget, asked: Promise<boolean | undefined>) {
    const label = targetLabel(target);
    list.saved({
      said: `Saved. Publishing to ${label}.`,
      focusId: `target-edit-${target.id}`,
      asked,
      urls: writeUrlsOf(target),
      refused: (hosts) => `Permission to reach ${hosts} was not given: publishing to ${label} then only works if ${TARGET_FORMS[target.kind].corsHolder}.`,
    });
  }

  const remove = (target: PublishTarget) =>
    list.remove({
      label: targetLabel(target),
      removal: () => state.remove(target.id),
      said: `Removed ${targetLabel(target)}: nothing more is published there. The files already there stay.`,
      focusId: targets.length > 1 ? 'target-add' : 'targets-heading',
    });

  return (
    <section class="targets-settings" aria-labelledby="targets-heading">
      <h2 id="targets-heading" tabIndex={-1}>
        Publishing
      </h2>
      <p class="hint">
        Each target gets the whole site (the Statuspage-compatible feed, the page and the banner) on every publish. Tokens and keys stay on this computer: never
        synced, never in a backup, never shown again.
      </p>
      <ErrorBanner message={list.problem} />
      {!loaded ? (
        <p class="hint">Loading…</p>
      ) : (
        targets.length > 0 && (
          <ul class="target-list" aria-label="Targets">
            {targets.map((target) =>
              list.editing === target.id ? (
                <li key={target.id}>
                  <TargetForm state={state} target={target} onSaved={saved} onCancel={() => list.close(`target-edit-${target.id}`)} />
                </li>
              ) : (
                <TargetItem
                  key={target.id}
                  state={state}
                  target={target}
                  timeDisplay={timeDisplay}
                  formOpen={list.editing !== null}
                  onEdit={() => list.open(target.id)}
                  onRemove={() => remove(target)}
                />
              ),
            )}
          </ul>
        )
      )}
      {loaded && targets.length === 0 && !formShown && <p class="hint">No target yet: nothing is published.</p>}
      {formShown ? (
        <TargetForm state={state} onSaved={saved} {...(targets.length > 0 && { onCancel: () => list.close('target-add') })} />
      ) : (
        loaded && (
          <AddButton id="target-add" disabled={list.editing !== null} onClick={() => list.open('new')}>
            Add a target
          </AddButton>
        )
      )}
      <SavedNotes notice={list.notice} permissionNote={list.permissionNote} />
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
      <LastResult title="Last publish: " result={state.resultOf(target.id)} describe={describePublishResult} timeDisplay={timeDisplay} />
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
      <ItemActions
        idPrefix="target"
        id={target.id}
        label={label}
        formOpen={formOpen}
        onEdit={onEdit}
        onRemove={onRemove}
        question={`Remove ${label} and forget its ${TARGET_FORMS[target.kind].secret.what}?`}
      >
        <button type="button" id={`target-test-${target.id}`} aria-label={`Test connection to ${label}`} disabled={testing.value} onClick={() => void test()}>
          {testing.value ? 'Testing…' : 'Test connection'}
        </button>
      </ItemActions>
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

/**
 * Adds or edits one target. The kind is chosen first (a saved target keeps its kind). A refused
 * save keeps everything typed, for every kind tried, and says what is wrong next to the field.
 */
function TargetForm({ state, target, onSaved, onCancel }: FormProps) {
  const secretSaved = target ? state.secretSaved(target.id) : false;
  const form = useKindForm<TargetKind, TargetFormValues, TargetField, PublishTarget>({
    kind: target?.kind ?? 'host',
    ...(target && { values: targetFormValuesOf(target) }),
    blank: blankTargetValues,
    fields: TARGET_FIELDS,
    fieldId: targetFieldId,
    prepare(k, typed) {
      const prepared = prepareTarget(k, typed, target?.id ?? state.newId(k), secretSaved);
      return prepared.ok ? { ok: true, item: prepared.target, secret: prepared.secret } : prepared;
    },
    urlsOf: writeUrlsOf,
    save: (prepared, secret) => state.save(prepared, secret),
    onSaved: (saved, asked) => onSaved(saved, asked),
  });
  // Opened by a click: the keyboard goes to the form. Shown on its own (no target yet): it stays put.
  useEffect(() => {
    if (!onCancel) return;
    const first = target ? targetFieldId(target.kind, TARGET_FIELDS[target.kind][0]!) : `publish-kind-${form.kind}`;
    document.getElementById(first)?.focus();
  }, []);

  const { kind: current, values, idOf, errorOf } = form;
  const spec = TARGET_FORMS[current];

  return (
    <form
      class="target-form"
      aria-label={target ? `Edit ${targetLabel(target)}` : 'New target'}
      onSubmit={form.submit}
      onKeyDown={onCancel && editorKeys((e) => form.submit(e), onCancel)}
      noValidate
    >
      <KindChoice
        fixed={target?.kind}
        kinds={TARGET_KINDS}
        labels={TARGET_KIND_LABELS}
        current={current}
        legend="Kind of target"
        name="target-kind"
        idPrefix="publish-kind"
        onChoose={form.choose}
      />
      <p class="hint target-form__about">{spec.about}</p>
      {TARGET_FIELDS[current].map((field) => {
        if (field === 'secret') {
          return (
            <SecretField
              key={`${current}-secret`}
              id={idOf('secret')}
              label={spec.secret.label}
              hint={spec.secret.hint(secretSaved)}
              error={errorOf('secret')}
              value={values.secret}
              onInput={(v) => form.set('secret', v)}
              saved={secretSaved}
              what={spec.secret.what}
              maxLength={spec.secret.maxLength}
            />
          );
        }
        const f = spec.fields[field]!;
        return (
          <TextField
            key={`${current}-${field}`}
            id={idOf(field)}
            label={f.label}
            hint={f.hint?.(values)}
            error={errorOf(field)}
            value={values[field]}
            onValue={(v) => form.set(field, v)}
            maxLength={f.maxLength}
            placeholder={f.placeholder}
            url={f.url}
          />
        );
      })}
      <ErrorBanner message={form.formError} />
      <FormActions save={spec.save} busy={form.busy} onCancel={onCancel} />
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
    <form class="site-download" aria-labelledby="site-download-heading" onSubmit={(e) => void download(e)} noValidate>
      <h3 id="site-download-heading">Download instead</h3>
      <TextField
        id="site-download-url"
        label="Where it will be served"
        hint="The same files a publish writes, for any static host; their links start at this address."
        error={urlError.value}
        value={url}
        onValue={(v) => (urlDraft.value = v)}
        maxLength={2048}
        placeholder="https://status.example.com/"
        url
      />
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
