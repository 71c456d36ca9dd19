import * as z from 'zod';
import { Severity } from './severity';

/** The status site: what it is called, where readers find it, how much history it keeps. */
export const SiteSettings = z.strictObject({
  /** Stable id of the page in the Statuspage documents (`page.id`). */
  pageId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().trim().min(1, 'The status page needs a name').max(255),
  /** IANA zone named in the feed (`page.time_zone`); the page itself shows the reader's own. */
  timeZone: z.string().min(1).max(64),
  /** Days of history on the page and in the feeds. */
  historyDays: z.int().min(7, 'Keep at least 7 days of history').max(365, 'At most 365 days of history'),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

/**
 * The embedded host as a publish target. Its token is a secret and is stored apart, in
 * `storage.local` only (see `src/publish/target-store.ts`).
 */
export const HostTarget = z.strictObject({
  kind: z.literal('host'),
  id: z.string().min(1).max(64),
  /** The host's base URL; the site is served from here, and published to it. */
  url: z.url({ protocol: /^https?$/, error: 'The host URL starts with http:// or https://' }).max(2048),
});
export type HostTarget = z.infer<typeof HostTarget>;

/** How often customers must hear from us while an incident is open. */
export const UpdateCadence = z.strictObject({
  /** Minutes from declaring to the first public update. */
  firstMinutes: z.int().min(1).max(24 * 60),
  /** Minutes between public updates while unresolved, per severity. */
  everyMinutes: z.record(Severity, z.int().min(1).max(7 * 24 * 60)),
});
export type UpdateCadence = z.infer<typeof UpdateCadence>;

export const DEFAULT_CADENCE: UpdateCadence = {
  firstMinutes: 5,
  everyMinutes: { SEV1: 30, SEV2: 30, SEV3: 30, SEV4: 30, SEV5: 30 },
};
