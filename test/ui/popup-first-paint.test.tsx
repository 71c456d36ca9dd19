// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { declareIncident, listEntries, type SitrepDb } from '../../src/db';
import { activeIncidentIdItem, noteDraftsItem, popupSnapshotItem, type PopupSnapshot } from '../../src/db/storage-items';
import type { Incident } from '../../src/model';
import { NoteBox } from '../../src/ui/components/note-box';
import type { NoteHandoff } from '../../src/ui/components/note-field';
import { AppContext } from '../../src/ui/state/context';
import { createDraftsState } from '../../src/ui/state/drafts-state';
import { createLogState, type LogState } from '../../src/ui/state/log-state';
import { handoffFrom, PopupFirstPaint } from '../../src/ui/components/popup-first-paint';
import { readFirstPaintState } from '../../src/ui/state/first-paint-state';
import { byId, disposeAfter, freshDb, key, mount, root, settle, type } from './render';

let db: SitrepDb;
const who = { author: 'Ana' };

beforeEach(() => {
  db = freshDb();
});

const open: PopupSnapshot = { id: 'i1', key: 'INC-1', resolved: false };

describe('readFirstPaintState: the first paint shows a note box only for the incident the snapshot still describes', () => {
  it.each<[string, { active: string | null; snapshot: unknown; drafts?: unknown }, PopupSnapshot | undefined, Record<string, string>]>([
    ['the active incident, open', { active: 'i1', snapshot: open, drafts: { i1: 'half a note' } }, open, { i1: 'half a note' }],
    ['another incident made active since', { active: 'i2', snapshot: open }, undefined, {}],
    ['the active incident, resolved', { active: 'i1', snapshot: { ...open, resolved: true } }, undefined, {}],
    ['no incident active', { active: null, snapshot: open }, undefined, {}],
    ['no snapshot yet', { active: 'i1', snapshot: null }, undefined, {}],
    ['a snapshot without its key', { active: 'i1', snapshot: { id: 'i1', resolved: false } }, undefined, {}],
    ['drafts that are not a map', { active: 'i1', snapshot: open, drafts: 'garbage' }, open, {}],
  ])('%s', async (_, stored, incident, drafts) => {
    await activeIncidentIdItem.setValue(stored.active);
    await popupSnapshotItem.setValue(stored.snapshot as PopupSnapshot | null);
    if (stored.drafts !== undefined) await fakeBrowser.storage.local.set({ noteDrafts: stored.drafts });
    expect(await readFirstPaintState()).toEqual({ incident, drafts });
  });
});

describe('the log state keeps the snapshot in step with the active incident', () => {
  it('writes it when an incident is declared, resolved and reopened', async () => {
    const log = disposeAfter(createLogState(db));
    await log.ready;
    const incident = await log.declare({ title: 'Checkout errors', severity: 'SEV2' });
    await settle(async () => expect(await popupSnapshotItem.getValue()).toEqual({ id: incident!.id, key: 'INC-1', resolved: false }));
    await log.update(incident!.id, { status: 'resolved' });
    await settle(async () => expect(await popupSnapshotItem.getValue()).toEqual({ id: incident!.id, key: 'INC-1', resolved: true }));
    await log.update(incident!.id, { status: 'investigating' });
    await settle(async () => expect(await popupSnapshotItem.getValue()).toEqual({ id: incident!.id, key: 'INC-1', resolved: false }));
  });
});

describe('PopupFirstPaint: the first paint', () => {
  it('shows the active incident’s note box with its draft and the keyboard, keeps typing as the draft, and remembers Enter', async () => {
    await mount(<PopupFirstPaint state={{ incident: open, drafts: { i1: 'Rolled', other: 'kept' } }} />);
    const box = byId('note-input') as HTMLTextAreaElement;
    expect(root.querySelector('label[for="note-input"]')?.textContent).toBe('Add a note to INC-1');
    expect(box.value).toBe('Rolled');
    expect(document.activeElement).toBe(box);
    await type('note-input', 'Rolled back');
    await settle(async () => expect(await noteDraftsItem.getValue()).toEqual({ i1: 'Rolled back', other: 'kept' }));
    box.setSelectionRange(2, 4);
    expect(handoffFrom({ incident: open, drafts: {} })).toEqual({
      incidentId: 'i1',
      text: 'Rolled back',
      selectionStart: 2,
      selectionEnd: 4,
      focused: true,
      saveRequested: false,
    });
    await key(box, { key: 'Enter' });
    expect(root.textContent).toContain('Saving…');
    expect(handoffFrom({ incident: open, drafts: {} })?.saveRequested).toBe(true);
  });

  it('says it is loading, with no note box, when the snapshot does not describe the active incident', async () => {
    await mount(<PopupFirstPaint state={{ drafts: {} }} />);
    expect(byId('note-input')).toBeNull();
    expect(root.textContent).toContain('Loading…');
    expect(handoffFrom({ drafts: {} })).toBeUndefined();
  });
});

describe('NoteBox taking over from the first paint', () => {
  async function mountTakingOver(incident: Incident, handoff: NoteHandoff) {
    const log: LogState = disposeAfter(createLogState(db));
    const drafts = disposeAfter(createDraftsState());
    await log.ready;
    await log.switchTo(incident.id);
    let left: NoteHandoff | undefined = handoff;
    const takeHandoff = (id: string) => {
      const taken = left?.incidentId === id ? left : undefined;
      left = undefined;
      return taken;
    };
    function Page() {
      const active = log.active.value;
      return active ? <NoteBox key={active.id} incident={active} drafts={drafts} takeHandoff={takeHandoff} /> : null;
    }
    await mount(
      <AppContext.Provider value={{ db, log }}>
        <Page />
      </AppContext.Provider>,
    );
    await settle(() => expect(byId('note-input')).not.toBeNull());
  }

  it('keeps the text, the caret and the keyboard', async () => {
    const incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, who);
    await mountTakingOver(incident, { incidentId: incident.id, text: 'Paged Bo', selectionStart: 3, selectionEnd: 5, focused: true, saveRequested: false });
    const box = byId('note-input') as HTMLTextAreaElement;
    expect(box.value).toBe('Paged Bo');
    expect([box.selectionStart, box.selectionEnd]).toEqual([3, 5]);
    expect(document.activeElement).toBe(box);
    expect((await listEntries(db, incident.id)).filter((e) => e.kind === 'note')).toEqual([]);
  });

  it('saves a note whose Enter came before the log was open, once', async () => {
    const incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, who);
    await mountTakingOver(incident, { incidentId: incident.id, text: 'Paged Bo', selectionStart: 8, selectionEnd: 8, focused: true, saveRequested: true });
    await settle(async () => expect((await listEntries(db, incident.id)).filter((e) => e.kind === 'note').map((e) => e.text)).toEqual(['Paged Bo']));
    await settle(() => expect((byId('note-input') as HTMLTextAreaElement).value).toBe(''));
    expect(root.textContent).toMatch(/Saved at/);
  });

  it('takes nothing typed for another incident', async () => {
    const incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, who);
    await mountTakingOver(incident, { incidentId: 'other', text: 'Paged Bo', selectionStart: 0, selectionEnd: 0, focused: true, saveRequested: true });
    expect((byId('note-input') as HTMLTextAreaElement).value).toBe('');
    expect((await listEntries(db, incident.id)).filter((e) => e.kind === 'note')).toEqual([]);
  });
});
