import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { SEVERITY_DEFINITIONS, Severity, type Notifier, type TimeDisplay } from '../../model';
import { SIGNATURE_HEADER } from '../../publish/notifiers/webhook';
import { editorKeys } from '../form-keys';
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
import { ErrorBanner } from './error-banner';
import { AddButton, ItemActions, LastResult, SavedNotes, useConfiguredList } from './targets/configured-list';
import { FieldMessages, FormActions, SecretField, TextField, fieldAria, savedSecretHint } from './targets/form-parts';
import { KindChoice, useKindForm } from './targets/kind-form';

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
  const list = useConfiguredList();
  const notifiers = state.notifiers.value;
  const loaded = state.loaded.value;

  function saved(notifier: Notifier, asked: Promise<boolean | undefined>, urls: string[]) {
    list.saved({
      said: `Saved: ${notifier.name} is offered with ${severityRange(notifier.severities)} updates.`,
      focusId: `notifier-edit-${notifier.id}`,
      asked,
      urls,
      refused: (hosts) =>
        `Permission to reach ${hosts} was not given: telling ${notifier.name} then fails unless the service allows cross-origin requests (CORS).`,
    });
  }

  const remove = (notifier: Notifier) =>
    list.remove({ label: notifier.name, removal: () => state.remove(notifier.id), said: `Removed ${notifier.name}.`, focusId: 'notifier-add' });

  return (
    <section class="notifiers-settings" aria-labelledby="notifiers-heading">
      <h2 id="notifiers-heading">Notifications</h2>
      <p class="hint">Each status update offers the channels set for its severity. What was sent, and whether it arrived, goes on the timeline.</p>
      <ErrorBanner message={list.problem} />
      {!loaded ? (
        <p class="hint">Loading…</p>
      ) : notifiers.length === 0 ? (
        list.editing !== 'new' && <p class="hint">Nobody yet: status updates only reach the status site.</p>
      ) : (
        <ul class="notifier-list" aria-label="Notifiers">
          {notifiers.map((notifier) =>
            list.editing === notifier.id ? (
              <li key={notifier.id}>
                <NotifierForm state={state} notifier={notifier} onSaved={saved} onCancel={() => list.close(`notifier-edit-${notifier.id}`)} />
              </li>
            ) : (
              <NotifierItem
                key={notifier.id}
                state={state}
                notifier={notifier}
                timeDisplay={timeDisplay}
                formOpen={list.editing !== null}
                onEdit={() => list.open(notifier.id)}
                onRemove={() => remove(notifier)}
              />
            ),
          )}
        </ul>
      )}
      {list.editing === 'new' ? (
        <NotifierForm state={state} onSaved={saved} onCancel={() => list.close('notifier-add')} />
      ) : (
        <AddButton id="notifier-add" disabled={!loaded || list.editing !== null} onClick={() => list.open('new')}>
          Add a notifier
        </AddButton>
      )}
      <SavedNotes notice={list.notice} permissionNote={list.permissionNote} />
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
      <LastResult title="Last sent: " result={state.resultOf(notifier.id)} describe={describeNotifierResult} timeDisplay={timeDisplay} />
      <ItemActions
        idPrefix="notifier"
        id={notifier.id}
        label={notifier.name}
        formOpen={formOpen}
        onEdit={onEdit}
        onRemove={onRemove}
        question={`Remove ${notifier.name}${hasSecret(notifier.kind) ? ' and forget its secret' : ''}? Updates already sent stay on the timeline.`}
      />
    </li>
  );
}

interface SecretSpec {
  label: string;
  what: string;
  hint(saved: boolean): ComponentChildren;
}

const SECRETS: Record<Exclude<NotifierKind, 'email'>, SecretSpec> = {
  slack: {
    label: 'Webhook URL',
    what: 'webhook URL',
    hint: (saved) =>
      saved
        ? savedSecretHint('webhook URL')
        : 'From Slack: the app’s Incoming Webhooks, Add New Webhook; it starts with https://hooks.slack.com/services/. Anyone who has it can post to the channel, so it stays on this computer.',
  },
  teams: {
    label: 'Webhook URL',
    what: 'webhook URL',
    hint: (saved) =>
      saved
        ? savedSecretHint('webhook URL')
        : 'From Teams: the channel’s Workflows, “Post to a channel when a webhook request is received” (or an Incoming Webhook). Anyone who has it can post to the channel, so it stays on this computer.',
  },
  webhook: {
    label: 'Signing key',
    what: 'signing key',
    hint: (saved) => (
      <>
        {saved ? `${savedSecretHint('signing key')} ` : ''}Each request carries an <code>{SIGNATURE_HEADER}</code> header: an HMAC-SHA256 of its time and body
        with this key. Give the receiver the same key; the format is in <code>docs/webhook-format.md</code>.
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

/** The id of a control: `notifier-slack-name`; a group's first control for `severities` and `audience`. */
function notifierFieldId(kind: NotifierKind, field: NotifierField): string {
  if (field === 'severities') return `notifier-${kind}-sev-SEV1`;
  if (field === 'audience') return `notifier-${kind}-audience-internal`;
  return `notifier-${kind}-${field}`;
}

/** Adds or edits one notifier; a refused save keeps everything typed and says what is wrong by the field. */
function NotifierForm({ state, notifier, onSaved, onCancel }: FormProps) {
  const secretSaved = notifier ? state.secretSaved(notifier.id) : false;
  const form = useKindForm<NotifierKind, NotifierFormValues, NotifierField, Notifier>({
    kind: notifier?.kind ?? 'slack',
    ...(notifier && { values: notifierFormValuesOf(notifier) }),
    blank: blankNotifierValues,
    fields: NOTIFIER_FIELDS,
    fieldId: notifierFieldId,
    prepare(k, typed) {
      const prepared = prepareNotifier(k, typed, notifier?.id ?? state.newId(k), secretSaved);
      return prepared.ok ? { ok: true, item: prepared.notifier, secret: prepared.secret } : prepared;
    },
    urlsOf: postUrlsOf,
    save: (prepared, secret) => state.save(prepared, secret),
    onSaved,
  });
  const secretShown = useSignal(false);
  useEffect(() => {
    document.getElementById(notifier ? notifierFieldId(notifier.kind, 'name') : `notifier-kind-${form.kind}`)?.focus();
  }, []);

  const { kind: current, values, idOf, errorOf } = form;
  const text = (field: 'name' | 'url' | 'to', label: string, hint: ComponentChildren, extra: { placeholder?: string; maxLength: number; url?: boolean }) => (
    <TextField
      key={`${current}-${field}`}
      id={idOf(field)}
      label={label}
      hint={hint}
      error={errorOf(field)}
      value={values[field]}
      onValue={(v) => form.set(field, v)}
      {...extra}
    />
  );

  const secretSpec = current === 'email' ? undefined : SECRETS[current];

  return (
    <form
      class="notifier-form"
      aria-label={notifier ? `Edit ${notifier.name}` : 'New notifier'}
      onSubmit={form.submit}
      onKeyDown={editorKeys((e) => form.submit(e), onCancel)}
      noValidate
    >
      <KindChoice
        fixed={notifier?.kind}
        kinds={NOTIFIER_KINDS}
        labels={NOTIFIER_KIND_LABELS}
        current={current}
        legend="Kind of notifier"
        name="notifier-kind"
        idPrefix="notifier-kind"
        onChoose={(k) => {
          form.choose(k);
          secretShown.value = false;
        }}
      />
      {text('name', 'Name', `How you call it, e.g. ${NAME_EXAMPLES[current]}.`, { maxLength: 100, placeholder: NAME_EXAMPLES[current] })}
      {current === 'webhook' &&
        text('url', 'URL', 'The endpoint that receives a signed JSON POST for each update.', {
          maxLength: 2048,
          placeholder: 'https://hooks.example.com/sitrep',
          url: true,
        })}
      {current === 'email' &&
        text('to', 'To', 'Addresses, comma-separated, as your mail client takes them. Sitrep opens a draft in your mail client; it sends nothing itself.', {
          maxLength: 2000,
          placeholder: 'execs@example.com, comms@example.com',
        })}
      {secretSpec && (
        <SecretField
          key={`${current}-secret`}
          id={idOf('secret')}
          label={secretSpec.label}
          hint={secretSpec.hint(secretSaved)}
          error={errorOf('secret')}
          value={values.secret}
          onInput={(v) => form.set('secret', v)}
          saved={secretSaved}
          what={secretSpec.what}
          maxLength={current === 'webhook' ? 512 : 2048}
          shown={secretShown.value}
          onShownChange={(shown) => (secretShown.value = shown)}
        >
          {current === 'webhook' && (
            <button
              type="button"
              onClick={() => {
                form.set('secret', generateSigningKey());
                // A new key is meant to be copied to the receiver: show it.
                secretShown.value = true;
              }}
            >
              Generate<span class="sr-only"> a signing key</span>
            </button>
          )}
        </SecretField>
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
                  const now = form.latest().severities;
                  form.set('severities', on ? [...now, sev] : now.filter((s) => s !== sev));
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
                onChange={() => form.set('audience', audience)}
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
      <ErrorBanner message={form.formError} />
      <FormActions save="Save notifier" busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

const describedBy = (id: string, hint: boolean, error: string | undefined) => fieldAria(id, hint, error)['aria-describedby'];
