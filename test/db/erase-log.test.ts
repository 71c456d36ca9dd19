import { describe, expect, it } from 'vitest';
import {
  addActionItem,
  createPostmortemDraft,
  declareIncident,
  eraseLog,
  listStakeholders,
  saveComponent,
  seedDefaultStakeholders,
  tickStep,
} from '../../src/db';
import { freshDb } from './fresh-db';

describe('eraseLog', () => {
  it("takes each incident's post-mortem, checklist and action items along, and keeps the registers", async () => {
    const db = freshDb();
    const now = new Date('2026-11-30T10:00:00.000Z');
    const incident = await declareIncident(db, { title: 'Checkout down', severity: 'SEV2' }, { author: 'Ana', now });
    await createPostmortemDraft(db, incident.id, { now });
    await tickStep(db, incident.id, 'internal-email', { by: 'Ana', note: 'Sent' }, now);
    await addActionItem(db, { incidentId: incident.id, text: 'Add a canary', kind: 'prevention' }, now);
    await seedDefaultStakeholders(db);
    await saveComponent(db, { name: 'Checkout', description: '', owner: '', order: 0, public: true, status: 'operational', dashboardPatterns: [] });
    const stakeholders = (await listStakeholders(db)).length;

    await eraseLog(db);

    expect([await db.postmortems.count(), await db.checklists.count(), await db.actionItems.count()]).toEqual([0, 0, 0]);
    expect(await db.incidents.count()).toBe(0);
    expect((await listStakeholders(db)).length).toBe(stakeholders);
    expect(stakeholders).toBeGreaterThan(0);
    expect(await db.components.count()).toBe(1);
  });
});
