import { useSignal } from '@preact/signals';
import type { NewIncident, Severity } from '../../model';
import { SeveritySelect } from './severity-select';

/** Declares an incident in two fields: what is wrong, and how bad. */
export function DeclareForm({ onDeclare, autoFocus = false }: { onDeclare(input: NewIncident): Promise<unknown>; autoFocus?: boolean }) {
  const title = useSignal('');
  const severity = useSignal<Severity>('SEV3');
  const busy = useSignal(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!title.value.trim() || busy.value) return;
    busy.value = true;
    try {
      if (await onDeclare({ title: title.value.trim(), severity: severity.value })) title.value = '';
    } finally {
      busy.value = false;
    }
  }

  return (
    <form class="declare-form" onSubmit={(e) => void submit(e)} aria-label="Declare an incident">
      <div class="field">
        <label for="declare-title">What is wrong?</label>
        <input
          id="declare-title"
          required
          maxLength={200}
          autoFocus={autoFocus}
          placeholder="Checkout returns 502 for EU customers"
          value={title.value}
          onInput={(e) => (title.value = e.currentTarget.value)}
        />
      </div>
      <SeveritySelect id="declare-severity" value={severity.value} onChange={(v) => (severity.value = v)} />
      <button type="submit" class="primary" disabled={busy.value || !title.value.trim()}>
        Declare incident
      </button>
    </form>
  );
}
