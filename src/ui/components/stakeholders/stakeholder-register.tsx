import { useSignal } from '@preact/signals';
import { QUADRANT_LABELS, STAKEHOLDER_CHANNEL_LABELS, quadrantOf, type Stakeholder } from '../../../model';
import type { StakeholdersState } from '../../state/stakeholders-state';
import { useListEditing } from '../../hooks/use-list-editing';
import { ConfirmChoice } from '../confirm-choice';
import { ErrorBanner } from '../error-banner';
import { PowerInterestGrid } from './power-interest-grid';
import { StakeholderForm } from './stakeholder-form';

/**
 * The stakeholder register: who must hear about incidents, placed on the power/interest grid that
 * says how to treat them, how they are reached and from which severity. Each status update's
 * communication checklist is drawn from it.
 */
export function StakeholderRegister({ state }: { state: StakeholdersState }) {
  const list = useListEditing();
  const confirming = useSignal<string | null>(null);
  const stakeholders = state.stakeholders.value;
  const problem = state.loadError.value
    ? `Could not read the stakeholders: ${state.loadError.value.message}`
    : (list.problem ?? (state.seedError.value && `Could not write the default stakeholders: ${state.seedError.value.message}`));

  const row = (s: Stakeholder, index: number, count: number) => (
    <li key={s.id} class="stakeholder-item" data-testid="stakeholder">
      <div class="stakeholder-item__head">
        <strong>{s.name}</strong> <span class="badge">{QUADRANT_LABELS[quadrantOf(s)]}</span>{' '}
        <span class="badge">{s.fromSeverity === 'SEV1' ? 'SEV1 only' : `from ${s.fromSeverity}`}</span>
      </div>
      <p class="hint">
        {s.channels.map((c) => STAKEHOLDER_CHANNEL_LABELS[c]).join(', ')}
        {s.reach && ` · ${s.reach}`}
      </p>
      {confirming.value === s.id ? (
        <ConfirmChoice
          class="stakeholder-item__actions"
          label={`Delete ${s.name}?`}
          confirm="Delete"
          onConfirm={() =>
            void list
              .attempt(() => state.remove(s.id), `Could not delete ${s.name}`)
              .then((ok) => {
                if (ok) confirming.value = null;
              })
          }
          keep="Keep"
          keepId={`stakeholder-keep-${s.id}`}
          onKeep={() => (confirming.value = null)}
        >
          Delete {s.name}? Entries saying they were told stay on the timelines.
        </ConfirmChoice>
      ) : (
        <div class="stakeholder-item__actions">
          <button
            type="button"
            aria-label={`Move ${s.name} up`}
            disabled={index === 0}
            onClick={() => void list.attempt(() => state.move(s.id, -1), `Could not move ${s.name}`)}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={`Move ${s.name} down`}
            disabled={index === count - 1}
            onClick={() => void list.attempt(() => state.move(s.id, 1), `Could not move ${s.name}`)}
          >
            ↓
          </button>
          <button type="button" id={`stakeholder-edit-${s.id}`} aria-label={`Edit ${s.name}`} disabled={list.editing !== null} onClick={() => list.open(s.id)}>
            Edit
          </button>
          <button type="button" class="danger" aria-label={`Delete ${s.name}`} onClick={() => (confirming.value = s.id)}>
            Delete
          </button>
        </div>
      )}
    </li>
  );

  return (
    <section class="stakeholder-register" aria-labelledby="stakeholders-heading">
      <h2 id="stakeholders-heading">Stakeholders</h2>
      <p class="hint">Who must hear about an incident, and how. Each status update lists those its severity reaches, and what is still owed.</p>
      <ErrorBanner message={problem} />
      {stakeholders === undefined ? (
        <p class="hint">Loading…</p>
      ) : (
        <>
          <PowerInterestGrid stakeholders={stakeholders} />
          {stakeholders.length ? (
            <ul class="stakeholder-list" aria-label="Stakeholders">
              {stakeholders.map((s, i) =>
                list.editing === s.id ? (
                  <li key={s.id}>
                    <StakeholderForm
                      stakeholder={s}
                      onSave={async (input) => {
                        await state.save(input);
                        list.close(`stakeholder-edit-${s.id}`);
                      }}
                      onCancel={() => list.close(`stakeholder-edit-${s.id}`)}
                    />
                  </li>
                ) : (
                  row(s, i, stakeholders.length)
                ),
              )}
            </ul>
          ) : (
            <p class="hint">Nobody yet: updates owe no one but the status page.</p>
          )}
        </>
      )}
      {list.editing === 'new' ? (
        <StakeholderForm
          onSave={async (input) => {
            await state.save(input);
            list.close('stakeholder-add');
          }}
          onCancel={() => list.close('stakeholder-add')}
        />
      ) : (
        <button type="button" id="stakeholder-add" disabled={list.editing !== null} onClick={() => list.open('new')}>
          Add a stakeholder
        </button>
      )}
    </section>
  );
}
