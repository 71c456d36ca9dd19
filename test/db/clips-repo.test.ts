import { describe, expect, it } from 'vitest';
import {
  addClip,
  declareFromHeldClip,
  declareIncident,
  discardHeldClip,
  getScreenshot,
  holdClip,
  listEntries,
  listHeldClips,
  placeHeldClip,
  type SitrepDb,
} from '../../src/db';
import type { ClipDraft, HeldScreenshot } from '../../src/model';
import { blobContents, pictureBytes } from '../report/records';
import { freshDb } from './fresh-db';

const t = (hhmm: string) => new Date(`2026-11-28T${hhmm}:00.000Z`);

const FROZEN = 'https://grafana.example.com/d/abc123/checkout?orgId=1&from=1795856400000&to=1795860000000';

function draft(text = 'p99 latency 2.4 s'): ClipDraft {
  return {
    text,
    sourceUrl: FROZEN,
    clip: {
      tool: 'grafana',
      pageUrl: 'https://grafana.example.com/d/abc123/checkout?orgId=1&from=now-1h&to=now',
      pageTitle: 'Checkout - Grafana',
      frozenUrl: FROZEN,
      range: { from: '2026-11-28T09:00:00.000Z', to: '2026-11-28T10:00:00.000Z', relative: true },
      panelTitle: 'p99 latency',
      componentIds: [],
    },
  };
}

function picture(seed = 1): HeldScreenshot {
  return {
    image: new Blob([pictureBytes(4000, seed)], { type: 'image/webp' }),
    thumbnail: new Blob([pictureBytes(200, seed + 1)], { type: 'image/jpeg' }),
    width: 1440,
    height: 900,
  };
}

async function counts(db: SitrepDb) {
  return { entries: await db.entries.count(), screenshots: await db.screenshots.count(), heldClips: await db.heldClips.count() };
}

async function withIncident(db: SitrepDb) {
  return declareIncident(db, { title: 'Checkout slow', severity: 'SEV2' }, { author: 'Ana', now: t('09:00') });
}

describe('addClip', () => {
  it('writes the entry and its screenshot together, the picture stamped with the entry time', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    const entry = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: draft(), screenshot: picture() }, t('09:10'));

    expect(entry).toMatchObject({ kind: 'clip', text: 'p99 latency 2.4 s', sourceUrl: FROZEN, at: t('09:10').toISOString(), author: 'Ana' });
    expect(entry.clip).toMatchObject({ tool: 'grafana', frozenUrl: FROZEN, panelTitle: 'p99 latency' });
    const shot = await getScreenshot(db, entry.clip!.screenshotId!);
    expect(shot).toMatchObject({ incidentId: incident.id, takenAt: entry.at, width: 1440, height: 900 });
    expect(await blobContents(shot!.image)).toEqual({ type: 'image/webp', bytes: [...pictureBytes(4000, 1)] });
    expect(await blobContents(shot!.thumbnail)).toEqual({ type: 'image/jpeg', bytes: [...pictureBytes(200, 2)] });
    expect((await listEntries(db, incident.id)).at(-1)).toEqual(entry);
  });

  it('without a screenshot, stores no picture and names none', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    const entry = await addClip(db, { incidentId: incident.id, author: 'Ana', draft: draft() }, t('09:10'));
    expect(entry.clip?.screenshotId).toBeUndefined();
    expect(await counts(db)).toEqual({ entries: 2, screenshots: 0, heldClips: 0 });
  });

  it('writes nothing at all, not even the picture, when the incident is missing', async () => {
    const db = freshDb();
    await withIncident(db);
    const missing = crypto.randomUUID();
    await expect(addClip(db, { incidentId: missing, author: 'Ana', draft: draft(), screenshot: picture() })).rejects.toThrow(`No incident with id ${missing}`);
    expect(await counts(db)).toEqual({ entries: 1, screenshots: 0, heldClips: 0 });
  });

  it.each<[string, (d: ClipDraft) => ClipDraft]>([
    ['a javascript: link', (d) => ({ ...d, sourceUrl: 'javascript:alert(1)' })],
    ['an unknown tool', (d) => ({ ...d, clip: { ...d.clip, tool: 'splunk' as never } })],
    ['a local time in the range', (d) => ({ ...d, clip: { ...d.clip, range: { from: '2026-11-28 09:00', to: '2026-11-28T10:00:00.000Z', relative: false } } })],
  ])('refuses a draft with %s and writes nothing', async (_name, spoil) => {
    const db = freshDb();
    const incident = await withIncident(db);
    await expect(addClip(db, { incidentId: incident.id, author: 'Ana', draft: spoil(draft()), screenshot: picture() })).rejects.toThrow();
    expect(await counts(db)).toEqual({ entries: 1, screenshots: 0, heldClips: 0 });
  });
});

describe('held clips', () => {
  it('are listed oldest first, whatever order they were held in', async () => {
    const db = freshDb();
    await holdClip(db, { author: 'Ana', draft: draft('third') }, t('09:30'));
    await holdClip(db, { author: 'Ana', draft: draft('first') }, t('09:10'));
    await holdClip(db, { author: 'Ana', draft: draft('second') }, t('09:20'));
    expect((await listHeldClips(db)).map((h) => [h.draft.text, h.takenAt])).toEqual([
      ['first', t('09:10').toISOString()],
      ['second', t('09:20').toISOString()],
      ['third', t('09:30').toISOString()],
    ]);
  });

  it('refuses to hold an invalid draft', async () => {
    const db = freshDb();
    await expect(holdClip(db, { author: 'Ana', draft: { ...draft(), text: 'x'.repeat(100_001) } })).rejects.toThrow();
    expect(await db.heldClips.count()).toBe(0);
  });

  it('placed later, land at the time they were taken, with their picture, and stop being held', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    const held = await holdClip(db, { author: 'Bo', draft: draft('Queue depth climbing'), screenshot: picture(5) }, t('08:55'));
    const before = Date.now();

    const entry = await placeHeldClip(db, held.id, incident.id);
    expect(entry).toMatchObject({ id: held.id, incidentId: incident.id, at: held.takenAt, author: 'Bo', text: 'Queue depth climbing', sourceUrl: FROZEN });
    // Written down now, though it happened then.
    expect(Date.parse(entry.recordedAt)).toBeGreaterThanOrEqual(before - 1);
    expect(await listHeldClips(db)).toEqual([]);
    const shot = await getScreenshot(db, entry.clip!.screenshotId!);
    expect(shot).toMatchObject({ incidentId: incident.id, takenAt: held.takenAt });
    expect(await blobContents(shot!.image)).toEqual({ type: 'image/webp', bytes: [...pictureBytes(4000, 5)] });
    // Taken before the incident was declared, it comes first on its timeline.
    expect((await listEntries(db, incident.id)).map((e) => e.text)).toEqual(['Queue depth climbing', 'Declared SEV2: Checkout slow']);
  });

  it('stay held when placing fails, and cannot be placed twice', async () => {
    const db = freshDb();
    const incident = await withIncident(db);
    const held = await holdClip(db, { author: 'Bo', draft: draft(), screenshot: picture() }, t('08:55'));

    await expect(placeHeldClip(db, held.id, crypto.randomUUID())).rejects.toThrow(/No incident with id/);
    expect(await counts(db)).toEqual({ entries: 1, screenshots: 0, heldClips: 1 });

    await placeHeldClip(db, held.id, incident.id);
    await expect(placeHeldClip(db, held.id, incident.id)).rejects.toThrow('That held clip is gone (placed from another window?)');
    expect(await counts(db)).toEqual({ entries: 2, screenshots: 1, heldClips: 0 });
  });

  it('can start a new incident, the clip its first evidence', async () => {
    const db = freshDb();
    await withIncident(db);
    const held = await holdClip(db, { author: 'Bo', draft: draft('Error rate 7%'), screenshot: picture() }, t('10:00'));

    const incident = await declareFromHeldClip(db, held.id, { title: 'Errors on search', severity: 'SEV3' }, 'Bo');
    expect(incident).toMatchObject({ key: 'INC-2', title: 'Errors on search', severity: 'SEV3', manager: 'Bo' });
    const timeline = await listEntries(db, incident.id);
    expect(timeline.map((e) => [e.kind, e.text])).toEqual([
      ['clip', 'Error rate 7%'],
      ['change', 'Declared SEV3: Errors on search'],
    ]);
    expect(timeline[0]!.at).toBe(held.takenAt);
    // The incident started when the evidence was taken, not when it was declared.
    expect(incident.startedAt).toBe(held.takenAt);
    expect(incident.detectedAt).toBe(held.takenAt);
    expect(await getScreenshot(db, timeline[0]!.clip!.screenshotId!)).toMatchObject({ incidentId: incident.id });
    expect(await listHeldClips(db)).toEqual([]);
  });

  it('declaring from a clip that is gone declares nothing', async () => {
    const db = freshDb();
    await expect(declareFromHeldClip(db, crypto.randomUUID(), { title: 'Ghost', severity: 'SEV4' }, 'Bo')).rejects.toThrow(/held clip is gone/);
    expect(await db.incidents.count()).toBe(0);
    expect((await db.meta.toArray()).length).toBe(0);
  });

  it('can be discarded', async () => {
    const db = freshDb();
    const keep = await holdClip(db, { author: 'Ana', draft: draft('keep') }, t('09:00'));
    const drop = await holdClip(db, { author: 'Ana', draft: draft('drop') }, t('09:01'));
    await discardHeldClip(db, drop.id);
    expect(await listHeldClips(db)).toEqual([keep]);
  });
});
