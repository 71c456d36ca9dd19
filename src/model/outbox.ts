import * as z from 'zod';
import { Instant } from './instant';

const jobFields = {
  /** The last time someone asked for it; a request that arrives mid-send sends again. */
  requestedAt: Instant,
  /** Not before this time (backoff after a failure). */
  dueAt: Instant,
  /** Failed attempts in a row. */
  attempts: z.int().min(0),
};

/**
 * Publish the site to a target. One job per target, coalesced: a publish always sends the whole
 * site as the log stands when it runs, so later updates ride along with earlier ones and arrive
 * in order.
 */
export const PublishJob = z.strictObject({
  /** `publish:<targetId>`. */
  id: z.string().min(1).max(200),
  kind: z.literal('publish'),
  targetId: z.string().min(1).max(64),
  ...jobFields,
});
export type PublishJob = z.infer<typeof PublishJob>;

/**
 * Tell one notifier about one status update. The id (`notify:<notifierId>:<updateId>`) is the
 * idempotency key: asking twice never makes a second job, so nobody is told twice.
 */
export const NotifyJob = z.strictObject({
  id: z.string().min(1).max(200),
  kind: z.literal('notify'),
  notifierId: z.string().min(1).max(64),
  updateId: z.uuid(),
  ...jobFields,
});
export type NotifyJob = z.infer<typeof NotifyJob>;

/** Work the background owes: it leaves the outbox only once done. */
export const OutboxJob = z.discriminatedUnion('kind', [PublishJob, NotifyJob]);
export type OutboxJob = z.infer<typeof OutboxJob>;

export const PublishState = z.enum(['pending', 'publishing', 'published', 'retrying', 'failed']);
export type PublishState = z.infer<typeof PublishState>;

/** A target's (or a notifier's: `notifier:<id>`) last result, in words, for the popup and settings. */
export const PublishResult = z.strictObject({
  targetId: z.string().min(1).max(80),
  state: PublishState,
  /** When this state began (published: when the site was written). */
  at: Instant,
  /** One sentence a responder can act on; never holds a secret. */
  message: z.string().max(500),
  /** When the next attempt runs, while retrying. */
  nextAttemptAt: Instant.optional(),
  /** When the site was last written whole. */
  publishedAt: Instant.optional(),
  /** Hashes of the files as last written, so unchanged ones are not sent again. */
  written: z.record(z.string(), z.string()).optional(),
  /** The ETag of sitrep-site.json as we last wrote it: anything else means another publisher wrote. */
  stateEtag: z.string().max(200).optional(),
});
export type PublishResult = z.infer<typeof PublishResult>;
