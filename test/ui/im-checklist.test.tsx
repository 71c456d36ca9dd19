// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { declareIncident, getChecklist, postStatusUpdate, type SitrepDb } from '../../src/db';
import { DEFAULT_CADENCE, type Incident } from '../../src/model';
import { ImChecklistView } from '../../src/ui/components/im-checklist';
import { createImChecklistState } from '../../src/ui/state/im-checklist-state';
import { byId, click, disposeAfter, freshDb, mount, root, settle, type } from './render';

const T0 = new Date('2026-03-28T10:00:00.000Z');
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);
const step = (name: string) => root.querySelector<HTMLElement>(`[data-step="${name}"]`)!;

async function open(db: SitrepDb, incident: Incident, now: Date) {
  const state = disposeAfter(createImChecklistState(db, incident.id, () => 'Ana'));
  await mount(<ImChecklistView incident={incident} state={state} cadence={DEFAULT_CADENCE} timeDisplay="utc" now={now} />);
}

describe('the incident manager’s checklist', () => {
  it('ticks the status page step when the first update is published, and shows what is overdue', async () => {
    const db = freshDb();
    const declared = await declareIncident(db, { title: 'Checkout down', severity: 'SEV2' }, { author: 'Ana', now: T0 });
    const { incident } = await postStatusUpdate(
      db,
      { incidentId: declared.id, status: 'identified', body: 'Found it', components: [], publicTitle: 'Payments' },
      { author: 'Ana', now: minutes(3) },
    );
    await open(db, incident, minutes(12));
    await settle(() => expect(step('status-page').dataset['status']).toBe('auto'));
    expect(step('status-page').textContent).toContain('First public update published 10:03');
    // Leaving investigating acknowledged it.
    expect(step('acknowledge').dataset['status']).toBe('auto');
    expect(step('internal-email').dataset['status']).toBe('overdue');
    expect(step('internal-email').textContent).toContain('Overdue since 10:08');
    expect(root.querySelector('[data-testid="im-checklist-summary"]')!.textContent).toBe('2 of 6 done · 1 overdue');
  });

  it('ticks a step by hand with a note, and takes it back', async () => {
    const db = freshDb();
    const incident = await declareIncident(db, { title: 'Checkout down', severity: 'SEV2' }, { author: 'Ana', now: T0 });
    await open(db, incident, minutes(7));
    await settle(() => expect(step('acknowledge').dataset['status']).toBe('overdue'));

    await click('Tick Acknowledge: engineering confirms it is real, and its impact by hand');
    await type('im-note-acknowledge', 'Confirmed by Bo on the bridge');
    await click('Tick');
    await settle(() => expect(step('acknowledge').dataset['status']).toBe('hand'));
    expect(step('acknowledge').querySelector('[data-testid="im-step-note"]')!.textContent).toBe('Confirmed by Bo on the bridge');
    expect((await getChecklist(db, incident.id))!.ticks).toMatchObject([{ step: 'acknowledge', by: 'Ana', note: 'Confirmed by Bo on the bridge' }]);

    await click('Untick Acknowledge: engineering confirms it is real, and its impact');
    await settle(() => expect(step('acknowledge').dataset['status']).toBe('overdue'));
    expect(byId('im-note-acknowledge')).toBeNull();
  });
});
