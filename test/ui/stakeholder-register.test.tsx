// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { listStakeholders } from '../../src/db';
import { StakeholderRegister } from '../../src/ui/components/stakeholders/stakeholder-register';
import { createStakeholdersState } from '../../src/ui/state/stakeholders-state';
import { byId, choose, click, disposeAfter, freshDb, mount, root, settle, type } from './render';

const names = () => [...root.querySelectorAll('[data-testid="stakeholder"] strong')].map((e) => e.textContent);
const cell = (quadrant: string) => [...root.querySelectorAll(`[data-quadrant="${quadrant}"] li`)].map((e) => e.textContent);

async function open() {
  const db = freshDb();
  const state = disposeAfter(createStakeholdersState(db));
  await mount(<StakeholderRegister state={state} />);
  await settle(() => expect(names()).toHaveLength(7));
  return db;
}

describe('StakeholderRegister', () => {
  it('starts from the defaults, placed on the power/interest grid', async () => {
    await open();
    expect(cell('manage-closely')).toEqual(['Management', 'Product']);
    expect(cell('keep-satisfied')).toEqual(['Customers', 'Executives']);
    expect(cell('keep-informed')).toEqual(['Engineering', 'Support']);
    expect(cell('monitor')).toEqual(['Rest of the company']);
    expect(root.textContent).toContain('SEV1 only');
  });

  it('adds a stakeholder with power, interest, channels, reach and severity', async () => {
    const db = await open();
    await click('Add a stakeholder');
    await type('stakeholder-new-name', 'Legal');
    await choose('stakeholder-new-power', 'high');
    await choose('stakeholder-new-interest', 'low');
    expect(root.querySelector('[data-testid="stakeholder-quadrant"]')!.textContent).toBe('Keep satisfied');
    await click(byId('stakeholder-new-channel-slack'));
    await type('stakeholder-new-reach', 'legal@example.com');
    await choose('stakeholder-new-severity', 'SEV1');
    await click('Save');
    await settle(() => expect(cell('keep-satisfied')).toEqual(['Customers', 'Executives', 'Legal']));
    const legal = (await listStakeholders(db)).find((s) => s.name === 'Legal');
    expect(legal).toMatchObject({ power: 'high', interest: 'low', channels: ['email', 'slack'], reach: 'legal@example.com', fromSeverity: 'SEV1', order: 7 });
  });

  it('says what is wrong and saves nothing', async () => {
    const db = await open();
    await click('Add a stakeholder');
    await click(byId('stakeholder-new-channel-email'));
    await click('Save');
    await settle(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('Name the person or group'));
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('Choose how they are reached');
    expect(await listStakeholders(db)).toHaveLength(7);
  });

  it('edits one and moves it to another quadrant', async () => {
    await open();
    await click('Edit Support');
    const id = root.querySelector('form input')!.id.replace(/-name$/, '');
    await choose(`${id}-power`, 'high');
    await click('Save');
    await settle(() => expect(cell('manage-closely')).toEqual(['Management', 'Product', 'Support']));
  });

  it('deletes one after asking', async () => {
    const db = await open();
    await click('Delete Executives');
    expect(names()).toContain('Executives');
    await click('Delete');
    await settle(() => expect(names()).not.toContain('Executives'));
    expect((await listStakeholders(db)).map((s) => s.name)).not.toContain('Executives');
  });
});
