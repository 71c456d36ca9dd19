import { useSignal } from '@preact/signals';
import * as z from 'zod';
import { Severity, STAKEHOLDER_CHANNEL_LABELS, StakeholderChannel, QUADRANT_LABELS, quadrantOf, type Level, type Stakeholder } from '../../../model';
import type { StakeholderInput } from '../../../db/stakeholders-repo';
import { ErrorBanner } from '../error-banner';

interface Props {
  stakeholder?: Stakeholder;
  onSave(input: StakeholderInput): Promise<void>;
  onCancel(): void;
}

/** Adds or edits one stakeholder: who, where on the grid, how they are reached, from which severity. */
export function StakeholderForm({ stakeholder, onSave, onCancel }: Props) {
  const prefix = `stakeholder-${stakeholder?.id ?? 'new'}`;
  const name = useSignal(stakeholder?.name ?? '');
  const power = useSignal<Level>(stakeholder?.power ?? 'low');
  const interest = useSignal<Level>(stakeholder?.interest ?? 'high');
  const channels = useSignal<readonly StakeholderChannel[]>(stakeholder?.channels ?? ['email']);
  const reach = useSignal(stakeholder?.reach ?? '');
  const fromSeverity = useSignal<Severity>(stakeholder?.fromSeverity ?? 'SEV2');
  const error = useSignal<string | undefined>(undefined);
  const busy = useSignal(false);

  async function submit() {
    if (busy.value) return;
    busy.value = true;
    try {
      await onSave({
        ...(stakeholder && { id: stakeholder.id }),
        name: name.value,
        power: power.value,
        interest: interest.value,
        // In the register's order of channels, whatever order they were ticked in.
        channels: StakeholderChannel.options.filter((c) => channels.value.includes(c)),
        reach: reach.value,
        fromSeverity: fromSeverity.value,
      });
      error.value = undefined;
    } catch (e) {
      error.value = e instanceof z.ZodError ? e.issues.map((i) => i.message).join('\n') : e instanceof Error ? e.message : String(e);
    } finally {
      busy.value = false;
    }
  }

  const level = (id: string, label: string, value: Level, set: (v: Level) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.currentTarget.value as Level)}>
        <option value="high">High</option>
        <option value="low">Low</option>
      </select>
    </div>
  );

  return (
    <form
      class="stakeholder-form"
      aria-label={stakeholder ? `Edit ${stakeholder.name}` : 'New stakeholder'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div class="field">
        <label for={`${prefix}-name`}>Name</label>
        <input id={`${prefix}-name`} maxLength={100} placeholder="Finance team" value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
      </div>
      {level(`${prefix}-power`, 'Power', power.value, (v) => (power.value = v))}
      {level(`${prefix}-interest`, 'Interest', interest.value, (v) => (interest.value = v))}
      <p class="hint" data-testid="stakeholder-quadrant">
        {QUADRANT_LABELS[quadrantOf({ power: power.value, interest: interest.value })]}
      </p>
      <fieldset>
        <legend>Reached by</legend>
        {StakeholderChannel.options.map((channel) => (
          <label key={channel} class="checkbox">
            <input
              type="checkbox"
              id={`${prefix}-channel-${channel}`}
              checked={channels.value.includes(channel)}
              onChange={(e) => (channels.value = e.currentTarget.checked ? [...channels.value, channel] : channels.value.filter((c) => c !== channel))}
            />
            {STAKEHOLDER_CHANNEL_LABELS[channel]}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for={`${prefix}-reach`}>Addresses, channels or people</label>
        <input
          id={`${prefix}-reach`}
          maxLength={1000}
          placeholder="#incidents, leadership@example.com"
          value={reach.value}
          onInput={(e) => (reach.value = e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${prefix}-severity`}>Must hear from</label>
        <select id={`${prefix}-severity`} value={fromSeverity.value} onChange={(e) => (fromSeverity.value = e.currentTarget.value as Severity)}>
          {Severity.options.map((s) => (
            <option key={s} value={s}>
              {s === 'SEV1' ? 'SEV1 only' : `${s} and more severe`}
            </option>
          ))}
        </select>
      </div>
      <ErrorBanner message={error.value} />
      <div class="stakeholder-form__actions">
        <button type="submit" class="primary" disabled={busy.value}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
