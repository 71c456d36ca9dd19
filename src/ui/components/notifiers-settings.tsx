import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { SEVERITY_DEFINITIONS, Severity, type Notifier, type TimeDisplay } from '../../model';
import { SIGNATURE_HEADER } from '../../publish/notifiers/webhook';
import { editorKeys } from '../form-keys';
import { useNow } from '../hooks/use-now';
import {
  AUDIENCE_LABELS,
  NOTIFIER_FIELDS,
  NOTIFIER_KIND_LABELS,
  NOTIFIER_KINDS,
  blankNotifierValues,
  describeNotifierResult,
  generateSigningKey,
  hasSecret,
  notifierFormValuesOf,
  postUrlsOf,
  prepareNotifier,
  type Audience,
  type NotifierField,
  type NotifierFormValues,
  type NotifierKind,
  type NotifiersState,
} from '../state/notifiers-state';
import { describeFormError, requestHostPermissions, type FormErrors } from '../state/publishing-state';
import { ErrorBanner } from './error-banner';
import { Field, FieldMessages, SecretInput, TextInput, fieldAria, focusFirstError } from './targets/form-parts';

type Editing = null | 'new' | string;

interface Props {
  state: NotifiersState;
  timeDisplay?: TimeDisplay;
}

/**
 * Settings → Notifications, who is told about status updates: Slack and Teams channels, signed webhooks, email
 * drafts; each offered for some severities, to an internal or a public audience. Webhook URLs and
 * signing keys are write-only here.
 */
export function NotifiersSettings({ state, timeDisplay = 'local' }: Props) {
  const editing = useSignal<Editing>(null);
  const notice = useSignal<string | undefined>(undefined);
  const permissionNote = useSignal<string | undefined>(undefined);
  const problem = useSignal<string | undefined>(undefined);
  const focusNext = useSignal<string | null>(null);
  const notifiers = state.notifiers.value;
  const loaded = state.loaded.value;
  const pendingFocus = focusNext.value;

  useEffect(() => {
    if (!pendingFocus) return;
    const el = document.getElementById(pendingFocus);
    if (!el) return;
    el.focus();
    focusNext.value = null;
  });

  function saved(notifier: Notifier, asked: Promise<boolean | undefined>, urls: string[]) {
    editing.value = null;
    problem.value = undefined;
    notice.value = `Saved: ${notifier.name} is offered with ${severityRange(notifier.severities)} updates.`;
    focusNext.value = `notifier-edit-${notifier.id}`;
    permissionNote.value = undefined;
    void asked.then((granted) => {
      if (granted !== false) return;
      const where = urls.map((url) => new URL(url).host).join(', ');
      permissionNote.value = `Permission to reach ${where} was not given: telling ${notifier.name} then fails unless the service allows cross-origin requests (CORS).`;
    });
  }

  async function remove(notifier: Notifier) {
    try {
      await state.remove(notifier.id);
      problem.value = undefined;
      permissionNote.value = undefined;
      notice.value = `Removed ${notifier.name}.`;
      focusNext.value = 'notifier-add';
    } catch (error) {
      problem.value = `Could not remove ${notifier.name}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  const close = (focusId: string) => {
    editing.value = null;
    focusNext.value = focusId;
  };

  return (
    <section class="notifiers-settings" aria-labelledby="notifiers-heading">
      <h2 id="notifiers-heading">Notifications</h2>
      <p class="hint">
        Each status update offers the channels set for its severity. What was sent, and whether it arrived, goes on the
        timeline.
      </p>
      <ErrorBanner message={problem.value} />
      {!loaded ? (
        <p class="hint">Loading…</p>
      ) : notifiers.length === 0 ? (
        editing.value !== 'new' && <p class="hint">Nobody yet: status updates only reach the status site.</p>
      ) : (
        <ul class="notifier-list" aria-label="Notifiers">
          {notifiers.map((notifier) =>
            editing.value === notifier.id ? (
              <li key={notifier.id}>
                <NotifierForm state={state} notifier={notifier} onSaved={saved} onCancel={() => close(`notifier-edit-${notifier.id}`)} />
              </li>
            ) : (
              <NotifierItem
                key={notifier.id}
                state={state}
                notifier={notifier}
                timeDisplay={timeDisplay}
                formOpen={editing.value !== null}
                onEdit={() => {
                  notice.value = undefined;
                  editing.value = notifier.id;
                }}
                onRemove={() => remove(notifier)}
              />
            ),
          )}
        </ul>
      )}
      {editing.value === 'new' ? (
        <NotifierForm state={state} onSaved={saved} onCancel={() => close('notifier-add')} />
      ) : (
        <div class="publish-actions">
          <button
            type="button"
            id="notifier-add"
            class="primary"
            disabled={!loaded || editing.value !== null}
            onClick={() => {
              notice.value = undefined;
              editing.value = 'new';
            }}
          >
            Add a notifier
          </button>
        </div>
      )}
      <p class="hint" aria-live="polite">
        {notice.value}
      </p>
      {permissionNote.value && (
        <p class="publish-note" role="status">
          {permissionNote.value}
        </p>
      )}
    </section>
  );
}

/** `SEV1–SEV3`, `SEV1, SEV4`, `SEV2`: the severities a notifier is for, short. */
export function severityRange(severities: readonly Severity[]): string {
  const order = Severity.options;
  const picked = order.filter((s) => severities.includes(s));
  const first = order.indexOf(picked[0]!);
  const contiguous = picked.every((s, i) => order.indexOf(s) === first + i);
  if (picked.length > 2 && contiguous) return `${picked[0]}–${picked.at(-1)}`;
  return picked.join(', ');
}

interface ItemProps {
  state: NotifiersState;
  notifier: Notifier;
  timeDisplay: TimeDisplay;
  formOpen: boolean;
  onEdit(): void;
  onRemove(): Promise<void>;
}

function NotifierItem({ state, notifier, timeDisplay, formOpen, onEdit, onRemove }: ItemProps) {
  const confirming = useSignal(false);
  const result = state.resultOf(notifier.id);
  const now = useNow(result?.state === 'retrying' ? 1000 : 30_000);
  return (
    <li class="notifier-item">
      <div class="notifier-item__head">
        <strong class="notifier-item__name">{notifier.name}</strong>
        <span class="badge notifier-item__kind">{NOTIFIER_KIND_LABELS[notifier.kind]}</span>
      </div>
      <p class="notifier-item__scope">
        {severityRange(notifier.severities)} · {AUDIENCE_LABELS[notifier.audience]}
        {notifier.kind === 'email' && <> · to {notifier.to}</>}
      </p>
      <p class={`publish-result publish-result--${result?.state ?? 'none'}`} aria-live="polite">
        <strong>Last sent: </strong>
        {describeNotifierResult(result, { now, timeDisplay })}
      </p>
      {confirming.value ? (
        <div class="publish-actions" role="group" aria-label={`Remove ${notifier.name}?`}>
          <span>
            Remove {notifier.name}
            {hasSecret(notifier.kind) ? ' and forget its secret' : ''}? Updates already sent stay on the timeline.
          </span>
          <button type="button" class="danger" onClick={() => void onRemove()}>
            Remove
          </button>
          <button type="button" id={`notifier-keep-${notifier.id}`} onClick={() => (confirming.value = false)}>
            Keep
          </button>
        </div>
      ) : (
        <div class="publish-actions">
          <button type="button" id={`notifier-edit-${notifier.id}`} aria-label={`Edit ${notifier.name}`} disabled={formOpen} onClick={onEdit}>
            Edit
          </button>
          <button
            type="button"
            class="danger"
            id={`notifier-remove-${notifier.id}`}
            aria-label={`Remove ${notifier.name}`}
            onClick={() => {
              confirming.value = true;
              requestAnimationFrame(() => document.getElementById(`notifier-keep-${notifier.id}`)?.focus());
            }}
          >
            Remove
          </button>
        </div>
      )}
    </li>
  );
}

interface SecretSpec {
  label: string;
  what: string;
  hint(saved: boolean): ComponentChildren;
}

const keepHint = (what: string) => `A ${what} is saved. Leave this empty to keep it, or paste a new one.`;

const SECRETS: Record<Exclude<NotifierKind, 'email'>, SecretSpec> = {
  slack: {
    label: 'Webhook URL',
    what: 'webhook URL',
    hint: (saved) =>
      saved
        ? keepHint('webhook URL')
        : 'From Slack: the app’s Incoming Webhooks, Add New Webhook; it starts with https://hooks.slack.com/services/. Anyone who has it can post to the channel, so it stays on this computer.',
  },
  teams: {
    label: 'Webhook URL',
    what: 'webhook URL',
    hint: (saved) =>
      saved
        ? keepHint('webhook URL')
        : 'From Teams: the channel’s Workflows, “Post to a channel when a webhook request is received” (or an Incoming Webhook). Anyone who has it can post to the channel, so it stays on this computer.',
  },
  webhook: {
    label: 'Signing key',
    what: 'signing key',
    hint: (saved) => (
      <>
        {saved ? `${keepHint('signing key')} ` : ''}Each request carries an <code>{SIGNATURE_HEADER}</code> header: an HMAC-SHA256
        of its time and body with this key. Give the receiver the same key; the format is in <code>docs/webhook-format.md</code>.
      </>
    ),
  },
};

const NAME_EXAMPLES: Record<NotifierKind, string> = {
  slack: '#incidents',
  teams: 'Incident room',
  webhook: 'Status mirror',
  email: 'Exec email',
};

interface FormProps {
  state: NotifiersState;
  notifier?: Notifier;
  onSaved(notifier: Notifier, permission: Promise<boolean | undefined>, urls: string[]): void;
  onCancel(): void;
}

const NO_ERRORS: FormErrors<NotifierField> = { fields: {} };

/** The id of a control: `notifier-slack-name`; a group's first control for `severities` and `audience`. */
function notifierFieldId(kind: NotifierKind, field: NotifierField): string {
  if (field === 'severities') return `notifier-${kind}-sev-SEV1`;
  if (field === 'audience') return `notifier-${kind}-audience-internal`;
  return `notifier-${kind}-${field}`;
}

/** Adds or edits one notifier; a refused save keeps everything typed and says what is wrong by the field. */
function NotifierForm({ state, notifier, onSaved, onCancel }: FormProps) {
  const kind = useSignal<NotifierKind>(notifier?.kind ?? 'slack');
  const drafts = useSignal<Partial<Record<NotifierKind, NotifierFormValues>>>(notifier ? { [notifier.kind]: notifierFormValuesOf(notifier) } : {});
  const errors = useSignal<FormErrors<NotifierField>>(NO_ERRORS);
  const busy = useSignal(false);
  const secretShown = useSignal(false);
  useEffect(() => {
    document.getElementById(notifier ? notifierFieldId(notifier.kind, 'name') : `notifier-kind-${kind.peek()}`)?.focus();
  }, []);

  const current = kind.value;
  const values = drafts.value[current] ?? blankNotifierValues();
  const draftOf = (k: NotifierKind) => drafts.peek()[k] ?? blankNotifierValues();
  const set = <F extends NotifierField>(field: F, value: NotifierFormValues[F]) => {
    const k = kind.peek();
    drafts.value = { ...drafts.peek(), [k]: { ...draftOf(k), [field]: value } };
  };
  const secretSaved = notifier ? state.secretSaved(notifier.id) : false;
  const idOf = (field: NotifierField) => notifierFieldId(current, field);
  const errorOf = (field: NotifierField) => errors.value.fields[field];

  function submit(e: Event) {
    e.preventDefault();
    if (busy.peek()) return;
    const k = kind.peek();
    const typed = draftOf(k);
    const prepared = prepareNotifier(k, typed, notifier?.id ?? state.newId(k), secretSaved);
    if (!prepared.ok) {
      errors.value = prepared.errors;
      focusFirstError(NOTIFIER_FIELDS[k], prepared.errors.fields, (f) => notifierFieldId(k, f));
      return;
    }
    // Inside the gesture, before any await: the browser shows the prompt only then.
    const urls = postUrlsOf(prepared.notifier, prepared.secret);
    const asked = requestHostPermissions(urls);
    void save(k, typed, prepared.notifier, prepared.secret, asked, urls);
  }

  async function save(k: NotifierKind, typed: NotifierFormValues, prepared: Notifier, secret: string | undefined, asked: Promise<boolean | undefined>, urls: string[]) {
    busy.value = true;
    try {
      const saved = await state.save(prepared, secret);
      errors.value = NO_ERRORS;
      onSaved(saved, asked, urls);
    } catch (error) {
      const described = describeFormError(error, NOTIFIER_FIELDS[k], typed.secret);
      errors.value = described;
      focusFirstError(NOTIFIER_FIELDS[k], described.fields, (f) => notifierFieldId(k, f));
    } finally {
      busy.value = false;
    }
  }

  const text = (field: 'name' | 'url' | 'to', label: string, hint: ComponentChildren, extra: { placeholder?: string; maxLength: number; url?: boolean }) => (
    <Field key={`${current}-${field}`} id={idOf(field)} label={label} hint={hint} error={errorOf(field)}>
      <TextInput
        id={idOf(field)}
        value={values[field]}
        hasHint={Boolean(hint)}
        error={errorOf(field)}
        onValue={(v) => set(field, v)}
        maxLength={extra.maxLength}
        placeholder={extra.placeholder}
        {...(extra.url && { type: 'url', inputMode: 'url' })}
      />
    </Field>
  );

  const secretSpec = current === 'email' ? undefined : SECRETS[current];

  return (
    <form
      class="notifier-form"
      aria-label={notifier ? `Edit ${notifier.name}` : 'New notifier'}
      onSubmit={submit}
      onKeyDown={editorKeys((e) => submit(e), onCancel)}
      noValidate
    >
      {notifier ? (
        <p class="target-form__kind">
          <strong>{NOTIFIER_KIND_LABELS[notifier.kind]}</strong>
        </p>
      ) : (
        <fieldset class="target-form__kinds">
          <legend>Kind of notifier</legend>
          {NOTIFIER_KINDS.map((k) => (
            <label class="inline" key={k}>
              <input
                type="radio"
                name="notifier-kind"
                id={`notifier-kind-${k}`}
                value={k}
                checked={current === k}
                onChange={() => {
                  kind.value = k;
                  errors.value = NO_ERRORS;
                  secretShown.value = false;
                }}
              />
              {NOTIFIER_KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
      )}
      {text('name', 'Name', `How you call it, e.g. ${NAME_EXAMPLES[current]}.`, { maxLength: 100, placeholder: NAME_EXAMPLES[current] })}
      {current === 'webhook' &&
        text('url', 'URL', 'The endpoint that receives a signed JSON POST for each update.', {
          maxLength: 2048,
          placeholder: 'https://hooks.example.com/sitrep',
          url: true,
        })}
      {current === 'email' &&
        text(
          'to',
          'To',
          'Addresses, comma-separated, as your mail client takes them. Sitrep opens a draft in your mail client; it sends nothing itself.',
          { maxLength: 2000, placeholder: 'execs@example.com, comms@example.com' },
        )}
      {secretSpec && (
        <Field key={`${current}-secret`} id={idOf('secret')} label={secretSpec.label} hint={secretSpec.hint(secretSaved)} error={errorOf('secret')}>
          <SecretInput
            key={current}
            id={idOf('secret')}
            value={values.secret}
            onInput={(v) => set('secret', v)}
            saved={secretSaved}
            what={secretSpec.what}
            maxLength={current === 'webhook' ? 512 : 2048}
            hasHint
            error={errorOf('secret')}
            shown={secretShown.value}
            onShownChange={(shown) => (secretShown.value = shown)}
          >
            {current === 'webhook' && (
              <button
                type="button"
                onClick={() => {
                  set('secret', generateSigningKey());
                  // A new key is meant to be copied to the receiver: show it.
                  secretShown.value = true;
                }}
              >
                Generate<span class="sr-only"> a signing key</span>
              </button>
            )}
          </SecretInput>
        </Field>
      )}
      <fieldset class="notifier-form__severities" aria-describedby={describedBy(`notifier-${current}-severities`, true, errorOf('severities'))}>
        <legend>Offered for</legend>
        <div class="notifier-form__options">
          {Severity.options.map((sev) => (
            <label class="inline" key={sev} title={SEVERITY_DEFINITIONS[sev]}>
              <input
                type="checkbox"
                id={`notifier-${current}-sev-${sev}`}
                checked={values.severities.includes(sev)}
                {...(errorOf('severities') && { 'aria-invalid': 'true' as const })}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  const now = draftOf(kind.peek()).severities;
                  set('severities', on ? [...now, sev] : now.filter((s) => s !== sev));
                }}
              />
              {sev}
            </label>
          ))}
        </div>
        <FieldMessages id={`notifier-${current}-severities`} hint="Status updates of these severities offer it." error={errorOf('severities')} />
      </fieldset>
      <fieldset class="notifier-form__audience" aria-describedby={describedBy(`notifier-${current}-audience`, true, errorOf('audience'))}>
        <legend>Audience</legend>
        <div class="notifier-form__options">
          {(['internal', 'public'] as const satisfies readonly Audience[]).map((audience) => (
            <label class="inline" key={audience}>
              <input
                type="radio"
                name={`notifier-${current}-audience`}
                id={`notifier-${current}-audience-${audience}`}
                value={audience}
                checked={values.audience === audience}
                onChange={() => set('audience', audience)}
              />
              {AUDIENCE_LABELS[audience]}
            </label>
          ))}
        </div>
        <FieldMessages
          id={`notifier-${current}-audience`}
          hint="Internal: the team's own channels. Public: channels customers read. Both get only what was written for the public."
          error={errorOf('audience')}
        />
      </fieldset>
      <ErrorBanner message={errors.value.form} />
      <div class="publish-actions">
        <button type="submit" class="primary" disabled={busy.value}>
          Save notifier
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const describedBy = (id: string, hint: boolean, error: string | undefined) => fieldAria(id, hint, error)['aria-describedby'];
