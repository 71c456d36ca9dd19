// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { declareIncident, listEntriesOfKind, postStatusUpdate, saveStakeholder, updateIncident } from '../../src/db';
import { button, click, freshDb, mountComposer, root, settle } from './render';

const items = (testId = 'comms-item') => [...root.querySelectorAll(`[aria-label="Must hear now"] [data-testid="${testId}"]`)];
const summary = () => root.querySelector('[data-testid="comms-summary"]')?.textContent;

async function incidentWithRegister(severity: 'SEV1' | 'SEV2' = 'SEV2') {
  const db = freshDb();
  const incident = await declareIncident(db, { title: 'Checkout down', severity }, { author: 'Ana' });
  const management = await saveStakeholder(db, {
    name: 'Management',
    power: 'high',
    interest: 'high',
    channels: ['email', 'slack'],
    reach: '#leads',
    fromSeverity: 'SEV2',
  });
  await saveStakeholder(db, { name: 'Customers', power: 'high', interest: 'low', channels: ['status-page'], reach: '', fromSeverity: 'SEV3' });
  await saveStakeholder(db, { name: 'Executives', power: 'high', interest: 'low', channels: ['email'], reach: '', fromSeverity: 'SEV1' });
  const post = (status: 'investigating' | 'identified') =>
    postStatusUpdate(db, { incidentId: incident.id, status, body: 'Looking into it', components: [], publicTitle: 'Payments failing' }, { author: 'Ana' });
  return { db, incident, management, post };
}

describe('the communication checklist in the status composer', () => {
  it('says who must hear the latest update, and how; Told records it on the timeline', async () => {
    const { db, incident, management, post } = await incidentWithRegister();
    const { update } = await post('investigating');
    await mountComposer(db, incident);
    await settle(() => expect(items().map((i) => i.querySelector('.comms-item__who')!.textContent)).toEqual(['Management', '✓ Customers']));
    expect(summary()).toBe('1 still to tell at SEV2.');
    expect(items()[1]!.textContent).toContain('on the status page');
    expect(root.textContent).not.toContain('Executives');

    await click('Told Management by Slack');
    await settle(() => expect(summary()).toBe('Everyone it must reach has been told.'));
    const [entry] = await listEntriesOfKind(db, incident.id, 'comms');
    expect(entry).toMatchObject({
      author: '',
      text: 'Told Management by Slack about the “Investigating” update',
      told: { stakeholderId: management.id, channel: 'slack', updateId: update.id },
    });
    // The other channel stays offered: telling by one more way is worth recording too.
    expect(button('Told Management by Email')).toBeTruthy();
    expect(button('Told Management by Slack')).toBeUndefined();
  });

  it('keeps what is owed from an earlier update visible until a later telling covers it', async () => {
    const { db, incident, post } = await incidentWithRegister();
    await post('investigating');
    await post('identified');
    await mountComposer(db, incident);
    await settle(() => expect(root.querySelectorAll('[data-testid="comms-owed"]')).toHaveLength(1));
    expect(root.querySelector('[data-testid="comms-owed"]')!.textContent).toContain('“Investigating”');
    await click(root.querySelector<HTMLButtonElement>('[aria-label="Must hear now"] button'));
    await settle(() => expect(root.querySelectorAll('[data-testid="comms-owed"]')).toHaveLength(0));
  });

  it('owes executives once the incident is raised to SEV1', async () => {
    const { db, incident, post } = await incidentWithRegister();
    await post('investigating');
    await updateIncident(db, incident.id, { severity: 'SEV1' }, { author: 'Ana' });
    await mountComposer(db, { ...incident, severity: 'SEV1' });
    await settle(() => expect(button('Told Executives by Email')).toBeTruthy());
  });

  it('shows nothing before the first update', async () => {
    const { db, incident } = await incidentWithRegister();
    await mountComposer(db, incident);
    expect(root.querySelector('.comms-checklist')).toBeNull();
  });
});
