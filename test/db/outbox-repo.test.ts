import { describe, expect, it } from 'vitest';
import { completeJob, deferJob, dueJobs, getPublishResult, nextDueAt, recordPublishResult, requestPublish, retryAllNow } from '../../src/db';
import { freshDb } from './fresh-db';

const t = (hhmmss: string) => new Date(`2026-11-28T${hhmmss}.000Z`);

describe('the publish outbox', () => {
  it('keeps one job per target, due now, and says it is waiting', async () => {
    const db = freshDb();
    await requestPublish(db, ['host'], t('09:00:00'));
    await requestPublish(db, ['host'], t('09:00:05'));
    expect(await dueJobs(db, t('09:00:05'))).toEqual([
      { id: 'publish:host', kind: 'publish', targetId: 'host', requestedAt: t('09:00:05').toISOString(), dueAt: t('09:00:05').toISOString(), attempts: 0 },
    ]);
    expect(await getPublishResult(db, 'host')).toMatchObject({ state: 'pending', message: 'Waiting to publish' });
  });

  it('a sent job leaves; one asked for again while it was sent stays, due now', async () => {
    const db = freshDb();
    await requestPublish(db, ['host'], t('09:00:00'));
    const [job] = await dueJobs(db, t('09:00:00'));
    await requestPublish(db, ['host'], t('09:00:02'));
    await completeJob(db, job!);
    expect(await dueJobs(db, t('09:00:02'))).toHaveLength(1);
    const [again] = await dueJobs(db, t('09:00:02'));
    await completeJob(db, again!);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a failed job waits for its backoff, and Retry now makes it due at once', async () => {
    const db = freshDb();
    await requestPublish(db, ['host'], t('09:00:00'));
    const [job] = await dueJobs(db, t('09:00:00'));
    const deferred = await deferJob(db, job!, t('09:00:30'));
    expect(deferred).toMatchObject({ attempts: 1, dueAt: t('09:00:30').toISOString() });
    expect(await dueJobs(db, t('09:00:10'))).toEqual([]);
    expect(await nextDueAt(db)).toBe(t('09:00:30').toISOString());
    await retryAllNow(db, t('09:00:10'));
    expect(await dueJobs(db, t('09:00:10'))).toHaveLength(1);
  });

  it('a failure while someone asked again keeps it due now rather than backing off', async () => {
    const db = freshDb();
    await requestPublish(db, ['host'], t('09:00:00'));
    const [job] = await dueJobs(db, t('09:00:00'));
    await requestPublish(db, ['host'], t('09:00:01'));
    expect(await deferJob(db, job!, t('09:05:00'))).toMatchObject({ dueAt: t('09:00:01').toISOString(), attempts: 1 });
  });

  it('records results, keeping what a patch leaves out', async () => {
    const db = freshDb();
    await recordPublishResult(db, 'host', { state: 'published', at: t('09:00:00').toISOString(), message: 'Published', written: { 'index.html': 'abc' } });
    const next = await recordPublishResult(db, 'host', { state: 'retrying', at: t('09:01:00').toISOString(), message: 'Host unreachable' });
    expect(next).toMatchObject({ state: 'retrying', written: { 'index.html': 'abc' } });
  });
});
