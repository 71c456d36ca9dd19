import { useSignal } from '@preact/signals';
import { isOverdue } from '../../../db/action-items-repo';
import { ACTION_ITEM_KIND_LABELS, ACTION_ITEM_STATUS_LABELS, ActionItemKind, ActionItemStatus, type ActionItem } from '../../../model';
import { actionItemFormValuesOf, EMPTY_ACTION_ITEM, type ActionItemFormValues, type IncidentActionItemsState } from '../../state/action-items-state';
import { ErrorBanner } from '../error-banner';

interface Props {
  state: IncidentActionItemsState;
}

/** A ticket link shown as a link only when it is http(s) (the model allows nothing else, but it is said twice). */
export function TicketLink({ url }: { url?: string }) {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      ticket
    </a>
  );
}

/**
 * One incident's action items, for the post-mortem editor: each with its kind, owner, due date,
 * status and ticket; add, edit and delete in place. Items land in the backlog across incidents.
 */
export function IncidentActionItems({ state }: Props) {
  const editing = useSignal<string | null>(null);
  const items = state.items.value;
  const today = state.today();

  return (
    <section class="action-items" aria-labelledby="action-items-heading">
      <h3 id="action-items-heading">Action items</h3>
      <ErrorBanner message={state.problem.value ?? state.loadError.value?.message} />
      {!items ? (
        <p class="hint">Loading…</p>
      ) : items.length === 0 ? (
        <p class="hint">No action items yet: the hotfix done now, and the real fix tracked as technical debt.</p>
      ) : (
        <ul class="action-items__list" aria-label="Action items of this incident">
          {items.map((item) =>
            editing.value === item.id ? (
              <li key={item.id}>
                <ActionItemForm
                  idPrefix={`action-item-${item.id}`}
                  initial={actionItemFormValuesOf(item)}
                  submitLabel="Save"
                  onSubmit={async (values) => {
                    if (await state.update(item.id, values)) editing.value = null;
                  }}
                  onCancel={() => (editing.value = null)}
                />
              </li>
            ) : (
              <li key={item.id} class="action-item" data-status={item.status}>
                <ItemSummary item={item} overdue={isOverdue(item, today)} />
                <div class="action-item__actions">
                  <button type="button" aria-label={`Edit “${item.text}”`} disabled={editing.value !== null} onClick={() => (editing.value = item.id)}>
                    Edit
                  </button>
                  <button type="button" class="danger" aria-label={`Delete “${item.text}”`} onClick={() => void state.remove(item.id)}>
                    Delete
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {editing.value === 'new' ? (
        <ActionItemForm
          idPrefix="action-item-new"
          initial={EMPTY_ACTION_ITEM}
          submitLabel="Add action item"
          onSubmit={async (values) => {
            if (await state.add(values)) editing.value = null;
          }}
          onCancel={() => (editing.value = null)}
        />
      ) : (
        <button type="button" id="action-item-add" disabled={editing.value !== null} onClick={() => (editing.value = 'new')}>
          Add action item
        </button>
      )}
    </section>
  );
}

export function ItemSummary({ item, overdue }: { item: ActionItem; overdue: boolean }) {
  return (
    <div class="action-item__summary">
      <span class="action-item__text">{item.text}</span> <span class="badge">{ACTION_ITEM_KIND_LABELS[item.kind]}</span>{' '}
      <span class="badge">{ACTION_ITEM_STATUS_LABELS[item.status]}</span>
      {item.owner && <span class="action-item__owner"> · {item.owner}</span>}
      {item.due && (
        <span class={overdue ? 'action-item__due overdue' : 'action-item__due'}>
          {' '}
          · due <time dateTime={item.due}>{item.due}</time>
          {overdue && <strong> (overdue)</strong>}
        </span>
      )}
      {item.ticketUrl && (
        <>
          {' '}
          · <TicketLink url={item.ticketUrl} />
        </>
      )}
    </div>
  );
}

interface FormProps {
  idPrefix: string;
  initial: ActionItemFormValues;
  submitLabel: string;
  onSubmit(values: ActionItemFormValues): Promise<void>;
  onCancel(): void;
}

/** Adds or edits one item; a refused save (shown above the list) keeps everything typed. */
function ActionItemForm({ idPrefix, initial, submitLabel, onSubmit, onCancel }: FormProps) {
  const values = useSignal<ActionItemFormValues>(initial);
  const set = (patch: Partial<ActionItemFormValues>) => (values.value = { ...values.value, ...patch });
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <form
      class="action-item-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(values.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <label for={id('text')}>What must be done</label>
      <textarea id={id('text')} rows={2} required value={values.value.text} onInput={(e) => set({ text: e.currentTarget.value })} autoFocus />
      <label for={id('kind')}>Kind</label>
      <select id={id('kind')} value={values.value.kind} onChange={(e) => set({ kind: ActionItemKind.parse(e.currentTarget.value) })}>
        {ActionItemKind.options.map((k) => (
          <option key={k} value={k}>
            {ACTION_ITEM_KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <label for={id('owner')}>Owner</label>
      <input id={id('owner')} value={values.value.owner} onInput={(e) => set({ owner: e.currentTarget.value })} />
      <label for={id('due')}>Due</label>
      <input id={id('due')} type="date" value={values.value.due} onInput={(e) => set({ due: e.currentTarget.value })} />
      <label for={id('status')}>Status</label>
      <select id={id('status')} value={values.value.status} onChange={(e) => set({ status: ActionItemStatus.parse(e.currentTarget.value) })}>
        {ActionItemStatus.options.map((s) => (
          <option key={s} value={s}>
            {ACTION_ITEM_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <label for={id('ticket')}>Ticket link</label>
      <input id={id('ticket')} type="url" placeholder="https://…" value={values.value.ticketUrl} onInput={(e) => set({ ticketUrl: e.currentTarget.value })} />
      <div class="form-actions">
        <button type="submit" class="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
