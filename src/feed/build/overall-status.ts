import type { Component as ComponentDoc, Incident as IncidentDoc, Status, StatusIndicator } from '../schema';
import { INDICATOR_DESCRIPTIONS } from './labels';

const IMPACT_ORDER: readonly StatusIndicator[] = ['none', 'minor', 'major', 'critical'];

/**
 * The page's overall status, as Statuspage decides it: an open incident speaks for the page (its
 * worst impact); otherwise a maintenance in progress; otherwise the components, as DESIGN.md
 * derives a feed's indicator from them (all operational → none, only maintenance → maintenance,
 * any degraded → minor, any partial or major outage → major, every one in major outage → critical).
 */
export function overallStatus(openIncidents: readonly IncidentDoc[], maintenanceInProgress: boolean, leaves: readonly ComponentDoc[]): Status {
  const indicator = fromIncidents(openIncidents) ?? (maintenanceInProgress ? 'maintenance' : fromComponents(leaves));
  return { indicator, description: INDICATOR_DESCRIPTIONS[indicator] };
}

function fromIncidents(incidents: readonly IncidentDoc[]): StatusIndicator | undefined {
  let worst = 0;
  for (const incident of incidents) worst = Math.max(worst, IMPACT_ORDER.indexOf(incident.impact));
  // Open incidents of no impact say nothing about the page: the next rule decides.
  return worst ? IMPACT_ORDER[worst] : undefined;
}

function fromComponents(leaves: readonly ComponentDoc[]): StatusIndicator {
  let degraded = false;
  let outage = false;
  let maintenance = false;
  let allMajor = leaves.length > 0;
  for (const c of leaves) {
    if (c.status !== 'major_outage') allMajor = false;
    if (c.status === 'degraded_performance') degraded = true;
    else if (c.status === 'partial_outage' || c.status === 'major_outage') outage = true;
    else if (c.status === 'under_maintenance') maintenance = true;
  }
  if (allMajor) return 'critical';
  if (outage) return 'major';
  if (degraded) return 'minor';
  return maintenance ? 'maintenance' : 'none';
}
