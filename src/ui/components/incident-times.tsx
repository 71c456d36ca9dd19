import { useSignal } from '@preact/signals';
import { useContext } from 'preact/hooks';
import { earliestEntryAt, type IncidentPatch } from '../../db/incidents-repo';
import type { Incident, TimeDisplay } from '../../model';
import { formatClockSeconds, formatDay, fromDateTimeInput, toDateTimeInput } from '../format-time';
import { useLiveQuery } from '../hooks/use-live-query';
import { AppContext } from '../state/context';

type TimeField = 'startedAt' | 'detectedAt' | 'acknowledgedAt' | 'mitigatedAt';

/** In the order they happen: each must not be before the one above it. */
const FIELDS: { field: TimeField; id: string; label: string; required: boolean }[] = [
  { field: 'startedAt', id: 'incident-started', label: 'Started', required: true },
  { field: 'detectedAt', id: 'incident-detected', label: 'Detected', required: false },
  { field: 'acknowledgedAt', id: 'incident-acknowledged', label: 'Acknowledged', required: false },
  { field: 'mitigatedAt', id: 'incident-mitigated', label: 'Mitigated', required: false },
];

interface Props {
  incident: Incident;
  onUpdate(patch: IncidentPatch): void;
}

/**
 * When the incident started, was detected and acknowledged, editable: the start set at declaring
 * is when someone noticed, and the post-mortem needs when it began. Times are typed in the zone
 * the app shows (local or UTC) and stored as UTC instants; each field saves when left, so a time
 * typed part by part is logged once.
 */
export function IncidentTimes({ incident, onUpdate }: Props) {
  const app = useContext(AppContext);
  const mode: TimeDisplay = app?.log.settings.value.timeDisplay ?? 'local';
  const earliest = useEarliestEntryAt(incident.id);
  return (
    <fieldset class="incident-times">
      <legend>Times ({mode === 'utc' ? 'UTC' : 'local'})</legend>
      <p class="hint">Enter, or leaving the field, saves a time.</p>
      {FIELDS.map((f, i) => (
        <IncidentTimeInput
          // A new stored value (saved here, or elsewhere) replaces what the field shows.
          key={`${f.field}|${incident[f.field] ?? ''}|${mode}`}
          {...f}
          value={incident[f.field]}
          mode={mode}
          check={(iso) => orderProblem(incident, i, iso, mode)}
          onSave={(iso) => onUpdate({ [f.field]: iso })}
        />
      ))}
      {earliest && earliest < incident.startedAt && (
        <button type="button" class="incident-times__earliest" onClick={() => onUpdate({ startedAt: earliest })}>
          Use the earliest entry's time ({formatWhen(earliest, mode)})
        </button>
      )}
    </fieldset>
  );
}

interface InputProps {
  id: string;
  label: string;
  required: boolean;
  value: string | undefined;
  mode: TimeDisplay;
  check(iso: string | undefined): string | undefined;
  onSave(iso: string | undefined): void;
}

function IncidentTimeInput({ id, label, required, value, mode, check, onSave }: InputProps) {
  const text = useSignal(value ? toDateTimeInput(value, mode) : '');
  const problem = useSignal<string | undefined>(undefined);

  function commit() {
    const typed = text.value.trim();
    const iso = typed ? fromDateTimeInput(typed, mode) : undefined;
    if (typed && !iso) return void (problem.value = `${label}: that is not a date and time.`);
    if (!iso && required) return void (problem.value = `${label} needs a date and time.`);
    // Seconds the field does not show are kept: leaving a field unchanged changes nothing.
    if (iso === value || (iso && value && toDateTimeInput(iso, mode) === toDateTimeInput(value, mode))) {
      problem.value = undefined;
      return;
    }
    problem.value = check(iso);
    if (!problem.value) onSave(iso);
  }

  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        type="datetime-local"
        id={id}
        step={1}
        required={required}
        value={text.value}
        aria-invalid={problem.value ? true : undefined}
        aria-describedby={problem.value ? `${id}-error` : undefined}
        onInput={(e) => (text.value = e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      {problem.value && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {problem.value}
        </p>
      )}
    </div>
  );
}

/** Why `iso` cannot be the time at FIELDS[index]: it would come before an earlier step or after a later one. */
export function orderProblem(incident: Incident, index: number, iso: string | undefined, mode: TimeDisplay): string | undefined {
  if (!iso) return undefined;
  const steps = [...FIELDS.map((f) => ({ label: f.label, at: incident[f.field] })), { label: 'Resolved', at: incident.resolvedAt }];
  const name = steps[index]!.label;
  for (const before of steps.slice(0, index)) {
    if (before.at && iso < before.at) return `${name} cannot be before ${before.label.toLowerCase()} (${formatWhen(before.at, mode)}); change that first.`;
  }
  for (const after of steps.slice(index + 1)) {
    if (after.at && iso > after.at) return `${name} cannot be after ${after.label.toLowerCase()} (${formatWhen(after.at, mode)}); change that first.`;
  }
  return undefined;
}

/** `Sat, 28 Nov 2026 09:58:00`, and `UTC` when shown in UTC. */
function formatWhen(iso: string, mode: TimeDisplay): string {
  return `${formatDay(iso, mode)} ${formatClockSeconds(iso, mode)}${mode === 'utc' ? ' UTC' : ''}`;
}

/** The incident's earliest entry time, kept current as entries are added, backdated or deleted. */
function useEarliestEntryAt(incidentId: string): string | undefined {
  const db = useContext(AppContext)?.db;
  return useLiveQuery(db && (() => earliestEntryAt(db, incidentId)), [db, incidentId]);
}
