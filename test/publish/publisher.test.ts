import { describe, expect, it } from 'vitest';
import {
  declareIncident,
  getPublishResult,
  postStatusUpdate,
  requestNotify,
  requestPublish,
  saveComponent,
  saveMaintenance,
  type SitrepDb,
} from '../../src/db';
import { parseStatusFeed } from '../../src/feed/parse';
import type { HostTarget, Notification, Notifier } from '../../src/model';
import { PublishError } from '../../src/publish/target';
import { createPublisher, MAINTENANCE_ALARM, OUTBOX_ALARM } from '../../src/publish/publisher';
import { DEFAULT_SITE_SETTINGS } from '../../src/publish/target-store';
import { freshDb } from '../db/fresh-db';
import { memoryTarget } from './memory-target';

const HOST: HostTarget = { kind: 'host', id: 'host', url: 'https://status.example.com' };

function setUp(db: SitrepDb, start = '2026-11-28T09:00:00.000Z', notifiers: Notifier[] = []) {
  const clock = { now: new Date(start) };
  const sent: { notifier: string; secret: string; notification: Notification }[] = [];
  const service = { down: false };
  const m = memoryTarget();
  const alarms = new Map<string, number>();
  const deps = {
    loadPublishing: async () => ({ site: DEFAULT_SITE_SETTINGS, targets: [HOST], notifiers }),
    loadSecret: async () => 'a-token-of-the-right-length',
    loadBundles: async () => [{ path: 'sitrep-banner.js', body: 'export {}', contentType: 'text/javascript', cacheControl: 'no-cache' }],
    openTarget: () => m.target,
    send: async (notifier: Notifier, secret: string, notification: Notification) => {
      if (service.down) throw new PublishError('server', 'Slack answered 500');
      sent.push({ notifier: notifier.id, secret, notification });
    },
    alarms: { create: (name: string, info: { when: number }) => alarms.set(name, info.when), clear: (name: string) => alarms.delete(name) },
    now: () => clock.now,
    random: () => 0,
  };
  return { m, clock, alarms, sent, service, publisher: createPublisher(db, deps) };
}

const advance = (clock: { now: Date }, seconds: number) => (clock.now = new Date(clock.now.getTime() + seconds * 1000));

async function incidentWithUpdate(db: SitrepDb, at: Date) {
  const incident = await declareIncident(db, { title: 'internal: pods OOMKilled', severity: 'SEV2' }, { author: 'Ana', now: at });
  await postStatusUpdate(
    db,
    { incidentId: incident.id, status: 'investigating', body: 'We are looking into failed payments.', components: [], publicTitle: 'Payments failing' },
    { author: 'Ana', now: at },
  );
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
    expect(await getPublishResult(db, 'host')).toMatchObject({
      state: 'retrying',
      message: 'Host unreachable (memory)',
      nextAttemptAt: '2026-11-28T09:00:30.000Z',
    });
    expect(first.alarms.get(OUTBOX_ALARM)).toBe(Date.parse('2026-11-28T09:00:30.000Z'));

    // A second update while the host is down, then the worker restarts (a new publisher, same database).
    advance(first.clock, 10);
    await postStatusUpdate(
      db,
      { incidentId: incident.id, status: 'identified', body: 'A bad deploy; rolling back.', components: [] },
      { author: 'Ana', now: first.clock.now },
    );
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
    expect(await getPublishResult(db, 'host')).toMatchObject({
      state: 'failed',
      message: 'Token refused: check the token in Settings → Publishing',
      nextAttemptAt: '2026-11-28T09:05:00.000Z',
    });
    m.refuse = false;
    await publisher.retryNow();
    expect(await getPublishResult(db, 'host')).toMatchObject({ state: 'published' });
  });

  it('wakes when a maintenance starts and republishes it as in progress', async () => {
    const db = freshDb();
    const { m, clock, publisher, alarms } = setUp(db);
    const api = await saveComponent(db, { name: 'Checkout API', owner: 'Payments', dashboardPatterns: [] });
    await saveMaintenance(
      db,
      {
        title: 'Database upgrade',
        body: 'Checkout may be slow.',
        componentIds: [api.id],
        scheduledFor: '2026-11-28T10:00:00.000Z',
        scheduledUntil: '2026-11-28T11:00:00.000Z',
      },
      'Ben',
      clock.now,
    );
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

  describe('notifications', () => {
    const slack: Notifier = { kind: 'slack', id: 'incidents', name: '#incidents', severities: ['SEV1', 'SEV2'], audience: 'internal' };

    async function postWithNotify(db: SitrepDb, at: Date) {
      const incident = await declareIncident(db, { title: 'internal: pods OOMKilled', severity: 'SEV2' }, { author: 'Ana', now: at });
      const { update } = await postStatusUpdate(
        db,
        {
          incidentId: incident.id,
          status: 'investigating',
          body: 'Payments are failing.',
          components: [],
          publicTitle: 'Payments failing',
          notify: [slack.id],
        },
        { author: 'Ana', now: at },
      );
      await requestPublish(db, ['host'], at);
      return { incident, update };
    }

    it('tells each notifier once, with the public words and the incident page, and says so on the timeline', async () => {
      const db = freshDb();
      const { sent, clock, publisher } = setUp(db, undefined, [slack]);
      const { incident, update } = await postWithNotify(db, clock.now);
      // Asking again while it waits never queues a second message.
      await requestNotify(db, [slack.id], update.id, clock.now);
      expect((await db.outbox.toArray()).filter((j) => j.kind === 'notify')).toHaveLength(1);
      await Promise.all([publisher.drain(), publisher.drain()]);
      await publisher.drain();
      expect(sent).toEqual([
        {
          notifier: 'incidents',
          secret: 'a-token-of-the-right-length',
          notification: {
            updateId: update.id,
            incidentKey: incident.key,
            publicTitle: 'Payments failing',
            severity: 'SEV2',
            status: 'investigating',
            message: 'Payments are failing.',
            at: update.at,
            statusPageUrl: `https://status.example.com/incidents/${incident.id}.html`,
          },
        },
      ]);
      const comms = (await db.entries.toArray()).filter((e) => e.kind === 'comms').map((e) => e.text);
      expect(comms).toEqual(['Told #incidents (Slack) about the “Investigating” update']);
    });

    it('retries after a 500 and after the worker restarts, and still tells once', async () => {
      const db = freshDb();
      const first = setUp(db, undefined, [slack]);
      await postWithNotify(db, first.clock.now);
      first.service.down = true;
      await first.publisher.drain();
      expect(first.sent).toEqual([]);
      expect(await getPublishResult(db, 'notifier:incidents')).toMatchObject({ state: 'retrying', message: 'Slack answered 500' });

      const restarted = setUp(db, first.clock.now.toISOString(), [slack]);
      advance(restarted.clock, 31);
      await restarted.publisher.onAlarm(OUTBOX_ALARM);
      await restarted.publisher.drain();
      expect(restarted.sent).toHaveLength(1);
      expect(await db.outbox.count()).toBe(0);
    });
  });

  it('never rejects when the outbox cannot be read, and tries again in a minute', async () => {
    const db = freshDb();
    const { clock, alarms, publisher } = setUp(db);
    db.close();
    await expect(publisher.drain()).resolves.toBeUndefined();
    expect(alarms.get(OUTBOX_ALARM)).toBe(clock.now.getTime() + 60_000);
  });
});
