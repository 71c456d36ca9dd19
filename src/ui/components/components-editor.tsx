import { useSignal } from '@preact/signals';
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
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
import { ErrorBanner } from './error-banner';
import { editorKeys } from '../form-keys';

/** Which form is open: none, a new component, or the one with this id. */
type Editing = null | 'new' | string;

/**
 * The component registry: what the service is made of, who owns each part, and which dashboards
 * show it, so clips taken there are tagged with it.
 */
export function ComponentsEditor({ state }: { state: ComponentsState }) {
  const editing = useSignal<Editing>(null);
  const confirmingDelete = useSignal<string | null>(null);
  const problem = useSignal<string | undefined>(undefined);
  /** The element to focus once the list has re-rendered (after closing a form or deleting). */
  const focusNext = useSignal<string | null>(null);
  const components = state.components.value;
  // Read while rendering, so asking for focus re-renders and the effect sees the updated DOM.
  const pendingFocus = focusNext.value;

  /**
   * A moved component's button to focus once the list shows it where it lands: re-ordering the
   * list moves its element, which loses the focus, and a move may arrive in several renders.
   */
  const focusAfterMove = useRef<{ componentId: string; index: number; buttonId: string } | null>(null);

  useEffect(() => {
    const moved = focusAfterMove.current;
    if (moved && components?.[moved.index]?.id === moved.componentId) {
      focusAfterMove.current = null;
      focusNext.value = moved.buttonId;
    }
  });

  useEffect(() => {
    if (!pendingFocus) return;
    const target = document.getElementById(pendingFocus);
    if (!target || (target as HTMLButtonElement).disabled) return; // not rendered yet: try after the next render
    target.focus();
    focusNext.value = null;
  });

  function close(focusId: string) {
    editing.value = null;
    focusNext.value = focusId;
  }

  async function move(component: Component, by: -1 | 1, index: number, count: number) {
    // At the end it moves to, the button it was pressed with is disabled: focus the other one.
    const lands = index + by;
    const button = (by < 0 && lands > 0) || (by > 0 && lands >= count - 1) ? 'up' : 'down';
    focusAfterMove.current = { componentId: component.id, index: lands, buttonId: `component-${button}-${component.id}` };
    try {
      await state.move(component.id, by);
      problem.value = undefined;
    } catch (e) {
      focusAfterMove.current = null;
      problem.value = `Could not move ${component.name}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  async function remove(component: Component) {
    try {
      await state.remove(component.id);
      problem.value = undefined;
      confirmingDelete.value = null;
      focusNext.value = 'component-add';
    } catch (e) {
      problem.value = `Could not delete ${component.name}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  return (
    <section class="components-editor" aria-labelledby="components-heading">
      <h2 id="components-heading">Components</h2>
      <p class="hint">
        The parts of your service, who owns them and which dashboards show them. A clip taken on one of those dashboards
        is tagged with the component: “this came from Payments, owned by Team Cash”. Public ones are listed on the
        status page, in this order.
      </p>
      <ErrorBanner
        message={
          state.loadError.value
            ? `Could not read the components: ${state.loadError.value.message}`
            : (problem.value ?? (state.publishProblem.value && `Saved, but not queued for publishing: ${state.publishProblem.value}`))
        }
      />
      {components === undefined ? (
        <p class="hint">Loading…</p>
      ) : components.length === 0 ? (
        editing.value !== 'new' && <p class="hint">No components yet.</p>
      ) : (
        <ul class="component-list" aria-label="Components">
          {components.map((component, index) =>
            editing.value === component.id ? (
              <li key={component.id}>
                <ComponentForm
                  component={component}
                  onSave={async (values) => {
                    await state.save(componentInputOf(values, component.id));
                    close(`component-edit-${component.id}`);
                  }}
                  onCancel={() => close(`component-edit-${component.id}`)}
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
                  <div class="component-item__actions" role="group" aria-label={`Delete ${component.name}?`}>
                    <span>Delete {component.name}? Clips tagged with it keep the tag.</span>
                    <button type="button" class="danger" onClick={() => void remove(component)}>
                      Delete
                    </button>
                    <button
                      type="button"
                      id={`component-keep-${component.id}`}
                      onClick={() => {
                        confirmingDelete.value = null;
                        focusNext.value = `component-delete-${component.id}`;
                      }}
                    >
                      Keep
                    </button>
                  </div>
                ) : (
                  <div class="component-item__actions">
                    <button
                      type="button"
                      id={`component-up-${component.id}`}
                      aria-label={`Move ${component.name} up`}
                      title="Earlier on the status page"
                      disabled={index === 0 || editing.value !== null}
                      onClick={() => void move(component, -1, index, components.length)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      id={`component-down-${component.id}`}
                      aria-label={`Move ${component.name} down`}
                      title="Later on the status page"
                      disabled={index === components.length - 1 || editing.value !== null}
                      onClick={() => void move(component, 1, index, components.length)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      id={`component-edit-${component.id}`}
                      aria-label={`Edit ${component.name}`}
                      disabled={editing.value !== null}
                      onClick={() => {
                        confirmingDelete.value = null;
                        editing.value = component.id;
                      }}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      class="danger"
                      id={`component-delete-${component.id}`}
                      aria-label={`Delete ${component.name}`}
                      onClick={() => {
                        confirmingDelete.value = component.id;
                        focusNext.value = `component-keep-${component.id}`;
                      }}
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
      {editing.value === 'new' ? (
        <ComponentForm
          onSave={async (values) => {
            await state.save(componentInputOf(values));
            close('component-add');
          }}
          onCancel={() => close('component-add')}
        />
      ) : (
        <button type="button" id="component-add" class="primary" disabled={editing.value !== null} onClick={() => (editing.value = 'new')}>
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
  const values = useSignal<ComponentFormValues>(formValuesOf(component));
  const errors = useSignal<Partial<Record<ComponentField, string>>>({});
  const formError = useSignal<string | undefined>(undefined);
  const busy = useSignal(false);
  const tryUrl = useSignal('');
  const nameInput = useRef<HTMLInputElement>(null);
  const id = (field: string) => `component-${component?.id ?? 'new'}-${field}`;
  useEffect(() => nameInput.current?.focus(), []);

  const set = <F extends ComponentField>(field: F, value: ComponentFormValues[F]) => {
    values.value = { ...values.value, [field]: value };
  };

  async function save(e?: Event) {
    e?.preventDefault();
    if (busy.value) return;
    busy.value = true;
    try {
      await onSave(values.value);
    } catch (error) {
      const described = describeSaveError(error, values.value);
      errors.value = described.fields;
      formError.value = described.form;
      // Focus the first field that is wrong, so a keyboard user lands on what to fix.
      const first = COMPONENT_FIELDS.find((f) => described.fields[f]);
      if (first) document.getElementById(id(first))?.focus();
    } finally {
      busy.value = false;
    }
  }

  /** The ids a field's hint and error get, for aria-describedby. */
  const describedBy = (name: ComponentField, hint: boolean) =>
    [hint ? id(`${name}-hint`) : '', errors.value[name] ? id(`${name}-error`) : ''].filter(Boolean).join(' ') || undefined;

  const messages = (name: ComponentField, hint?: ComponentChildren) => (
    <>
      {hint && (
        <p class="hint" id={id(`${name}-hint`)}>
          {hint}
        </p>
      )}
      {errors.value[name] && (
        <p class="field-error" id={id(`${name}-error`)}>
          {errors.value[name]}
        </p>
      )}
    </>
  );

  const field = (name: TextField, label: string, input: (props: FieldProps) => JSX.Element, hint?: ComponentChildren) => (
    <div class="field">
      <label for={id(name)}>{label}</label>
      {input({
        id: id(name),
        value: values.value[name],
        'aria-invalid': errors.value[name] ? 'true' : undefined,
        'aria-describedby': describedBy(name, Boolean(hint)),
        onInput: (e) => set(name, (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
      })}
      {messages(name, hint)}
    </div>
  );

  const { patterns } = readPatternLines(values.value.patterns);
  const tried = tryUrl.value.trim();
  const tryMatches = tried !== '' && matchesAnyPattern(tried, patterns);

  return (
    <form
      class="component-form"
      aria-label={component ? `Edit ${component.name}` : 'New component'}
      onSubmit={save}
      onKeyDown={editorKeys((e) => void save(e), onCancel)}
    >
      {field('name', 'Name', (p) => <input {...p} ref={nameInput} maxLength={100} autoComplete="off" placeholder="Payments API" />)}
      {field(
        'description',
        'Description (optional)',
        (p) => <textarea {...p} rows={2} maxLength={1000} placeholder="Card payments at checkout" />,
        'Shown under the name on the status page.',
      )}
      {field('group', 'Group (optional)', (p) => <input {...p} maxLength={100} placeholder="API" />, 'Shown as a group on the status page.')}
      <div class="field">
        <label class="inline" for={id('public')}>
          <input
            type="checkbox"
            id={id('public')}
            checked={values.value.public}
            aria-describedby={describedBy('public', true)}
            onChange={(e) => set('public', e.currentTarget.checked)}
          />
          Shown on the public status page
        </label>
        {messages('public', 'Internal components only tag clips.')}
      </div>
      <div class="field">
        <label for={id('status')}>Current status</label>
        <select
          id={id('status')}
          value={values.value.status}
          aria-invalid={errors.value.status ? 'true' : undefined}
          aria-describedby={describedBy('status', true)}
          onChange={(e) => set('status', ComponentStatus.parse(e.currentTarget.value))}
        >
          {ComponentStatus.options.map((s) => (
            <option key={s} value={s}>
              {COMPONENT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        {messages('status', 'Status updates and maintenance usually set this; change it here to correct the page.')}
      </div>
      {field('owner', 'Owner', (p) => <input {...p} maxLength={100} placeholder="Team Cash" />, 'The team that answers for it.')}
      <fieldset class="component-form__escalation">
        <legend>Escalation contact (optional)</legend>
        {field('escalationName', 'Who', (p) => <input {...p} maxLength={100} autoComplete="off" placeholder="Payments on-call" />)}
        {field(
          'escalationReach',
          'How to reach them',
          (p) => <input {...p} inputMode="url" maxLength={2048} autoComplete="off" spellcheck={false} placeholder="https://… or mailto:…" />,
          'A link: the on-call page, a chat channel, or mailto:someone@example.com.',
        )}
      </fieldset>
      {field(
        'patterns',
        'Dashboard URLs, one per line',
        (p) => <textarea {...p} rows={4} spellcheck={false} placeholder="https://grafana.example.com/d/abc123" />,
        <>
          A line without <code>*</code> matches every address that starts with it, so{' '}
          <code>https://grafana.example.com/d/abc123</code> matches that dashboard with any time range, panel or
          variables (but not <code>/d/abc1234</code>). <code>*</code> stands for any run of characters and then the
          whole address must match: <code>*/d/payments-*</code> is every dashboard whose id starts with{' '}
          <code>payments-</code>, on any host. Paste addresses without their time range.
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
      <ErrorBanner message={formError.value} />
      <div class="component-form__actions">
        <button type="submit" class="primary" disabled={busy.value}>
          {component ? 'Save' : 'Add'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
