import { isolatePlainText } from '../../capture/untrusted-text';
import { STATUS_LABELS, type Incident } from '../../model';

interface Props {
  incidents: readonly Incident[];
  activeId: string | undefined;
  onSwitch(id: string): void;
  label?: string;
}

/** Chooses which incident notes go to (popup) or which timeline is shown (side panel). */
export function IncidentSwitcher({ incidents, activeId, onSwitch, label = 'Incident' }: Props) {
  if (!incidents.length) return null;
  return (
    <div class="field">
      <label for="incident-switcher">{label}</label>
      <select id="incident-switcher" value={activeId ?? ''} onChange={(e) => onSwitch(e.currentTarget.value)}>
        {!activeId && <option value="">Choose an incident…</option>}
        {incidents.map((i) => (
          <option key={i.id} value={i.id}>
            {i.key} · {i.severity} · {STATUS_LABELS[i.status]} — {isolatePlainText(i.title)}
          </option>
        ))}
      </select>
    </div>
  );
}
