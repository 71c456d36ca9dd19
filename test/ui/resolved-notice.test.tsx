// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { declareIncident, listEntries, updateIncident, type SitrepDb } from '../../src/db';
import type { Incident } from '../../src/model';
import { NoteBox } from '../../src/ui/components/note-box';
import { AppContext } from '../../src/ui/state/context';
import { createDraftsState } from '../../src/ui/state/drafts-state';
import { createLogState, type LogState } from '../../src/ui/state/log-state';
import { button, byId, click, disposeAfter, freshDb, key, mount, root, settle, testIdText, type } from './render';

let db: SitrepDb;
let log: LogState;
const who = { author: 'Ana' };

beforeEach(() => {
  db = freshDb();
});

async function resolvedIncident(): Promise<Incident> {
  const incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, who);
  await updateIncident(db, incident.id, { status: 'resolved' }, who);
  return incident;
}

/** The note box as the popup and side panel mount it: for the active incident, keyed by its id. */
async function mountNoteBox(incident: Incident, onDeclareNew?: () => void) {
  log = disposeAfter(createLogState(db));
  const drafts = disposeAfter(createDraftsState());
  await log.ready;
  await log.switchTo(incident.id);
  function Page() {
    const active = log.active.value;
    return active ? <NoteBox key={active.id} incident={active} drafts={drafts} onDeclareNew={onDeclareNew} /> : <p>No incident</p>;
  }
  await mount(
    <AppContext.Provider value={{ db, log }}>
      <Page />
    </AppContext.Provider>,
  );
  await settle(() => expect(root.querySelector('.note-box')).not.toBeNull());
}

const notes = async (incidentId: string) => (await listEntries(db, incidentId)).filter((e) => e.kind === 'note').map((e) => e.text);

describe('NoteBox for a resolved incident', () => {
  it('says it is resolved instead of offering a note box, with the safe choice focused', async () => {
    const incident = await resolvedIncident();
    await mountNoteBox(incident);
    expect(testIdText('resolved-notice')).toContain('INC-1 is resolved');
    expect(byId('note-input')).toBeNull();
    expect(document.activeElement).toBe(button('Declare new'));
    expect(button('Reopen')).toBeTruthy();
    expect(button('Add anyway')).toBeTruthy();
  });

  it('offers the note box as usual while the incident is open', async () => {
    const incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, who);
    await mountNoteBox(incident);
    expect(testIdText('resolved-notice')).toBe('');
    expect(root.querySelector('label[for="note-input"]')?.textContent).toBe('Add a note to INC-1');
  });

  it('adds a note anyway, as a choice made on purpose, and says where it goes', async () => {
    const incident = await resolvedIncident();
    await mountNoteBox(incident);
    await click('Add anyway');
    expect(root.querySelector('label[for="note-input"]')?.textContent).toBe('Add a note to INC-1 (resolved)');
    expect(document.activeElement).toBe(byId('note-input'));
    await type('note-input', 'Late finding: the cache was cold');
    await key('note-input', { key: 'Enter' });
    await settle(async () => expect(await notes(incident.id)).toEqual(['Late finding: the cache was cold']));
  });

  it('reopens the incident: logged, resolved time cleared, note box back', async () => {
    const incident = await resolvedIncident();
    await mountNoteBox(incident);
    await click('Reopen');
    await settle(() => expect(byId('note-input')).not.toBeNull());
    const stored = (await db.incidents.get(incident.id))!;
    expect(stored.status).toBe('investigating');
    expect(stored.resolvedAt).toBeUndefined();
    expect((await listEntries(db, incident.id)).at(-1)?.text).toBe('Status: Investigating');
  });

  it('hands "Declare new" to the page when it has its own declare form', async () => {
    const incident = await resolvedIncident();
    let asked = 0;
    await mountNoteBox(incident, () => asked++);
    await click('Declare new');
    expect(asked).toBe(1);
    expect(byId('declare-title')).toBeNull();
  });

  it('opens a declare form in place otherwise; declaring moves the note box to the new incident', async () => {
    const incident = await resolvedIncident();
    await mountNoteBox(incident);
    await click('Declare new');
    expect(document.activeElement).toBe(byId('declare-title'));
    await type('declare-title', 'Checkout errors again');
    await click('Declare incident');
    await settle(() => expect(root.querySelector('label[for="note-input"]')?.textContent).toBe('Add a note to INC-2'));
    expect(log.active.value?.title).toBe('Checkout errors again');
  });
});
