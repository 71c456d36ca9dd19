import * as z from 'zod';
import { ComponentStatus } from './component-status';
import { Instant } from './instant';

/** Where to reach someone: an on-call page, a chat channel (http/https) or an address (mailto:). */
export const ContactUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      return /^(https?|mailto):$/.test(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'A link to reach them: https://… (on-call page, chat) or mailto:…');

/** Who to escalate to when the component is in trouble, and how to reach them. */
export const EscalationContact = z.strictObject({
  name: z.string().trim().min(1, 'Name who to escalate to').max(100),
  reach: ContactUrl,
});
export type EscalationContact = z.infer<typeof EscalationContact>;

/**
 * A component of the service: what status pages list and what clips are tagged with. Shared by
 * capture (URL patterns tag clips) and the status feed (components and their status).
 */
export const Component = z.strictObject({
  id: z.uuid(),
  name: z.string().trim().min(1, 'A component needs a name').max(100),
  /** Shown under the name on the status page. */
  description: z.string().trim().max(1000),
  /** The team that owns it: "this came from Payments, owned by team X". */
  owner: z.string().trim().max(100),
  escalation: EscalationContact.optional(),
  /** Optional group on the status page ("API", "Web"). */
  group: z.string().trim().max(100).optional(),
  /** Position on the status page, smallest first (then by name). */
  order: z.int().min(0).max(10_000),
  /** Listed on the public status page; internal components only tag clips. */
  public: z.boolean(),
  /** Its state now, as the last status update or maintenance set it. */
  status: ComponentStatus,
  /**
   * Dashboard URL patterns: `*` matches any run of characters, e.g.
   * `https://grafana.example.com/d/abc123/*` or `*\/d/payments-*`. Matched against the full URL.
   */
  dashboardPatterns: z.array(z.string().trim().min(1).max(2000)).max(50),
  updatedAt: Instant,
});
export type Component = z.infer<typeof Component>;

/** What a component written before publishing existed lacks (Dexie v3 and backup v3 upgrades). */
export const COMPONENT_DEFAULTS = { description: '', order: 0, public: true, status: 'operational' } as const satisfies Partial<Component>;

/** Status page order: by `order`, then by name. */
export function compareComponents(a: Component, b: Component): number {
  return a.order - b.order || a.name.localeCompare(b.name);
}
