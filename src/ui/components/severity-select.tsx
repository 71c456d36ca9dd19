import { SEVERITY_DEFINITIONS, Severity, severityName } from '../../model';

interface Props {
  id: string;
  value: Severity;
  onChange(value: Severity): void;
}

/** Severity picker that always shows what the chosen level means. */
export function SeveritySelect({ id, value, onChange }: Props) {
  return (
    <div class="field">
      <label for={id}>Severity</label>
      <select id={id} value={value} aria-describedby={`${id}-definition`} onChange={(e) => onChange(Severity.parse(e.currentTarget.value))}>
        {Severity.options.map((s) => (
          <option key={s} value={s}>
            {s} — {severityName(s)}
          </option>
        ))}
      </select>
      <p id={`${id}-definition`} class="hint">
        {SEVERITY_DEFINITIONS[value]}
      </p>
    </div>
  );
}
