import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { maintenanceStatus, type Maintenance } from '../../model';
import { editorKeys } from '../form-keys';
import { fromDateTimeInput } from '../format-time';
import { useFormDraft } from '../hooks/use-form-draft';
import { listProblem, useListEditing } from '../hooks/use-list-editing';
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
import { ConfirmChoice } from './confirm-choice';
import { ErrorBanner } from './error-banner';
import { FieldMessages, FormActions } from './targets/form-parts';

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
  const list = useListEditing();
  const confirmingCancel = useSignal<string | null>(null);
  const all = state.maintenances.value;

  async function end(m: Maintenance, how: 'complete' | 'cancel') {
    const ended = await list.attempt(() => (how === 'complete' ? state.complete(m.id) : state.cancel(m.id)), `Could not ${how} “${m.title}”`);
    if (!ended) return;
    confirmingCancel.value = null;
    list.focus('maintenance-add');
  }

  const groups = all && groupMaintenances(all, now);
  const componentNames = (m: Maintenance) =>
    m.componentIds
      .map((id) => state.componentsById.value.get(id)?.name)
      .filter(Boolean)
      .join(', ');

  const item = (m: Maintenance) => {
    if (list.editing === m.id) {
      const close = () => list.close(`maintenance-edit-${m.id}`);
      return (
        <li key={m.id}>
          <MaintenanceForm state={state} maintenance={m} onSaved={close} onCancel={close} />
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
            <ConfirmChoice
              class="maintenance-item__actions"
              label={`Cancel “${m.title}”?`}
              confirm="Cancel maintenance"
              onConfirm={() => void end(m, 'cancel')}
              keep="Keep it"
              keepId={`maintenance-keep-${m.id}`}
              onKeep={() => {
                confirmingCancel.value = null;
                list.focus(`maintenance-cancel-${m.id}`);
              }}
            >
              Call it off? The page says it was cancelled.
            </ConfirmChoice>
          ) : (
            <div class="maintenance-item__actions">
              <button
                type="button"
                id={`maintenance-edit-${m.id}`}
                aria-label={`Edit “${m.title}”`}
                disabled={list.editing !== null}
                onClick={() => {
                  confirmingCancel.value = null;
                  list.open(m.id);
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
                onClick={() => (confirmingCancel.value = m.id)}
              >
                Cancel maintenance
              </button>
            </div>
          ))}
      </li>
    );
  };

  const group = (label: string, items: Maintenance[]) => (
    <ul class="maintenance-list" aria-label={label}>
      {items.map(item)}
    </ul>
  );

  return (
    <section class="maintenance-editor" aria-labelledby="maintenance-heading">
      <h2 id="maintenance-heading">Scheduled maintenance</h2>
      <p class="hint">
        Announce a window ahead. The status page and the banner show it; it moves to in progress and completed by itself. Times are in your zone (
        {localZoneName()}).
      </p>
      <ErrorBanner message={listProblem('maintenances', state, list.problem)} />
      {!groups ? (
        <p class="hint">Loading…</p>
      ) : (
        <>
          {groups.in_progress.length > 0 && <Group title="In progress">{group('In progress', groups.in_progress)}</Group>}
          {groups.scheduled.length > 0 && <Group title="Upcoming">{group('Upcoming', groups.scheduled)}</Group>}
          {groups.in_progress.length + groups.scheduled.length === 0 && list.editing !== 'new' && <p class="hint">Nothing scheduled.</p>}
          {groups.completed.length > 0 && (
            <details class="maintenance-completed">
              <summary>Completed ({groups.completed.length})</summary>
              {group('Completed', groups.completed)}
            </details>
          )}
        </>
      )}
      {list.editing === 'new' ? (
        <MaintenanceForm state={state} onSaved={() => list.close('maintenance-add')} onCancel={() => list.close('maintenance-add')} />
      ) : (
        <button type="button" id="maintenance-add" class="primary" disabled={list.editing !== null} onClick={() => list.open('new')}>
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
  const id = (field: string) => `maintenance-${maintenance?.id ?? 'new'}-${field}`;
  // What was stored when the form opened: a change made elsewhere meanwhile does not rewrite it.
  const [opened] = useState(() => maintenanceFormValuesOf(maintenance));
  const form = useFormDraft<MaintenanceFormValues, MaintenanceField>({
    stored: () => opened,
    async save(values) {
      await state.save(values, maintenance?.id);
      onSaved();
    },
    describe: describeMaintenanceError,
    fields: MAINTENANCE_FIELDS,
    idOf: (field) => id(field === 'componentIds' ? 'components' : field),
  });
  const { values, set, errorOf } = form;
  const titleInput = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => titleInput.current?.focus(), []);

  /** aria-* of a control: invalid when its field is, described by its hint (if any) and error. */
  const aria = (name: MaintenanceField, hintId?: string) => ({
    'aria-invalid': errorOf(name) ? ('true' as const) : undefined,
    'aria-describedby': [hintId ?? '', errorOf(name) ? id(`${name}-error`) : ''].filter(Boolean).join(' ') || undefined,
  });
  const error = (name: MaintenanceField) => <FieldMessages id={id(name)} error={errorOf(name)} />;

  const from = fromDateTimeInput(values.start, 'local');
  const until = fromDateTimeInput(values.end, 'local');
  const preview = from && until && from < until ? `${formatWindow(from, until)} · in UTC ${utcText(from)} – ${utcText(until)}` : '';
  const publicComponents = state.publicComponents.value;

  return (
    <form
      class="maintenance-form"
      aria-label={maintenance ? `Edit “${maintenance.title}”` : 'New maintenance'}
      onSubmit={(e) => void form.submit(e)}
      onKeyDown={editorKeys((e) => void form.submit(e), onCancel)}
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
          value={values.title}
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
          value={values.body}
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
          <input
            type="datetime-local"
            id={id('start')}
            value={values.start}
            {...aria('start', id('times-hint'))}
            onInput={(e) => set('start', e.currentTarget.value)}
          />
          {error('start')}
        </div>
        <div class="field">
          <label for={id('end')}>Ends</label>
          <input
            type="datetime-local"
            id={id('end')}
            value={values.end}
            {...aria('end', id('times-hint'))}
            onInput={(e) => set('end', e.currentTarget.value)}
          />
          {error('end')}
        </div>
      </div>
      <p class="hint" id={id('times-hint')} aria-live="polite">
        In your zone ({localZoneName()}).{preview && ` ${preview}`}
      </p>
      <fieldset
        class="maintenance-form__components"
        id={id('components')}
        tabIndex={-1}
        aria-describedby={errorOf('componentIds') ? id('componentIds-error') : undefined}
      >
        <legend>Components under maintenance</legend>
        {publicComponents.length === 0 ? (
          <p class="hint">No public components: add them under Components.</p>
        ) : (
          publicComponents.map((c) => (
            <label class="inline" key={c.id}>
              <input
                type="checkbox"
                checked={values.componentIds.includes(c.id)}
                onChange={(e) => {
                  const ids = form.latest().componentIds;
                  set('componentIds', e.currentTarget.checked ? [...ids, c.id] : ids.filter((x) => x !== c.id));
                }}
              />
              {c.name}
            </label>
          ))
        )}
        {error('componentIds')}
      </fieldset>
      <ErrorBanner message={form.formError} />
      <FormActions class="maintenance-form__actions" save={maintenance ? 'Save' : 'Schedule'} busy={form.busy} onCancel={onCancel} cancel="Discard" />
    </form>
  );
}
