import { COMPONENT_STATUS_LABELS, type ComponentStatus } from '../../model';
import type { StatusIndicator } from '../schema';

/** Statuspage's words for the overall indicator, as its own pages and `status.json` say them. */
export const INDICATOR_DESCRIPTIONS: Record<StatusIndicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
  maintenance: 'Service Under Maintenance',
};

/** The tone (colour) of a component state: the indicator it amounts to, as in the widget. */
export const STATUS_TONES: Record<ComponentStatus, StatusIndicator> = {
  operational: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
  under_maintenance: 'maintenance',
};

export const componentStatusLabel = (status: ComponentStatus): string => COMPONENT_STATUS_LABELS[status];

const IMPACT_LABELS: Record<string, string> = {
  none: 'No impact',
  minor: 'Minor impact',
  major: 'Major impact',
  critical: 'Critical impact',
  maintenance: 'Maintenance',
};

export const impactLabel = (impact: string): string => IMPACT_LABELS[impact] ?? impact;

/** `in_progress` → `In progress`: Statuspage's status words, readable. */
export function statusLabel(status: string): string {
  const words = status.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A component change as a reader sees it: `API: Operational → Major outage`, or `API: Operational` when unchanged. */
export function changeText(c: { name: string; old_status: ComponentStatus; new_status: ComponentStatus }): string {
  const now = componentStatusLabel(c.new_status);
  return c.old_status === c.new_status ? `${c.name}: ${now}` : `${c.name}: ${componentStatusLabel(c.old_status)} → ${now}`;
}
