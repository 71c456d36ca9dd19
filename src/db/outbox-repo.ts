import { NotifyJob, OutboxJob, PublishJob, PublishResult, toInstant } from '../model';
import type { SitrepDb } from './database';

const jobId = (targetId: string) => `publish:${targetId}`;

/**
 * Asks for the site to be published to each target. Durable: the job is in the database before
 * this returns, so a closed popup or a restarted worker loses nothing. A job already waiting
 * (even in backoff) is made due now: the person asked again.
 */
export async function requestPublish(db: SitrepDb, targetIds: readonly string[], now = new Date()): Promise<void> {
  const at = toInstant(now);
  await db.transaction('rw', db.outbox, db.publishResults, async () => {
    for (const targetId of targetIds) {
      const current = await db.outbox.get(jobId(targetId));
      await db.outbox.put(PublishJob.parse({ id: jobId(targetId), kind: 'publish', targetId, requestedAt: at, dueAt: at, attempts: current?.attempts ?? 0 }));
      const result = await db.publishResults.get(targetId);
      if (result?.state !== 'publishing') {
        await db.publishResults.put(
          PublishResult.parse({ ...result, targetId, state: 'pending', at, message: 'Waiting to publish', nextAttemptAt: undefined }),
        );
      }
    }
  });
}

/** The result row of a notifier (they share the table with targets). */
export const notifierResultId = (notifierId: string) => `notifier:${notifierId}`;

/**
 * Asks for each notifier to be told about an update, inside the caller's transaction when there is
 * one. A job that exists already is left as it is: one update is told to one notifier once.
 */
export async function requestNotify(db: SitrepDb, notifierIds: readonly string[], updateId: string, now = new Date()): Promise<void> {
  const at = toInstant(now);
  await db.transaction('rw', db.outbox, async () => {
    for (const notifierId of notifierIds) {
      const id = `notify:${notifierId}:${updateId}`;
      if (await db.outbox.get(id)) continue;
      await db.outbox.add(NotifyJob.parse({ id, kind: 'notify', notifierId, updateId, requestedAt: at, dueAt: at, attempts: 0 }));
    }
  });
}

/** Jobs due at `now`, oldest due first. */
export function dueJobs(db: SitrepDb, now = new Date()): Promise<OutboxJob[]> {
  return db.outbox.where('dueAt').belowOrEqual(toInstant(now)).toArray();
}

/** When the next job falls due, if any waits. */
export async function nextDueAt(db: SitrepDb): Promise<string | undefined> {
  return (await db.outbox.orderBy('dueAt').first())?.dueAt;
}

/**
 * A job was sent. It leaves the outbox unless someone asked again while it was being sent: then
 * it stays, due now, so the newer state goes out too.
 */
export async function completeJob(db: SitrepDb, job: OutboxJob): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const current = await db.outbox.get(job.id);
    if (current && current.requestedAt === job.requestedAt) await db.outbox.delete(job.id);
    else if (current) await db.outbox.put({ ...current, attempts: 0 });
  });
}

/** A job failed: it stays, due again at `retryAt`. */
export async function deferJob(db: SitrepDb, job: OutboxJob, retryAt: Date): Promise<OutboxJob> {
  return db.transaction('rw', db.outbox, async () => {
    const current = (await db.outbox.get(job.id)) ?? job;
    // Asked again during the failed attempt: try again now rather than after the backoff.
    const asked = current.requestedAt !== job.requestedAt;
    const next = OutboxJob.parse({ ...current, attempts: current.attempts + 1, dueAt: asked ? current.dueAt : toInstant(retryAt) });
    await db.outbox.put(next);
    return next;
  });
}

/** Makes every waiting job due now (Retry now; the target's settings changed). */
export async function retryAllNow(db: SitrepDb, now = new Date()): Promise<number> {
  const at = toInstant(now);
  return db.outbox.toCollection().modify({ dueAt: at });
}

export function getPublishResult(db: SitrepDb, targetId: string): Promise<PublishResult | undefined> {
  return db.publishResults.get(targetId);
}

export function listPublishResults(db: SitrepDb): Promise<PublishResult[]> {
  return db.publishResults.toArray();
}

/** Records a target's result; what the patch leaves out is kept (the file hashes, say). */
export async function recordPublishResult(db: SitrepDb, targetId: string, patch: Omit<Partial<PublishResult>, 'targetId'>): Promise<PublishResult> {
  return db.transaction('rw', db.publishResults, async () => {
    const current = await db.publishResults.get(targetId);
    const next = PublishResult.parse(stripUndefined({ ...current, ...patch, targetId }));
    await db.publishResults.put(next);
    return next;
  });
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
