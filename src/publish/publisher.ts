import {
  addEntry,
  completeJob,
  deferJob,
  dueJobs,
  getPublishResult,
  listMaintenances,
  nextDueAt,
  notifierResultId,
  readPublishableLog,
  recordPublishResult,
  requestPublish,
  retryAllNow,
  type SitrepDb,
} from '../db';
import { buildSite, selectPublic, type SiteFile } from '../feed/build';
import {
  STATUS_LABELS,
  nextMaintenanceTransition,
  siteUrlOf,
  toInstant,
  type Notification,
  type Notifier,
  type NotifyJob,
  type PublishJob,
  type PublishTarget,
} from '../model';
import { retryDelayMs } from './backoff';
import { publishSite } from './publish-site';
import { PublishError, type Target } from './target';
import { notifierSecretKey, type Publishing } from './target-store';

/** The alarm that wakes the worker when a retry falls due. */
export const OUTBOX_ALARM = 'sitrep-outbox';
/** The alarm that republishes when a maintenance starts or ends by the clock. */
export const MAINTENANCE_ALARM = 'sitrep-maintenance';

/** After this many failed attempts a notification is given up, and the timeline says so. */
const MAX_NOTIFY_ATTEMPTS = 8;

export interface PublisherDeps {
  loadPublishing(): Promise<Publishing>;
  /** A target's secret by its id, a notifier's by `notifierSecretKey`. */
  loadSecret(key: string): Promise<string>;
  /** The widget bundles the site serves (sitrep-banner.js, sitrep-status.js). */
  loadBundles(): Promise<SiteFile[]>;
  openTarget(target: PublishTarget, secret: string): Target;
  /** Sends one notification; throws a PublishError saying what failed. */
  send(notifier: Notifier, secret: string, notification: Notification): Promise<void>;
  alarms: { create(name: string, info: { when: number }): unknown; clear(name: string): unknown };
  now?(): Date;
  random?(): number;
}

/**
 * Sends what the outbox holds, in the background: one target at a time, retried with backoff,
 * each target's result recorded in words for the popup. A job leaves the outbox only once the
 * site is written, so a closed popup, a restarted worker or a host that is down loses nothing.
 */
export function createPublisher(db: SitrepDb, deps: PublisherDeps) {
  const now = deps.now ?? (() => new Date());
  let running: Promise<void> | undefined;
  let again = false;

  /** A failure in words, whatever was thrown: a PublishError says it already. */
  const asPublishError = (e: unknown) =>
    e instanceof PublishError ? e : new PublishError('config', `Could not publish: ${e instanceof Error ? e.message : String(e)}`);

  async function runPublish(job: PublishJob, publishing: Publishing): Promise<void> {
    const target = publishing.targets.find((t) => t.id === job.targetId);
    if (!target) {
      // The target was removed: nothing left to send it to.
      await completeJob(db, job);
      return;
    }
    await recordPublishResult(db, target.id, { state: 'publishing', at: toInstant(now()), message: 'Publishing…', nextAttemptAt: undefined });
    try {
      const [secret, log, bundles, last] = await Promise.all([
        deps.loadSecret(target.id),
        readPublishableLog(db),
        deps.loadBundles(),
        getPublishResult(db, target.id),
      ]);
      if (!secret) throw new PublishError('config', 'No token for the host: paste it in Settings → Publishing');
      const when = now();
      const input = selectPublic(log, { settings: publishing.site, url: siteUrlOf(target) }, when);
      const outcome = await publishSite({
        target: deps.openTarget(target, secret),
        build: (previous) => [...buildSite(input, previous).files, ...bundles],
        last: last ?? {},
      });
      await completeJob(db, job);
      const at = toInstant(now());
      await recordPublishResult(db, target.id, {
        state: 'published',
        at,
        publishedAt: at,
        message: 'Published',
        nextAttemptAt: undefined,
        written: outcome.written,
        stateEtag: outcome.stateEtag,
      });
    } catch (e) {
      const error = asPublishError(e);
      const retryAt = new Date(now().getTime() + retryDelayMs(job.attempts, error, deps.random));
      const next = await deferJob(db, job, retryAt);
      await recordPublishResult(db, target.id, {
        state: error.retry ? 'retrying' : 'failed',
        at: toInstant(now()),
        message: error.message,
        nextAttemptAt: next.dueAt,
      });
    }
  }

  /**
   * Tells one notifier about one update. Sent at most once per success: the job is the
   * idempotency key, and it leaves the outbox the moment the service says yes. What was sent, to
   * whom, and whether it reached them goes on the incident's timeline.
   */
  async function runNotify(job: NotifyJob, publishing: Publishing): Promise<void> {
    const notifier = publishing.notifiers.find((n) => n.id === job.notifierId);
    const update = await db.updates.get(job.updateId);
    const incident = update && (await db.incidents.get(update.incidentId));
    // Removed since, or a draft-only channel (email): nothing to send.
    if (!notifier || notifier.kind === 'email' || !update || !incident) return completeJob(db, job);
    const resultId = notifierResultId(notifier.id);
    const said = `“${STATUS_LABELS[update.status]}” update`;
    const site = publishing.targets[0];
    const notification: Notification = {
      updateId: update.id,
      incidentKey: incident.key,
      publicTitle: incident.publicTitle,
      severity: incident.severity,
      status: update.status,
      message: update.body,
      at: update.at,
      ...(site && { statusPageUrl: new URL(`incidents/${incident.id}.html`, `${siteUrlOf(site).replace(/\/+$/, '')}/`).href }),
    };
    try {
      await deps.send(notifier, await deps.loadSecret(notifierSecretKey(notifier.id)), notification);
      await completeJob(db, job);
      const at = toInstant(now());
      await recordPublishResult(db, resultId, { state: 'published', at, publishedAt: at, message: 'Sent', nextAttemptAt: undefined });
      await addEntry(
        db,
        { incidentId: incident.id, kind: 'comms', text: `Told ${notifier.name} (${KIND_NAMES[notifier.kind]}) about the ${said}`, author: update.author },
        now(),
      );
    } catch (e) {
      const error = asPublishError(e);
      if (job.attempts + 1 >= MAX_NOTIFY_ATTEMPTS) {
        await completeJob(db, job);
        await recordPublishResult(db, resultId, { state: 'failed', at: toInstant(now()), message: error.message, nextAttemptAt: undefined });
        await addEntry(
          db,
          {
            incidentId: incident.id,
            kind: 'comms',
            text: `Could not tell ${notifier.name} (${KIND_NAMES[notifier.kind]}) about the ${said}, after ${MAX_NOTIFY_ATTEMPTS} tries: ${error.message}`,
            author: update.author,
          },
          now(),
        );
        return;
      }
      const next = await deferJob(db, job, new Date(now().getTime() + retryDelayMs(job.attempts, error, deps.random)));
      await recordPublishResult(db, resultId, {
        state: error.retry ? 'retrying' : 'failed',
        at: toInstant(now()),
        message: error.message,
        nextAttemptAt: next.dueAt,
      });
    }
  }

  async function runDue(): Promise<void> {
    const jobs = await dueJobs(db, now());
    if (jobs.length) {
      const publishing = await deps.loadPublishing();
      // The site first: a notification links to the page it has just been written to.
      for (const job of jobs) if (job.kind === 'publish') await runPublish(job, publishing);
      for (const job of jobs) if (job.kind === 'notify') await runNotify(job, publishing);
    }
  }

  /** Sets the wake-up alarms for the next retry and the next maintenance transition. */
  async function schedule(): Promise<void> {
    const due = await nextDueAt(db);
    const t = now().getTime();
    if (due) await deps.alarms.create(OUTBOX_ALARM, { when: Math.max(Date.parse(due), t + 1000) });
    else await deps.alarms.clear(OUTBOX_ALARM);
    const transitions = (await listMaintenances(db))
      .map((m) => nextMaintenanceTransition(m, now()))
      .filter((x) => x !== undefined)
      .sort();
    if (transitions[0]) await deps.alarms.create(MAINTENANCE_ALARM, { when: Math.max(Date.parse(transitions[0]), t + 1000) });
    else await deps.alarms.clear(MAINTENANCE_ALARM);
  }

  /** Sends everything due; concurrent calls share one run (and one more after it, if asked). */
  function drain(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await runDue();
        } while (again);
        await schedule();
      } catch {
        // The outbox itself could not be read or the alarms set (the database closing under a
        // worker that is stopping): nothing is lost, so try again in a minute rather than reject
        // into a listener that cannot handle it.
        await Promise.resolve(deps.alarms.create(OUTBOX_ALARM, { when: now().getTime() + 60_000 })).catch(() => {});
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  return {
    drain,
    /** Every waiting job due now (a setting changed, or the person pressed Retry now). */
    async retryNow(): Promise<void> {
      await retryAllNow(db, now());
      await drain();
    },
    async onAlarm(name: string): Promise<void> {
      if (name === MAINTENANCE_ALARM) {
        // A maintenance moved by the clock: the site must say so.
        const { targets } = await deps.loadPublishing();
        if (targets.length)
          await requestPublish(
            db,
            targets.map((t) => t.id),
            now(),
          );
      }
      if (name === MAINTENANCE_ALARM || name === OUTBOX_ALARM) await drain();
    },
  };
}

const KIND_NAMES: Record<Notifier['kind'], string> = { slack: 'Slack', teams: 'Teams', webhook: 'webhook', email: 'email' };
