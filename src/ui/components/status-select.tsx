import { IncidentStatus, STATUS_LABELS } from '../../model';

interface Props {
  id: string;
  value: IncidentStatus;
  onChange(value: IncidentStatus): void;
}

/** Investigating → identified → monitoring → resolved, as status pages name them. */
export function StatusSelect({ id, value, onChange }: Props) {
  return (
    <div class="field">
      <label for={id}>Status</label>
      <select id={id} value={value} onChange={(e) => onChange(IncidentStatus.parse(e.currentTarget.value))}>
        {IncidentStatus.options.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
    </div>
  );
}
