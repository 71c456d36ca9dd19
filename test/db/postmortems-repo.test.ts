import { beforeEach, describe, expect, it } from 'vitest';
import { addEntry, declareIncident, updateIncident, type SitrepDb } from '../../src/db';
import { createPostmortemDraft, getPostmortem, listPostmortems, loadPostmortemExport, patchPostmortem, savePostmortem } from '../../src/db/postmortems-repo';
import type { ActionItem, Incident } from '../../src/model';
import { freshDb } from './fresh-db';

const T0 = new Date('2026-11-28T09:00:00.000Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
let db: SitrepDb;
let incident: Incident;

beforeEach(async () => {
  db = freshDb();
  incident = await declareIncident(db, { title: 'API down', severity: 'SEV1' }, { author: 'Ana', now: T0 });
});

function item(n: number, incidentId: string, status: ActionItem['status']): ActionItem {
  const when = at(100 + n).toISOString();
  return { id: crypto.randomUUID(), incidentId, text: `Item ${n}`, kind: 'prevention', owner: 'Bo', status, createdAt: when, updatedAt: when };
}

describe('createPostmortemDraft', () => {
  it('drafts from the stored log, naming the incident manager first', async () => {
    await updateIncident(db, incident.id, { detectedAt: at(3).toISOString(), impact: 'Nobody can log in.' }, { author: 'Ana', now: at(5) });
    await addEntry(db, { incidentId: incident.id, kind: 'alert', text: 'Login errors above 50%', author: 'Ana', at: at(2) });
    const pm = await createPostmortemDraft(db, incident.id, { authors: ['Bo', 'Ana'], now: at(60) });
    expect(pm.authors).toEqual(['Ana', 'Bo']);
    expect(pm.sections.impact).toBe('Nobody can log in.');
    expect(pm.sections.detection).toContain('- 09:02 UTC — Login errors above 50%');
    expect(await getPostmortem(db, incident.id)).toEqual(pm);
  });

  it('never replaces a post-mortem that exists: it gives it back', async () => {
    const first = await createPostmortemDraft(db, incident.id, { now: at(60) });
    await patchPostmortem(db, incident.id, { sections: { rootCause: 'Expired certificate' } }, at(61));
    const again = await createPostmortemDraft(db, incident.id, { now: at(62) });
    expect(again.sections.rootCause).toBe('Expired certificate');
    expect(again.createdAt).toBe(first.createdAt);
  });

  it('refuses an incident that is gone', async () => {
    await expect(createPostmortemDraft(db, crypto.randomUUID())).rejects.toThrow('That incident is gone');
  });
});

describe('patchPostmortem', () => {
  it('lands two saves of different sections made at once', async () => {
    await createPostmortemDraft(db, incident.id, { now: at(60) });
    await Promise.all([
      patchPostmortem(db, incident.id, { sections: { rootCause: 'Cert expired' } }, at(61)),
      patchPostmortem(db, incident.id, { sections: { lucky: 'It was a Tuesday' } }, at(61)),
      patchPostmortem(db, incident.id, { public: { opening: 'We are sorry.' } }, at(61)),
    ]);
    const pm = await getPostmortem(db, incident.id);
    expect(pm?.sections).toMatchObject({ rootCause: 'Cert expired', lucky: 'It was a Tuesday' });
    expect(pm?.public.opening).toBe('We are sorry.');
    expect(pm?.updatedAt).toBe(at(61).toISOString());
  });

  it('trims authors, drops blank ones, and refuses an invalid change, saving nothing', async () => {
    await createPostmortemDraft(db, incident.id, { now: at(60) });
    expect((await patchPostmortem(db, incident.id, { authors: [' Ana ', '', 'Bo'], status: 'in-review' }, at(61))).authors).toEqual(['Ana', 'Bo']);
    await expect(patchPostmortem(db, incident.id, { sections: { summary: 'x'.repeat(50_001) } }, at(62))).rejects.toThrow();
    expect((await getPostmortem(db, incident.id))?.sections.summary).not.toHaveLength(50_001);
    await expect(patchPostmortem(db, crypto.randomUUID(), { status: 'final' })).rejects.toThrow('That post-mortem is gone');
  });

  it('savePostmortem validates the whole record', async () => {
    const pm = await createPostmortemDraft(db, incident.id, { now: at(60) });
    await expect(savePostmortem(db, { ...pm, status: 'published' as never })).rejects.toThrow();
    expect((await savePostmortem(db, { ...pm, status: 'final' })).status).toBe('final');
  });
});

describe('listPostmortems', () => {
  it('lists every post-mortem with its incident, status and open action items, newest incident first', async () => {
    const later = await declareIncident(db, { title: 'Search slow', severity: 'SEV3' }, { author: 'Ana', now: at(600) });
    await declareIncident(db, { title: 'No post-mortem', severity: 'SEV4' }, { author: 'Ana', now: at(700) });
    await createPostmortemDraft(db, incident.id, { now: at(60) });
    await createPostmortemDraft(db, later.id, { now: at(660) });
    await patchPostmortem(db, later.id, { status: 'final' }, at(661));
    await db.actionItems.bulkAdd([
      item(1, incident.id, 'open'),
      item(2, incident.id, 'in-progress'),
      item(3, incident.id, 'done'),
      item(4, incident.id, 'wont-do'),
      item(5, later.id, 'done'),
    ]);
    expect(await listPostmortems(db)).toEqual([
      {
        incidentId: later.id,
        key: 'INC-2',
        title: 'Search slow',
        startedAt: at(600).toISOString(),
        status: 'final',
        updatedAt: at(661).toISOString(),
        openActionItems: 0,
        actionItems: 1,
      },
      {
        incidentId: incident.id,
        key: 'INC-1',
        title: 'API down',
        startedAt: T0.toISOString(),
        status: 'draft',
        updatedAt: at(60).toISOString(),
        openActionItems: 2,
        actionItems: 4,
      },
    ]);
  });

  it('loadPostmortemExport gathers the incident, its log and its action items in order', async () => {
    await createPostmortemDraft(db, incident.id, { now: at(60) });
    await db.actionItems.bulkAdd([item(2, incident.id, 'open'), item(1, incident.id, 'done'), item(3, crypto.randomUUID(), 'open')]);
    const data = await loadPostmortemExport(db, incident.id);
    expect(data.incident.id).toBe(incident.id);
    expect(data.actionItems.map((i) => i.text)).toEqual(['Item 1', 'Item 2']);
    expect(data.entries.map((e) => e.text)).toEqual(['Declared SEV1: API down']);
    await expect(loadPostmortemExport(db, crypto.randomUUID())).rejects.toThrow('draft one first');
  });
});
