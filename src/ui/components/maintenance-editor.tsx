import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { maintenanceStatus, type Maintenance } from '../../model';
import { editorKeys } from '../form-keys';
import { fromDateTimeInput } from '../format-time';
import { useNow } from '../hooks/use-now';
import {
  MAINTENANCE_FIELDS,
  describeMaintenanceError,
  formatWindow,
  groupMaintenances,
  localZoneName,
  maintenanceFormValuesOf,
  type MaintenanceField,
  type MaintenanceFormValues,
  type MaintenanceState,
} from '../state/maintenance-state';
import { ErrorBanner } from './error-banner';

/** Which form is open: none, a new maintenance, or the one with this id. */
type Editing = null | 'new' | string;

interface Props {
  state: MaintenanceState;
  /** The clock that moves windows between the lists (tests pass their own). */
  now?: Date;
}

/**
 * Scheduled maintenance: announce a window ahead, with the components it touches. The status page
 * and the banner show it, and it moves to in progress and completed by itself; it can also be
 * completed early or called off.
 */
export function MaintenanceEditor({ state, now: fixedNow }: Props) {
  const ticking = useNow(30_000);
  const now = fixedNow ?? ticking;
  const editing = useSignal<Editing>(null);
  const confirmingCancel = useSignal<string | null>(null);
  const problem = useSignal<string | undefined>(undefined);
  const focusNext = useSignal<string | null>(null);
  const all = state.maintenances.value;
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

  async function end(m: Maintenance, how: 'complete' | 'cancel') {
    try {
      await (how === 'complete' ? state.complete(m.id) : state.cancel(m.id));
      problem.value = undefined;
      confirmingCancel.value = null;
      focusNext.value = 'maintenance-add';
    } catch (e) {
      problem.value = `Could not ${how} “${m.title}”: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  const groups = all && groupMaintenances(all, now);
  const componentNames = (m: Maintenance) =>
    m.componentIds
      .map((id) => state.componentsById.value.get(id)?.name)
      .filter(Boolean)
      .join(', ');

  const item = (m: Maintenance) => {
    if (editing.value === m.id) {
      return (
        <li key={m.id}>
          <MaintenanceForm
            state={state}
            maintenance={m}
            onSaved={() => close(`maintenance-edit-${m.id}`)}
            onCancel={() => close(`maintenance-edit-${m.id}`)}
          />
        </li>
      );
    }
    const status = maintenanceStatus(m, now);
    const names = componentNames(m);
    return (
      <li key={m.id} class="maintenance-item">
        <div class="maintenance-item__head">
          <strong>{m.title}</strong>
          {m.cancelledAt && <span class="badge">cancelled</span>}
          {m.completedAt && <span class="badge">completed early</span>}
        </div>
        <p class="maintenance-item__window">
          <time dateTime={m.scheduledFor}>{formatWindow(m.scheduledFor, m.scheduledUntil)}</time>
        </p>
        <p class="maintenance-item__components">{names ? `Components: ${names}` : 'No components named'}</p>
        <p class="maintenance-item__body">{m.body}</p>
        {status !== 'completed' &&
          (confirmingCancel.value === m.id ? (
            <div class="maintenance-item__actions" role="group" aria-label={`Cancel “${m.title}”?`}>
              <span>Call it off? The page says it was cancelled.</span>
              <button type="button" class="danger" onClick={() => void end(m, 'cancel')}>
                Cancel maintenance
              </button>
              <button
                type="button"
                id={`maintenance-keep-${m.id}`}
                onClick={() => {
                  confirmingCancel.value = null;
                  focusNext.value = `maintenance-cancel-${m.id}`;
                }}
              >
                Keep it
              </button>
            </div>
          ) : (
            <div class="maintenance-item__actions">
              <button
                type="button"
                id={`maintenance-edit-${m.id}`}
                aria-label={`Edit “${m.title}”`}
                disabled={editing.value !== null}
                onClick={() => {
                  confirmingCancel.value = null;
                  editing.value = m.id;
                }}
              >
                Edit
              </button>
              {status === 'in_progress' && (
                <button type="button" id={`maintenance-complete-${m.id}`} aria-label={`Complete now: “${m.title}”`} onClick={() => void end(m, 'complete')}>
                  Complete now
                </button>
              )}
              <button
                type="button"
                class="danger"
                id={`maintenance-cancel-${m.id}`}
                aria-label={`Cancel maintenance “${m.title}”`}
                onClick={() => {
                  confirmingCancel.value = m.id;
                  focusNext.value = `maintenance-keep-${m.id}`;
                }}
              >
                Cancel maintenance
              </button>
            </div>
          ))}
      </li>
    );
  };

  const list = (label: string, items: Maintenance[]) => (
    <ul class="maintenance-list" aria-label={label}>
      {items.map(item)}
    </ul>
  );

  return (
    <section class="maintenance-editor" aria-labelledby="maintenance-heading">
      <h2 id="maintenance-heading">Scheduled maintenance</h2>
      <p class="hint">
        Announce a window ahead. The status page and the banner show it; it moves to in progress and completed by itself.
        Times are in your zone ({localZoneName()}).
      </p>
      <ErrorBanner
        message={
          state.loadError.value
            ? `Could not read the maintenances: ${state.loadError.value.message}`
            : (problem.value ?? (state.publishProblem.value && `Saved, but not queued for publishing: ${state.publishProblem.value}`))
        }
      />
      {!groups ? (
        <p class="hint">Loading…</p>
      ) : (
        <>
          {groups.in_progress.length > 0 && <Group title="In progress">{list('In progress', groups.in_progress)}</Group>}
          {groups.scheduled.length > 0 && <Group title="Upcoming">{list('Upcoming', groups.scheduled)}</Group>}
          {groups.in_progress.length + groups.scheduled.length === 0 && editing.value !== 'new' && (
            <p class="hint">Nothing scheduled.</p>
          )}
          {groups.completed.length > 0 && (
            <details class="maintenance-completed">
              <summary>Completed ({groups.completed.length})</summary>
              {list('Completed', groups.completed)}
            </details>
          )}
        </>
      )}
      {editing.value === 'new' ? (
        <MaintenanceForm state={state} onSaved={() => close('maintenance-add')} onCancel={() => close('maintenance-add')} />
      ) : (
        <button type="button" id="maintenance-add" class="primary" disabled={editing.value !== null} onClick={() => (editing.value = 'new')}>
          Schedule maintenance
        </button>
      )}
    </section>
  );
}

function Group({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="maintenance-group">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

interface FormProps {
  state: MaintenanceState;
  maintenance?: Maintenance;
  onSaved(): void;
  onCancel(): void;
}

/** `2026-11-01 03:00`: an instant as UTC, for the form's "stored as" line. */
const utcText = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/**
 * Schedules or changes one maintenance. Start and end are read in the browser's zone and stored
 * as UTC instants; the form says which instants it will store. Ctrl/Cmd+Enter saves, Escape
 * closes. A refused save keeps everything typed.
 */
function MaintenanceForm({ state, maintenance, onSaved, onCancel }: FormProps) {
  const values = useSignal<MaintenanceFormValues>(maintenanceFormValuesOf(maintenance));
  const errors = useSignal<Partial<Record<MaintenanceField, string>>>({});
  const formError = useSignal<string | undefined>(undefined);
  const busy = useSignal(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const id = (field: string) => `maintenance-${maintenance?.id ?? 'new'}-${field}`;
  useEffect(() => titleInput.current?.focus(), []);

  const set = <F extends MaintenanceField>(field: F, value: MaintenanceFormValues[F]) => {
    values.value = { ...values.value, [field]: value };
  };

  async function save(e?: Event) {
    e?.preventDefault();
    if (busy.value) return;
    busy.value = true;
    try {
      await state.save(values.value, maintenance?.id);
      onSaved();
    } catch (error) {
      const described = describeMaintenanceError(error);
      errors.value = described.fields;
      formError.value = described.form;
      const first = MAINTENANCE_FIELDS.find((f) => described.fields[f]);
      if (first) document.getElementById(first === 'componentIds' ? id('components') : id(first))?.focus();
    } finally {
      busy.value = false;
    }
  }

  /** aria-* of a control: invalid when its field is, described by its hint (if any) and error. */
  const aria = (name: MaintenanceField, hintId?: string) => ({
    'aria-invalid': errors.value[name] ? ('true' as const) : undefined,
    'aria-describedby': [hintId ?? '', errors.value[name] ? id(`${name}-error`) : ''].filter(Boolean).join(' ') || undefined,
  });
  const error = (name: MaintenanceField) =>
    errors.value[name] && (
      <p class="field-error" id={id(`${name}-error`)}>
        {errors.value[name]}
      </p>
    );

  const from = fromDateTimeInput(values.value.start, 'local');
  const until = fromDateTimeInput(values.value.end, 'local');
  const preview = from && until && from < until ? `${formatWindow(from, until)} · in UTC ${utcText(from)} – ${utcText(until)}` : '';
  const publicComponents = state.publicComponents.value;

  return (
    <form
      class="maintenance-form"
      aria-label={maintenance ? `Edit “${maintenance.title}”` : 'New maintenance'}
      onSubmit={save}
      onKeyDown={editorKeys((e) => void save(e), onCancel)}
      noValidate
    >
      <div class="field">
        <label for={id('title')}>Title</label>
        <input
          id={id('title')}
          ref={titleInput}
          maxLength={255}
          autoComplete="off"
          placeholder="Database upgrade"
          value={values.value.title}
          {...aria('title')}
          onInput={(e) => set('title', e.currentTarget.value)}
        />
        {error('title')}
      </div>
      <div class="field">
        <label for={id('body')}>Message</label>
        <textarea
          id={id('body')}
          rows={3}
          maxLength={25_000}
          placeholder="Checkout may be slow for a few minutes while we upgrade the database."
          value={values.value.body}
          {...aria('body', id('body-hint'))}
          onInput={(e) => set('body', e.currentTarget.value)}
        />
        <p class="hint" id={id('body-hint')}>
          Public: what is done and what customers will notice.
        </p>
        {error('body')}
      </div>
      <div class="maintenance-form__times">
        <div class="field">
          <label for={id('start')}>Starts</label>
          <input type="datetime-local" id={id('start')} value={values.value.start} {...aria('start', id('times-hint'))} onInput={(e) => set('start', e.currentTarget.value)} />
          {error('start')}
        </div>
        <div class="field">
          <label for={id('end')}>Ends</label>
          <input type="datetime-local" id={id('end')} value={values.value.end} {...aria('end', id('times-hint'))} onInput={(e) => set('end', e.currentTarget.value)} />
          {error('end')}
        </div>
      </div>
      <p class="hint" id={id('times-hint')} aria-live="polite">
        In your zone ({localZoneName()}).{preview && ` ${preview}`}
      </p>
      <fieldset class="maintenance-form__components" id={id('components')} tabIndex={-1} aria-describedby={errors.value.componentIds ? id('componentIds-error') : undefined}>
        <legend>Components under maintenance</legend>
        {publicComponents.length === 0 ? (
          <p class="hint">No public components: add them under Components.</p>
        ) : (
          publicComponents.map((c) => (
            <label class="inline" key={c.id}>
              <input
                type="checkbox"
                checked={values.value.componentIds.includes(c.id)}
                onChange={(e) =>
                  set(
                    'componentIds',
                    e.currentTarget.checked ? [...values.value.componentIds, c.id] : values.value.componentIds.filter((x) => x !== c.id),
                  )
                }
              />
              {c.name}
            </label>
          ))
        )}
        {error('componentIds')}
      </fieldset>
      <ErrorBanner message={formError.value} />
      <div class="maintenance-form__actions">
        <button type="submit" class="primary" disabled={busy.value}>
          {maintenance ? 'Save' : 'Schedule'}
        </button>
        <button type="button" onClick={onCancel}>
          Discard
        </button>
      </div>
    </form>
  );
}
