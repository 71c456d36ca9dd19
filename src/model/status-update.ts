import * as z from 'zod';
import { ComponentStatus } from './component-status';
import { IncidentStatus } from './incident';
import { Instant } from './instant';

/** A component's status as one update changed it. */
export const ComponentChange = z.strictObject({
  componentId: z.uuid(),
  /** The component's name when the update was written (the registry may rename it later). */
  name: z.string().trim().min(1).max(100),
  from: ComponentStatus,
  to: ComponentStatus,
});
export type ComponentChange = z.infer<typeof ComponentChange>;

/**
 * A public status update: what customers read on the status page, word for word. Kept in its own
 * table, apart from notes and clips, so only what was written for the public can be published.
 */
export const StatusUpdate = z.strictObject({
  id: z.uuid(),
  incidentId: z.uuid(),
  status: IncidentStatus,
  body: z.string().trim().min(1, 'A status update needs a message').max(25_000),
  components: z.array(ComponentChange).max(100),
  /** When it was posted; the status page shows it at this time. */
  at: Instant,
  author: z.string().max(200),
  updatedAt: Instant,
});
export type StatusUpdate = z.infer<typeof StatusUpdate>;
