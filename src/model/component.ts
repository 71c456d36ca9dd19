import * as z from 'zod';
import { Instant } from './instant';

/**
 * A component of the service: what status pages list and what clips are tagged with. Shared by
 * capture (URL patterns tag clips) and the status feed (components and their status).
 */
export const Component = z.strictObject({
  id: z.uuid(),
  name: z.string().trim().min(1, 'A component needs a name').max(100),
  /** The team that owns it: "this came from Payments, owned by team X". */
  owner: z.string().trim().max(100),
  /** Optional group on the status page ("API", "Web"). */
  group: z.string().trim().max(100).optional(),
  /**
   * Dashboard URL patterns: `*` matches any run of characters, e.g.
   * `https://grafana.example.com/d/abc123/*` or `*\/d/payments-*`. Matched against the full URL.
   */
  dashboardPatterns: z.array(z.string().trim().min(1).max(2000)).max(50),
  updatedAt: Instant,
});
export type Component = z.infer<typeof Component>;
