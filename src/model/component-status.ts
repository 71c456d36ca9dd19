import * as z from 'zod';

/** A component's state, as Statuspage names it; what status updates and maintenance set. */
export const ComponentStatus = z.enum(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']);
export type ComponentStatus = z.infer<typeof ComponentStatus>;

export const COMPONENT_STATUS_LABELS: Record<ComponentStatus, string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
};
