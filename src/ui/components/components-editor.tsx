import { useSignal } from '@preact/signals';
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { matchesAnyPattern } from '../../capture/match-components';
import { COMPONENT_STATUS_LABELS, ComponentStatus, type Component } from '../../model';
import {
  COMPONENT_FIELDS,
  componentInputOf,
  contactHref,
  describeSaveError,
  formValuesOf,
  readPatternLines,
  type ComponentField,
  type ComponentFormValues,
  type ComponentsState,
} from '../state/components-state';
import { editorKeys } from '../form-keys';
import { useFormDraft } from '../hooks/use-form-draft';
import { listProblem, useListEditing } from '../hooks/use-list-editing';
import { ConfirmChoice } from './confirm-choice';
import { ErrorBanner } from './error-banner';
import { FieldMessages, FormActions, fieldAria } from './targets/form-parts';

/**
 * The component registry: what the service is made of, who owns each part, and which dashboards
 * show it, so clips taken there are tagged with it.
 */
export function ComponentsEditor({ state }: { state: ComponentsState }) {
  const list = useListEditing();
  const confirmingDelete = useSignal<string | null>(null);
  const components = state.components.value;

  /**
   * A moved component's button to focus once the list shows it where it lands: re-ordering the
   * list moves its element, which loses the focus, and a move may arrive in several renders.
   */
  const focusAfterMove = useRef<{ componentId: string; index: number; buttonId: string } | null>(null);

  useEffect(() => {
    const moved = focusAfterMove.current;
    if (moved && components?.[moved.index]?.id === moved.componentId) {
      focusAfterMove.current = null;
      list.focus(moved.buttonId);
    }
  });

  async function move(component: Component, by: -1 | 1, index: number, count: number) {
    // At the end it moves to, the button it was pressed with is disabled: focus the other one.
    const lands = index + by;
    const button = (by < 0 && lands > 0) || (by > 0 && lands >= count - 1) ? 'up' : 'down';
    focusAfterMove.current = { componentId: component.id, index: lands, buttonId: `component-${button}-${component.id}` };
    const moved = await list.attempt(() => state.move(component.id, by), `Could not move ${component.name}`);
    if (!moved) focusAfterMove.current = null;
  }

  async function remove(component: Component) {
    if (!(await list.attempt(() => state.remove(component.id), `Could not delete ${component.name}`))) return;
    confirmingDelete.value = null;
    list.focus('component-add');
  }

  return (
    <section class="components-editor" aria-labelledby="components-heading">
      <h2 id="components-heading">Components</h2>
      <p class="hint">
        The parts of your service, who owns them and which dashboards show them. A clip taken on one of those dashboards is tagged with the component: “this
        came from Payments, owned by Team Cash”. Public ones are listed on the status page, in this order.
      </p>
      <ErrorBanner message={listProblem('components', state, list.problem)} />
      {components === undefined ? (
        <p class="hint">Loading…</p>
      ) : components.length === 0 ? (
        list.editing !== 'new' && <p class="hint">No components yet.</p>
      ) : (
        <ul class="component-list" aria-label="Components">
          {components.map((component, index) =>
            list.editing === component.id ? (
              <li key={component.id}>
                <ComponentForm
                  component={component}
                  onSave={async (values) => {
                    await state.save(componentInputOf(values, component.id));
                    list.close(`component-edit-${component.id}`);
                  }}
                  onCancel={() => list.close(`component-edit-${component.id}`)}
                />
              </li>
            ) : (
              <li key={component.id} class="component-item">
                <div class="component-item__head">
                  <strong>{component.name}</strong>
                  {component.group && <span class="badge">{component.group}</span>}
                  {!component.public && <span class="badge component-item__internal">internal</span>}
                  <span class={`component-status component-status--${component.status}`}>{COMPONENT_STATUS_LABELS[component.status]}</span>
                </div>
                {component.description && <p class="component-item__description">{component.description}</p>}
                <p class="component-item__owner">
                  {component.owner ? `Owned by ${component.owner}` : 'No owner'}
                  {component.escalation && (
                    <>
                      {' · escalate to '}
                      <EscalationLink name={component.escalation.name} reach={component.escalation.reach} />
                    </>
                  )}
                </p>
                {component.dashboardPatterns.length ? (
                  <ul class="component-item__patterns" aria-label={`Dashboards of ${component.name}`}>
                    {component.dashboardPatterns.map((pattern, i) => (
                      <li key={i}>
                        <code>{pattern}</code>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p class="hint">No dashboards: clips are never tagged with it.</p>
                )}
                {confirmingDelete.value === component.id ? (
                  <ConfirmChoice
                    class="component-item__actions"
                    label={`Delete ${component.name}?`}
                    confirm="Delete"
                    onConfirm={() => void remove(component)}
                    keep="Keep"
                    keepId={`component-keep-${component.id}`}
                    onKeep={() => {
                      confirmingDelete.value = null;
                      list.focus(`component-delete-${component.id}`);
                    }}
                  >
                    Delete {component.name}? Clips tagged with it keep the tag.
                  </ConfirmChoice>
                ) : (
                  <div class="component-item__actions">
                    <button
                      type="button"
                      id={`component-up-${component.id}`}
                      aria-label={`Move ${component.name} up`}
                      title="Earlier on the status page"
                      disabled={index === 0 || list.editing !== null}
                      onClick={() => void move(component, -1, index, components.length)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      id={`component-down-${component.id}`}
                      aria-label={`Move ${component.name} down`}
                      title="Later on the status page"
                      disabled={index === components.length - 1 || list.editing !== null}
                      onClick={() => void move(component, 1, index, components.length)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      id={`component-edit-${component.id}`}
                      aria-label={`Edit ${component.name}`}
                      disabled={list.editing !== null}
                      onClick={() => {
                        confirmingDelete.value = null;
                        list.open(component.id);
                      }}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      class="danger"
                      id={`component-delete-${component.id}`}
                      aria-label={`Delete ${component.name}`}
                      onClick={() => (confirmingDelete.value = component.id)}
                    >
                      Delete
                    </button>
                  </div>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {list.editing === 'new' ? (
        <ComponentForm
          onSave={async (values) => {
            await state.save(componentInputOf(values));
            list.close('component-add');
          }}
          onCancel={() => list.close('component-add')}
        />
      ) : (
        <button type="button" id="component-add" class="primary" disabled={list.editing !== null} onClick={() => list.open('new')}>
          Add component
        </button>
      )}
    </section>
  );
}

/** An escalation contact: a link only for http(s) and mailto, plain text for anything else. */
function EscalationLink({ name, reach }: { name: string; reach: string }) {
  const href = contactHref(reach);
  if (!href) return <span>{`${name} (${reach})`}</span>;
  const web = !href.startsWith('mailto:');
  return (
    <a href={href} {...(web && { target: '_blank', rel: 'noopener noreferrer' })}>
      {name}
    </a>
  );
}

/** The fields typed as text (the checkbox and the status select are wired apart). */
type TextField = Exclude<ComponentField, 'public' | 'status'>;

/** What every field's input or textarea gets: its id, value, error wiring and input handler. */
interface FieldProps {
  id: string;
  value: string;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
  onInput(e: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>): void;
}

interface FormProps {
  component?: Component;
  /** Saves; throws (a ZodError naming the field) when the values are not valid. */
  onSave(values: ComponentFormValues): Promise<void>;
  onCancel(): void;
}

/**
 * Adds or edits one component. Ctrl/Cmd+Enter saves (Enter is a new line in the text areas),
 * Escape cancels. A refused save keeps everything typed and says what is wrong next to it.
 */
function ComponentForm({ component, onSave, onCancel }: FormProps) {
  const id = (field: string) => `component-${component?.id ?? 'new'}-${field}`;
  // What was stored when the form opened: a change made elsewhere meanwhile does not rewrite it.
  const [opened] = useState(() => formValuesOf(component));
  const form = useFormDraft<ComponentFormValues, ComponentField>({
    stored: () => opened,
    save: onSave,
    describe: describeSaveError,
    fields: COMPONENT_FIELDS,
    idOf: id,
  });
  const { values, set, errorOf } = form;
  const tryUrl = useSignal('');
  const nameInput = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => nameInput.current?.focus(), []);

  /** A field's aria-invalid, and aria-describedby pointing at its hint and error. */
  const aria = (name: ComponentField, hint: boolean) => fieldAria(id(name), hint, errorOf(name));
  const messages = (name: ComponentField, hint?: ComponentChildren) => <FieldMessages id={id(name)} hint={hint} error={errorOf(name)} />;

  const field = (name: TextField, label: string, input: (props: FieldProps) => JSX.Element, hint?: ComponentChildren) => (
    <div class="field">
      <label for={id(name)}>{label}</label>
      {input({
        id: id(name),
        value: values[name],
        ...aria(name, Boolean(hint)),
        onInput: (e) => set(name, (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
      })}
      {messages(name, hint)}
    </div>
  );

  const { patterns } = readPatternLines(values.patterns);
  const tried = tryUrl.value.trim();
  const tryMatches = tried !== '' && matchesAnyPattern(tried, patterns);

  return (
    <form
      class="component-form"
      aria-label={component ? `Edit ${component.name}` : 'New component'}
      onSubmit={(e) => void form.submit(e)}
      onKeyDown={editorKeys((e) => void form.submit(e), onCancel)}
    >
      {field('name', 'Name', (p) => (
        <input {...p} ref={nameInput} maxLength={100} autoComplete="off" placeholder="Payments API" />
      ))}
      {field(
        'description',
        'Description (optional)',
        (p) => (
          <textarea {...p} rows={2} maxLength={1000} placeholder="Card payments at checkout" />
        ),
        'Shown under the name on the status page.',
      )}
      {field(
        'group',
        'Group (optional)',
        (p) => (
          <input {...p} maxLength={100} placeholder="API" />
        ),
        'Shown as a group on the status page.',
      )}
      <div class="field">
        <label class="inline" for={id('public')}>
          <input
            type="checkbox"
            id={id('public')}
            checked={values.public}
            aria-describedby={aria('public', true)['aria-describedby']}
            onChange={(e) => set('public', e.currentTarget.checked)}
          />
          Shown on the public status page
        </label>
        {messages('public', 'Internal components only tag clips.')}
      </div>
      <div class="field">
        <label for={id('status')}>Current status</label>
        <select id={id('status')} value={values.status} {...aria('status', true)} onChange={(e) => set('status', ComponentStatus.parse(e.currentTarget.value))}>
          {ComponentStatus.options.map((s) => (
            <option key={s} value={s}>
              {COMPONENT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        {messages('status', 'Status updates and maintenance usually set this; change it here to correct the page.')}
      </div>
      {field(
        'owner',
        'Owner',
        (p) => (
          <input {...p} maxLength={100} placeholder="Team Cash" />
        ),
        'The team that answers for it.',
      )}
      <fieldset class="component-form__escalation">
        <legend>Escalation contact (optional)</legend>
        {field('escalationName', 'Who', (p) => (
          <input {...p} maxLength={100} autoComplete="off" placeholder="Payments on-call" />
        ))}
        {field(
          'escalationReach',
          'How to reach them',
          (p) => (
            <input {...p} inputMode="url" maxLength={2048} autoComplete="off" spellcheck={false} placeholder="https://… or mailto:…" />
          ),
          'A link: the on-call page, a chat channel, or mailto:someone@example.com.',
        )}
      </fieldset>
      {field(
        'patterns',
        'Dashboard URLs, one per line',
        (p) => (
          <textarea {...p} rows={4} spellcheck={false} placeholder="https://grafana.example.com/d/abc123" />
        ),
        <>
          A line without <code>*</code> matches every address that starts with it, so <code>https://grafana.example.com/d/abc123</code> matches that dashboard
          with any time range, panel or variables (but not <code>/d/abc1234</code>). <code>*</code> stands for any run of characters and then the whole address
          must match: <code>*/d/payments-*</code> is every dashboard whose id starts with <code>payments-</code>, on any host. Paste addresses without their
          time range.
        </>,
      )}
      <div class="field">
        <label for={id('try')}>Try an address</label>
        <input
          id={id('try')}
          inputMode="url"
          autoComplete="off"
          value={tryUrl.value}
          aria-describedby={id('try-result')}
          placeholder="Paste a dashboard address to see if it would be tagged"
          onInput={(e) => (tryUrl.value = e.currentTarget.value)}
        />
        <p class="hint" id={id('try-result')} aria-live="polite">
          {tried ? (tryMatches ? 'Matches: a clip of this page would be tagged.' : 'No match.') : ''}
        </p>
      </div>
      <ErrorBanner message={form.formError} />
      <FormActions class="component-form__actions" save={component ? 'Save' : 'Add'} busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
