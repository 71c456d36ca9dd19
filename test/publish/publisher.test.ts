import { describe, expect, it } from 'vitest';
import { declareIncident, getPublishResult, postStatusUpdate, requestPublish, saveComponent, saveMaintenance, type SitrepDb } from '../../src/db';
import { parseStatusFeed } from '../../src/feed/parse';
import type { HostTarget } from '../../src/model';
import { createPublisher, MAINTENANCE_ALARM, OUTBOX_ALARM } from '../../src/publish/publisher';
import { DEFAULT_SITE_SETTINGS } from '../../src/publish/target-store';
import { freshDb } from '../db/fresh-db';
import { memoryTarget } from './memory-target';

const HOST: HostTarget = { kind: 'host', id: 'host', url: 'https://status.example.com' };

function setUp(db: SitrepDb, start = '2026-11-28T09:00:00.000Z') {
  const clock = { now: new Date(start) };
  const m = memoryTarget();
  const alarms = new Map<string, number>();
  const deps = {
    loadPublishing: async () => ({ site: DEFAULT_SITE_SETTINGS, targets: [HOST] }),
    loadSecret: async () => 'a-token-of-the-right-length',
    loadBundles: async () => [{ path: 'sitrep-banner.js', body: 'export {}', contentType: 'text/javascript', cacheControl: 'no-cache' }],
    openTarget: () => m.target,
    alarms: { create: (name: string, info: { when: number }) => alarms.set(name, info.when), clear: (name: string) => alarms.delete(name) },
    now: () => clock.now,
    random: () => 0,
  };
  return { m, clock, alarms, publisher: createPublisher(db, deps) };
}

const advance = (clock: { now: Date }, seconds: number) => (clock.now = new Date(clock.now.getTime() + seconds * 1000));

async function incidentWithUpdate(db: SitrepDb, at: Date) {
  const incident = await declareIncident(db, { title: 'internal: pods OOMKilled', severity: 'SEV2' }, { author: 'Ana', now: at });
  await postStatusUpdate(db, { incidentId: incident.id, status: 'investigating', body: 'We are looking into failed payments.', components: [], publicTitle: 'Payments failing' }, { author: 'Ana', now: at });
  return incident;
}

function summaryOf(m: ReturnType<typeof memoryTarget>) {
  return parseStatusFeed(m.files.get('api/v2/summary.json')!.body);
}

describe('the publisher', () => {
  it('publishes what the outbox asks for and records the result in words', async () => {
    const db = freshDb();
    const { m, clock, publisher, alarms } = setUp(db);
    await incidentWithUpdate(db, clock.now);
    await requestPublish(db, ['host'], clock.now);
    await publisher.drain();
    expect(summaryOf(m).incidents.map((i) => [i.name, i.latest?.body])).toEqual([['Payments failing', 'We are looking into failed payments.']]);
    expect(m.files.get('sitrep-banner.js')?.body).toBe('export {}');
    expect(await getPublishResult(db, 'host')).toMatchObject({ state: 'published', message: 'Published', publishedAt: clock.now.toISOString() });
    expect(await db.outbox.count()).toBe(0);
    expect(alarms.has(OUTBOX_ALARM)).toBe(false);
  });

  it('keeps the job through an outage, retries with backoff, and sends every update in order once back', async () => {
    const db = freshDb();
    const first = setUp(db);
    const incident = await incidentWithUpdate(db, first.clock.now);
    first.m.down = true;
    await requestPublish(db, ['host'], first.clock.now);
    await first.publisher.drain();
    expect(await getPublishResult(db, 'host')).toMatchObject({ state: 'retrying', message: 'Host unreachable (memory)', nextAttemptAt: '2026-11-28T09:00:30.000Z' });
    expect(first.alarms.get(OUTBOX_ALARM)).toBe(Date.parse('2026-11-28T09:00:30.000Z'));

    // A second update while the host is down, then the worker restarts (a new publisher, same database).
    advance(first.clock, 10);
    await postStatusUpdate(db, { incidentId: incident.id, status: 'identified', body: 'A bad deploy; rolling back.', components: [] }, { author: 'Ana', now: first.clock.now });
    await requestPublish(db, ['host'], first.clock.now);
    const restarted = setUp(db, first.clock.now.toISOString());
    restarted.m.down = true;
    await restarted.publisher.drain();
    expect(await getPublishResult(db, 'host')).toMatchObject({ state: 'retrying', nextAttemptAt: '2026-11-28T09:01:10.000Z' });

    restarted.m.down = false;
    advance(restarted.clock, 60);
    await restarted.publisher.onAlarm(OUTBOX_ALARM);
    const [published] = summaryOf(restarted.m).incidents;
    expect(published).toMatchObject({ status: 'identified', latest: { body: 'A bad deploy; rolling back.' } });
    const incidents = JSON.parse(restarted.m.files.get('api/v2/incidents.json')!.body).incidents;
    expect(incidents[0].incident_updates.map((u: { status: string }) => u.status)).toEqual(['identified', 'investigating']);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a refused token fails without hammering the host, and Retry now tries at once', async () => {
    const db = freshDb();
    const { m, clock, publisher } = setUp(db);
    await incidentWithUpdate(db, clock.now);
    m.refuse = true;
    await requestPublish(db, ['host'], clock.now);
    await publisher.drain();
    expect(await getPublishResult(db, 'host')).toMatchObject({ state: 'failed', message: 'Token refused: check the token in Settings → Publishing', nextAttemptAt: '2026-11-28T09:05:00.000Z' });
    m.refuse = false;
    await publisher.retryNow();
    expect(await getPublishResult(db, 'host')).toMatchObject({ state: 'published' });
  });

  it('wakes when a maintenance starts and republishes it as in progress', async () => {
    const db = freshDb();
    const { m, clock, publisher, alarms } = setUp(db);
    const api = await saveComponent(db, { name: 'Checkout API', owner: 'Payments', dashboardPatterns: [] });
    await saveMaintenance(db, { title: 'Database upgrade', body: 'Checkout may be slow.', componentIds: [api.id], scheduledFor: '2026-11-28T10:00:00.000Z', scheduledUntil: '2026-11-28T11:00:00.000Z' }, 'Ben', clock.now);
    await requestPublish(db, ['host'], clock.now);
    await publisher.drain();
    expect(summaryOf(m).maintenances.map((e) => e.status)).toEqual(['scheduled']);
    expect(alarms.get(MAINTENANCE_ALARM)).toBe(Date.parse('2026-11-28T10:00:00.000Z'));
    clock.now = new Date('2026-11-28T10:00:01.000Z');
    await publisher.onAlarm(MAINTENANCE_ALARM);
    const summary = summaryOf(m);
    expect(summary.maintenances.map((e) => e.status)).toEqual(['in_progress']);
    expect(summary.components.map((c) => c.status)).toEqual(['under_maintenance']);
    expect(summary.indicator).toBe('maintenance');
    expect(alarms.get(MAINTENANCE_ALARM)).toBe(Date.parse('2026-11-28T11:00:00.000Z'));
  });
});
