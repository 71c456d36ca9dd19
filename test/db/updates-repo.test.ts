import { describe, expect, it } from 'vitest';
import { declareIncident, listEntries, listUpdates, postStatusUpdate, readPublishableLog, saveComponent, updateIncident } from '../../src/db';
import { freshDb } from './fresh-db';

const t = (hhmm: string) => new Date(`2026-11-28T${hhmm}:00.000Z`);
const who = (hhmm: string) => ({ author: 'Ana', now: t(hhmm) });

async function seeded() {
  const db = freshDb();
  const incident = await declareIncident(db, { title: 'checkout-api pods OOMKilled', severity: 'SEV2' }, who('09:00'));
  const api = await saveComponent(db, { name: 'Checkout API', owner: 'Payments', dashboardPatterns: [] });
  return { db, incident, api };
}

describe('posting a public status update', () => {
  it('saves the update, the incident status and public text, the component status and a timeline entry, together', async () => {
    const { db, incident, api } = await seeded();
    const { update } = await postStatusUpdate(
      db,
      {
        incidentId: incident.id,
        status: 'identified',
        body: 'We found the cause of failed card payments.',
        components: [{ componentId: api.id, status: 'major_outage' }],
        publicTitle: 'Card payments failing',
        publicImpact: 'Some customers cannot pay by card.',
      },
      who('09:10'),
    );
    expect(update).toMatchObject({
      status: 'identified',
      body: 'We found the cause of failed card payments.',
      components: [{ componentId: api.id, name: 'Checkout API', from: 'operational', to: 'major_outage' }],
      at: t('09:10').toISOString(),
      author: 'Ana',
    });
    expect(await db.incidents.get(incident.id)).toMatchObject({
      status: 'identified',
      publicTitle: 'Card payments failing',
      publicImpact: 'Some customers cannot pay by card.',
      acknowledgedAt: t('09:10').toISOString(),
    });
    expect((await db.components.get(api.id))?.status).toBe('major_outage');
    const entries = await listEntries(db, incident.id);
    expect(entries.map((e) => [e.kind, e.text, e.updateId])).toEqual([
      ['change', 'Declared SEV2: checkout-api pods OOMKilled', undefined],
      ['status', 'Published “Identified”: We found the cause of failed card payments.\nCheckout API: Operational → Major outage', update.id],
    ]);
    expect(await listUpdates(db, incident.id)).toEqual([update]);
  });

  it('refuses an update while the incident has no public title, saving nothing', async () => {
    const { db, incident, api } = await seeded();
    await expect(
      postStatusUpdate(
        db,
        { incidentId: incident.id, status: 'investigating', body: 'Looking', components: [{ componentId: api.id, status: 'partial_outage' }] },
        who('09:05'),
      ),
    ).rejects.toThrow('Write a public title first');
    expect(await db.updates.count()).toBe(0);
    expect((await db.components.get(api.id))?.status).toBe('operational');
    expect((await db.incidents.get(incident.id))?.status).toBe('investigating');
  });

  it('refuses an empty message, saving nothing', async () => {
    const { db, incident } = await seeded();
    await expect(
      postStatusUpdate(db, { incidentId: incident.id, status: 'investigating', body: '   ', components: [], publicTitle: 'Slow checkout' }, who('09:05')),
    ).rejects.toThrow('A status update needs a message');
    expect(await db.incidents.get(incident.id)).toMatchObject({ publicTitle: '' });
  });

  it('resolving stamps resolvedAt, and updates list oldest first', async () => {
    const { db, incident } = await seeded();
    await updateIncident(db, incident.id, { publicTitle: 'Slow checkout' }, who('09:01'));
    await postStatusUpdate(db, { incidentId: incident.id, status: 'investigating', body: 'Looking into it.', components: [] }, who('09:05'));
    await postStatusUpdate(db, { incidentId: incident.id, status: 'resolved', body: 'Fixed.', components: [] }, who('09:50'));
    expect((await listUpdates(db, incident.id)).map((u) => u.status)).toEqual(['investigating', 'resolved']);
    expect((await db.incidents.get(incident.id))?.resolvedAt).toBe(t('09:50').toISOString());
  });

  it('reads only the public tables for a publish: incidents with updates, their updates, components, maintenances', async () => {
    const { db, incident } = await seeded();
    await declareIncident(db, { title: 'Never published', severity: 'SEV4' }, who('09:02'));
    await updateIncident(db, incident.id, { publicTitle: 'Slow checkout' }, who('09:03'));
    await postStatusUpdate(db, { incidentId: incident.id, status: 'investigating', body: 'Looking into it.', components: [] }, who('09:05'));
    const log = await readPublishableLog(db);
    expect(log.incidents.map((i) => i.id)).toEqual([incident.id]);
    expect(log.updates).toHaveLength(1);
    expect(log.components).toHaveLength(1);
    // Post-mortems: only published ones, for their public part (selectPublic reads nothing else).
    expect(Object.keys(log).sort()).toEqual(['components', 'incidents', 'maintenances', 'postmortems', 'updates']);
    expect(log.postmortems).toEqual([]);
  });
});
