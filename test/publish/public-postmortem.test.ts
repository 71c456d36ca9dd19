import { describe, expect, it, vi } from 'vitest';
import { declareIncident, postStatusUpdate, readPublishableLog, updateIncident, type SitrepDb } from '../../src/db';
import { buildSite, selectPublic } from '../../src/feed/build';
import type { Postmortem } from '../../src/model';
import { publishPublicPostmortem, PublicPostmortemError } from '../../src/publish/public-postmortem';
import { freshDb } from '../db/fresh-db';

const NOW = new Date('2026-03-11T09:00:00.000Z');
const EMPTY_SECTIONS = {
  summary: '',
  impact: '',
  rootCause: '',
  trigger: '',
  detection: '',
  resolution: '',
  longTermFix: '',
  wentWell: '',
  wentWrong: '',
  lucky: '',
};

async function setUp(publicText: Partial<Postmortem['public']>, { resolve = true } = {}) {
  const db = freshDb();
  const incident = await declareIncident(db, { title: 'Ledger', severity: 'SEV2' }, { author: 'Ana' });
  await updateIncident(db, incident.id, { publicTitle: 'Checkout errors' }, { author: 'Ana' });
  await postStatusUpdate(db, { incidentId: incident.id, status: 'investigating', body: 'Looking.', components: [] }, { author: 'Ana' });
  if (resolve) await postStatusUpdate(db, { incidentId: incident.id, status: 'resolved', body: 'Fixed.', components: [] }, { author: 'Ana' });
  await db.postmortems.put({
    incidentId: incident.id,
    status: 'draft',
    authors: [],
    timeline: 'starred',
    sections: EMPTY_SECTIONS,
    public: { opening: '', whatHappened: '', whatWeDid: '', closing: '', ...publicText },
    createdAt: '2026-03-10T12:00:00.000Z',
    updatedAt: '2026-03-10T12:00:00.000Z',
  });
  return { db, incident };
}

const deps = (db: SitrepDb, ids: string[] = ['host']) => ({ db, now: NOW, targetIds: async () => ids, wake: vi.fn(async () => {}) });
const ALL = { opening: 'Sorry.', whatHappened: 'A bad change.', whatWeDid: 'Rolled back; added checks.', closing: 'Sorry again.' };

describe('publishPublicPostmortem', () => {
  it('stamps publishedAt and queues a site publish through the outbox, waking the background', async () => {
    const { db, incident } = await setUp(ALL);
    const d = deps(db);
    const { postmortem, targetIds } = await publishPublicPostmortem(incident.id, d);
    expect(postmortem.public).toEqual({ ...ALL, publishedAt: NOW.toISOString(), published: ALL });
    expect((await db.postmortems.get(incident.id))?.public.publishedAt).toBe(NOW.toISOString());
    expect(targetIds).toEqual(['host']);
    expect(await db.outbox.toArray()).toMatchObject([{ id: 'publish:host', kind: 'publish', targetId: 'host', dueAt: NOW.toISOString() }]);
    expect(d.wake).toHaveBeenCalledOnce();
    // What the queued publish reads and builds: the incident as `postmortem`.
    const log = await readPublishableLog(db);
    expect(log.postmortems.map((p) => p.incidentId)).toEqual([incident.id]);
    const { state } = buildSite(
      selectPublic(log, { settings: { pageId: 'acme', name: 'Acme', timeZone: 'Etc/UTC', historyDays: 90 }, url: 'https://status.example.com/' }, NOW),
    );
    expect(state.incidents[0]).toMatchObject({ status: 'postmortem', postmortem_body_last_updated_at: NOW.toISOString() });
  });

  it('with no target, records the publish and queues nothing', async () => {
    const { db, incident } = await setUp(ALL);
    const d = deps(db, []);
    expect((await publishPublicPostmortem(incident.id, d)).targetIds).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
    expect(d.wake).not.toHaveBeenCalled();
  });

  it.each([
    [{ ...ALL, opening: '  ' }, "Write the public post-mortem's the opening (acknowledge the problem, empathise, apologise) first"],
    [
      { ...ALL, whatHappened: '', closing: '' },
      "Write the public post-mortem's what went wrong and why and the closing (acknowledge, empathise and apologise once more) first",
    ],
    [
      { opening: '', whatHappened: '', whatWeDid: '', closing: 'x' },
      'the opening (acknowledge the problem, empathise, apologise), what went wrong and why and what was done to fix it and prevent it happening again first',
    ],
  ])('refuses missing sections, naming them, and saves nothing (%#)', async (text, message) => {
    const { db, incident } = await setUp(text);
    const publishing = publishPublicPostmortem(incident.id, deps(db));
    await expect(publishing).rejects.toThrow(PublicPostmortemError);
    await expect(publishPublicPostmortem(incident.id, deps(db))).rejects.toThrow(message);
    expect((await db.postmortems.get(incident.id))?.public.publishedAt).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses before customers were told it is resolved', async () => {
    const { db, incident } = await setUp(ALL, { resolve: false });
    await expect(publishPublicPostmortem(incident.id, deps(db))).rejects.toThrow('Post a “Resolved” status update first');
  });

  it('refuses an incident with no post-mortem', async () => {
    const { db } = await setUp(ALL);
    await expect(publishPublicPostmortem(crypto.randomUUID(), deps(db))).rejects.toThrow('no post-mortem yet');
  });
});
