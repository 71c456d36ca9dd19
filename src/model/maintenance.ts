import * as z from 'zod';
import { Instant } from './instant';

/**
 * Scheduled maintenance: a window announced ahead, in which its components are under
 * maintenance. Its status follows the clock (scheduled → in progress → completed) unless it is
 * completed early or cancelled.
 */
export const Maintenance = z
  .strictObject({
    id: z.uuid(),
    title: z.string().trim().min(1, 'A maintenance needs a title').max(255),
    body: z.string().trim().min(1, 'Say what the maintenance does and what customers will notice').max(25_000),
    componentIds: z.array(z.uuid()).max(100),
    scheduledFor: Instant,
    scheduledUntil: Instant,
    /** Finished before its window ended. */
    completedAt: Instant.optional(),
    /** Called off: published as completed with a note, never silently dropped. */
    cancelledAt: Instant.optional(),
    author: z.string().max(200),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .refine((m) => m.scheduledFor < m.scheduledUntil, { path: ['scheduledUntil'], message: 'The window must end after it starts' });
export type Maintenance = z.infer<typeof Maintenance>;

export type MaintenanceStatus = 'scheduled' | 'in_progress' | 'completed';

/** Where a maintenance stands at `now`: the clock moves it unless it was ended early. */
export function maintenanceStatus(m: Maintenance, now: Date): MaintenanceStatus {
  const t = now.toISOString();
  if (m.cancelledAt || m.completedAt || t >= m.scheduledUntil) return 'completed';
  return t >= m.scheduledFor ? 'in_progress' : 'scheduled';
}

/** When a maintenance next changes status by itself (start or end), if it still will. */
export function nextMaintenanceTransition(m: Maintenance, now: Date): string | undefined {
  const t = now.toISOString();
  if (m.cancelledAt || m.completedAt) return undefined;
  if (t < m.scheduledFor) return m.scheduledFor;
  if (t < m.scheduledUntil) return m.scheduledUntil;
  return undefined;
}
