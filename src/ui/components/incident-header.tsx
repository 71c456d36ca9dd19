import type { Incident } from '../../model';
import type { IncidentPatch } from '../../db/incidents-repo';
import { SeveritySelect } from './severity-select';
import { StatusSelect } from './status-select';
import { IncidentCard } from './incident-card';
import { IncidentTimes } from './incident-times';

/**
 * The incident manager's controls: severity, status, impact, who runs the response and when it
 * started, was detected and acknowledged. Every change is logged on the timeline.
 */
export function IncidentHeader({
  incident,
  onUpdate,
  detailsOpen,
  onDetailsToggle,
}: {
  incident: Incident;
  onUpdate(patch: IncidentPatch): void;
  /** "Incident details" open or shut; left to the browser when not given. */
  detailsOpen?: boolean;
  onDetailsToggle?(open: boolean): void;
}) {
  return (
    <section class="incident-header">
      <IncidentCard incident={incident} />
      <details open={detailsOpen} onToggle={(e) => onDetailsToggle?.(e.currentTarget.open)}>
        <summary>Incident details</summary>
        <div class="incident-header__fields">
          <SeveritySelect id="incident-severity" value={incident.severity} onChange={(severity) => onUpdate({ severity })} />
          <StatusSelect id="incident-status" value={incident.status} onChange={(status) => onUpdate({ status })} />
          <div class="field">
            <label for="incident-manager">Incident manager</label>
            <input id="incident-manager" defaultValue={incident.manager} onChange={(e) => onUpdate({ manager: e.currentTarget.value.trim() })} />
          </div>
          <div class="field">
            <label for="incident-impact">Customer impact</label>
            <textarea id="incident-impact" rows={2} defaultValue={incident.impact} onChange={(e) => onUpdate({ impact: e.currentTarget.value })} />
          </div>
          <IncidentTimes incident={incident} onUpdate={onUpdate} />
        </div>
      </details>
    </section>
  );
}
