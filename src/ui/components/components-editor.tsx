import { useSignal } from '@preact/signals';
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { matchesAnyPattern } from '../../capture/match-components';
import type { Component } from '../../model';
import {
  componentInputOf,
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
        is tagged with the component: “this came from Payments, owned by Team Cash”.
      </p>
      <ErrorBanner message={state.loadError.value ? `Could not read the components: ${state.loadError.value.message}` : problem.value} />
      {components === undefined ? (
        <p class="hint">Loading…</p>
      ) : components.length === 0 ? (
        editing.value !== 'new' && <p class="hint">No components yet.</p>
      ) : (
        <ul class="component-list" aria-label="Components">
          {components.map((component) =>
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
                  <span class="component-item__owner">{component.owner ? `owned by ${component.owner}` : 'no owner'}</span>
                </div>
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

/** Adds or edits one component. Ctrl/Cmd+Enter saves (Enter is a new line in the patterns), Escape cancels. */
function ComponentForm({ component, onSave, onCancel }: FormProps) {
  const values = useSignal<ComponentFormValues>(formValuesOf(component));
  const errors = useSignal<Partial<Record<ComponentField, string>>>({});
  const formError = useSignal<string | undefined>(undefined);
  const busy = useSignal(false);
  const tryUrl = useSignal('');
  const nameInput = useRef<HTMLInputElement>(null);
  const id = (field: string) => `component-${component?.id ?? 'new'}-${field}`;
  useEffect(() => nameInput.current?.focus(), []);

  const set = (field: ComponentField, value: string) => {
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
      const first = (['name', 'owner', 'group', 'patterns'] as const).find((f) => described.fields[f]);
      if (first) document.getElementById(id(first))?.focus();
    } finally {
      busy.value = false;
    }
  }

  const field = (name: ComponentField, label: string, input: (props: FieldProps) => JSX.Element, hint?: ComponentChildren) => {
    const error = errors.value[name];
    const describedBy = [hint ? id(`${name}-hint`) : '', error ? id(`${name}-error`) : ''].filter(Boolean).join(' ');
    return (
      <div class="field">
        <label for={id(name)}>{label}</label>
        {input({
          id: id(name),
          value: values.value[name],
          'aria-invalid': error ? 'true' : undefined,
          'aria-describedby': describedBy || undefined,
          onInput: (e) => set(name, (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
        })}
        {hint && (
          <p class="hint" id={id(`${name}-hint`)}>
            {hint}
          </p>
        )}
        {error && (
          <p class="field-error" id={id(`${name}-error`)}>
            {error}
          </p>
        )}
      </div>
    );
  };

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
      {field('owner', 'Owner', (p) => <input {...p} maxLength={100} placeholder="Team Cash" />, 'The team that answers for it.')}
      {field('group', 'Group (optional)', (p) => <input {...p} maxLength={100} placeholder="API" />, 'Shown as a group on the status page.')}
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
