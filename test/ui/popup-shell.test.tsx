// @vitest-environment happy-dom
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { declareIncident, listEntries, type SitrepDb } from '../../src/db';
import { activeIncidentIdItem, noteDraftsItem, popupSnapshotItem, type PopupSnapshot } from '../../src/db/storage-items';
import type { Incident } from '../../src/model';
import { NoteBox } from '../../src/ui/components/note-box';
import { NoteField, type NoteHandoff } from '../../src/ui/components/note-field';
import { loadModuleAfterFirstFrame, paintShell } from '../../src/ui/popup-shell';
import { readShellHint } from '../../src/ui/popup-shell-hint';
import { handoffFrom, takeOverShell } from '../../src/ui/popup-shell-takeover';
import { keepShellHint } from '../../src/ui/state/shell-hint-state';
import { AppContext } from '../../src/ui/state/context';
import { createDraftsState } from '../../src/ui/state/drafts-state';
import { createLogState, type LogState } from '../../src/ui/state/log-state';
import { readFirstPaintState } from '../../src/ui/state/first-paint-state';
import { byId, disposeAfter, freshDb, mount, root, settle } from './render';

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

/** popup.html's body, as the popup parses it, in the test's root: the shell, hidden, before its script has run. */
async function parseShell() {
  const html = await readFile(join(import.meta.dirname, '../../entrypoints/popup/index.html'), 'utf8');
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  for (const script of body.querySelectorAll('script')) script.remove();
  root.replaceChildren(...[...body.childNodes].map((node) => document.importNode(node, true)));
}

const visible = (selector: string) => {
  const el = root.querySelector<HTMLElement>(selector);
  return !!el && !el.closest('[hidden]');
};
const noteInput = () => byId<HTMLTextAreaElement>('note-input');
const shown = () => ({
  noteBox: visible('.note-box'),
  loading: visible('[data-shell=loading]'),
  label: visible('.note-box') ? root.querySelector('label[for=note-input]')?.textContent : undefined,
  text: visible('.note-box') ? noteInput().value : undefined,
  focused: document.activeElement === noteInput(),
});
const hint = (value: unknown) => localStorage.setItem('sitrep.popup.shell', JSON.stringify(value));
const storedHint = () => readShellHint();

beforeEach(() => localStorage.clear());

describe('popup.html’s shell markup', () => {
  it('is the full note box’s label and textarea, so the app replaces it without a visible change', async () => {
    await parseShell();
    const shellLabel = root.querySelector('label')!;
    const shellBox = noteInput();
    shellLabel.querySelector('[data-shell=key]')!.textContent = 'INC-7';
    const app = document.createElement('div');
    render(<NoteField incidentKey="INC-7" resolved={false} value="" inputRef={{ current: null }} onInput={() => {}} onSave={() => {}} />, app);
    const appBox = app.querySelector('textarea')!;
    expect(shellLabel.textContent).toBe(app.querySelector('label')!.textContent);
    expect(shellLabel.htmlFor).toBe(app.querySelector('label')!.htmlFor);
    for (const attribute of ['id', 'rows', 'placeholder']) expect(shellBox.getAttribute(attribute), attribute).toBe(appBox.getAttribute(attribute));
    render(null, app);
  });
});

describe('paintShell: the popup’s first paint, from the hint alone', () => {
  it.each<[string, unknown, ReturnType<typeof shown>]>([
    [
      'a hint: that incident’s note box, its draft, the keyboard',
      { id: 'i1', key: 'INC-1', draft: 'Rolled' },
      { noteBox: true, loading: false, label: 'Add a note to INC-1', text: 'Rolled', focused: true },
    ],
    ['a hint with no draft', { id: 'i1', key: 'INC-1', draft: '' }, { noteBox: true, loading: false, label: 'Add a note to INC-1', text: '', focused: true }],
    ['a hint of no note box (no incident, or resolved)', null, { noteBox: false, loading: true, label: undefined, text: undefined, focused: false }],
    ['no hint yet', undefined, { noteBox: false, loading: true, label: undefined, text: undefined, focused: false }],
    ['a hint without its key', { id: 'i1', draft: 'x' }, { noteBox: false, loading: true, label: undefined, text: undefined, focused: false }],
  ])('%s', async (_, stored, expected) => {
    if (stored !== undefined) hint(stored);
    await parseShell();
    expect(visible('main.popup')).toBe(false);
    paintShell();
    expect(visible('main.popup')).toBe(true);
    expect(shown()).toEqual(expected);
    if (expected.noteBox) expect([noteInput().selectionStart, noteInput().selectionEnd]).toEqual([expected.text!.length, expected.text!.length]);
  });

  it('says “Loading…” when localStorage refuses to be read', async () => {
    hint({ id: 'i1', key: 'INC-1', draft: '' });
    await parseShell();
    paintShell(document, {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Storage);
    expect(shown()).toMatchObject({ noteBox: false, loading: true });
  });

  it('remembers Enter for the app, and lets Shift+Enter make a new line', async () => {
    hint({ id: 'i1', key: 'INC-1', draft: 'Paged Bo' });
    await parseShell();
    paintShell();
    const shift = new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true, cancelable: true });
    noteInput().dispatchEvent(shift);
    expect(shift.defaultPrevented).toBe(false);
    expect(handoffFrom({ incident: open, drafts: {} })?.saveRequested).toBe(false);
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    noteInput().dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    expect(root.querySelector('.note-box [role=status]')?.textContent).toBe('Saving…');
    expect(handoffFrom({ incident: open, drafts: {} })).toEqual({
      incidentId: 'i1',
      text: 'Paged Bo',
      selectionStart: 8,
      selectionEnd: 8,
      focused: true,
      saveRequested: true,
    });
  });

  it('puts the note box where the app last had it', async () => {
    hint({ id: 'i1', key: 'INC-1', draft: '' });
    localStorage.setItem('sitrep.popup.noteBoxTop', '180.00');
    await parseShell();
    const box = root.querySelector<HTMLElement>('.note-box')!;
    const spacer = root.querySelector<HTMLElement>('[data-shell=spacer]')!;
    // happy-dom lays nothing out: the box sits 60 px down below a spacer of its own height.
    vi.spyOn(box, 'getBoundingClientRect').mockImplementation(() => ({ top: 60 + (parseFloat(spacer.style.height) || 0) }) as DOMRect);
    vi.spyOn(spacer, 'getBoundingClientRect').mockImplementation(() => ({ height: parseFloat(spacer.style.height) || 0 }) as DOMRect);
    paintShell();
    expect(spacer.style.height).toBe('120px');
    expect(box.getBoundingClientRect().top).toBe(180);
  });
});

describe('loadModuleAfterFirstFrame: the popup’s module, once the shell is on screen', () => {
  /** The scripts it adds to the head, kept out of it: happy-dom would try to load them. */
  let added: HTMLScriptElement[];
  beforeEach(() => {
    added = [];
    vi.spyOn(document.head, 'append').mockImplementation((...nodes) => void added.push(...(nodes as HTMLScriptElement[])));
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'setTimeout'] });
  });
  afterEach(() => vi.useRealTimers());
  const meta = () => Object.assign(document.createElement('meta'), { name: 'sitrep-module', content: '/chunks/popup-abc.js' });
  const inHead = (doc: Document) => {
    doc.head.querySelector('meta[name=sitrep-module]')?.remove();
    HTMLElement.prototype.append.call(doc.head, meta());
  };

  it('adds the module script after the first frame, once, not before', async () => {
    inHead(document);
    loadModuleAfterFirstFrame();
    expect(added).toEqual([]);
    vi.advanceTimersToNextFrame();
    expect(added).toEqual([]); // in the frame's callbacks: still before it is painted
    await vi.advanceTimersByTimeAsync(1); // the fake clock runs a 0 ms timeout 1 ms later, as Node does
    expect(added.map((script) => [script.type, script.getAttribute('src')])).toEqual([['module', '/chunks/popup-abc.js']]);
    await vi.advanceTimersByTimeAsync(200);
    expect(added).toHaveLength(1);
  });

  it('adds it after 100 ms when no frame comes (a hidden page)', async () => {
    inHead(document);
    const frame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    loadModuleAfterFirstFrame();
    await vi.advanceTimersByTimeAsync(99);
    expect(added).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(added).toHaveLength(1);
    expect(frame).toHaveBeenCalledOnce();
  });

  it('adds nothing to a page without the module’s address', async () => {
    document.head.querySelector('meta[name=sitrep-module]')?.remove();
    loadModuleAfterFirstFrame();
    await vi.advanceTimersByTimeAsync(200);
    expect(added).toEqual([]);
  });
});

describe('takeOverShell: the shell squared with extension storage', () => {
  const inc1 = { id: 'i1', key: 'INC-1', resolved: false as const };
  const inc2 = { id: 'i2', key: 'INC-2', resolved: false as const };
  async function paintFrom(stored: unknown) {
    hint(stored);
    await parseShell();
    paintShell();
  }
  const typeInShell = (text: string) => {
    noteInput().value = text;
    noteInput().dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('keeps a right guess as painted, and writes the hint again', async () => {
    await paintFrom({ id: 'i1', key: 'INC-1', draft: 'Rolled' });
    takeOverShell({ incident: inc1, drafts: { i1: 'Rolled' } });
    expect(shown()).toEqual({ noteBox: true, loading: false, label: 'Add a note to INC-1', text: 'Rolled', focused: true });
    expect(storedHint()).toEqual({ id: 'i1', key: 'INC-1', draft: 'Rolled' });
    expect(await noteDraftsItem.getValue()).toEqual({});
  });

  it('shows the stored draft when the hint’s was older and nothing was typed', async () => {
    await paintFrom({ id: 'i1', key: 'INC-1', draft: 'Rolled' });
    takeOverShell({ incident: inc1, drafts: { i1: 'Rolled back at 14:02' } });
    expect(shown()).toMatchObject({ text: 'Rolled back at 14:02', focused: true });
    expect(storedHint()).toEqual({ id: 'i1', key: 'INC-1', draft: 'Rolled back at 14:02' });
  });

  it('keeps what was typed before it as the draft, and every keystroke after it', async () => {
    await paintFrom({ id: 'i1', key: 'INC-1', draft: '' });
    typeInShell('Paged');
    takeOverShell({ incident: inc1, drafts: { other: 'kept' } });
    expect(shown()).toMatchObject({ text: 'Paged', focused: true });
    await settle(async () => expect(await noteDraftsItem.getValue()).toEqual({ i1: 'Paged', other: 'kept' }));
    typeInShell('Paged Bo');
    await settle(async () => expect(await noteDraftsItem.getValue()).toEqual({ i1: 'Paged Bo', other: 'kept' }));
    expect(storedHint()).toEqual({ id: 'i1', key: 'INC-1', draft: 'Paged Bo' });
  });

  it('goes by what the shell showed, not the hint as another page rewrote it since', async () => {
    await paintFrom({ id: 'i1', key: 'INC-1', draft: '' });
    typeInShell('Paged Bo');
    hint(null); // the side panel's log state dropped it meanwhile
    takeOverShell({ incident: inc1, drafts: {} });
    expect(shown()).toMatchObject({ label: 'Add a note to INC-1', text: 'Paged Bo', focused: true });
    await settle(async () => expect(await noteDraftsItem.getValue()).toEqual({ i1: 'Paged Bo' }));
  });

  it('keeps text typed for an incident no longer active as that one’s draft, drops its Enter, and shows the active one', async () => {
    await paintFrom({ id: 'i1', key: 'INC-1', draft: '' });
    typeInShell('Paged Bo');
    noteInput().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    takeOverShell({ incident: inc2, drafts: { i2: 'for two' } });
    expect(shown()).toEqual({ noteBox: true, loading: false, label: 'Add a note to INC-2', text: 'for two', focused: true });
    expect(handoffFrom({ incident: inc2, drafts: {} })?.saveRequested).toBe(false);
    expect(root.querySelector('.note-box [role=status]')?.textContent?.trim()).toBe('');
    await settle(async () => expect(await noteDraftsItem.getValue()).toEqual({ i1: 'Paged Bo', i2: 'for two' }));
    expect(storedHint()).toEqual({ id: 'i2', key: 'INC-2', draft: 'for two' });
  });

  it('says “Loading…” when no incident takes notes any more, keeping what was typed as the draft', async () => {
    await paintFrom({ id: 'i1', key: 'INC-1', draft: '' });
    typeInShell('Paged Bo');
    takeOverShell({ drafts: {} });
    expect(shown()).toMatchObject({ noteBox: false, loading: true });
    expect(handoffFrom({ drafts: {} })).toBeUndefined();
    await settle(async () => expect(await noteDraftsItem.getValue()).toEqual({ i1: 'Paged Bo' }));
    expect(localStorage.getItem('sitrep.popup.shell')).toBe('null');
  });

  it('brings the note box, its draft and the keyboard when the shell had no hint', async () => {
    await parseShell();
    paintShell();
    takeOverShell({ incident: inc1, drafts: { i1: 'Rolled' } });
    expect(shown()).toEqual({ noteBox: true, loading: false, label: 'Add a note to INC-1', text: 'Rolled', focused: true });
    expect(storedHint()).toEqual({ id: 'i1', key: 'INC-1', draft: 'Rolled' });
  });
});

describe('keepShellHint: the popup keeps the hint in step', () => {
  it('follows the active incident and its draft, and says “no note box” once it is resolved', async () => {
    const log = disposeAfter(createLogState(db));
    const drafts = disposeAfter(createDraftsState());
    await Promise.all([log.ready, drafts.ready]);
    const stop = keepShellHint(log, drafts);
    try {
      expect(localStorage.getItem('sitrep.popup.shell')).toBe('null');
      const incident = await log.declare({ title: 'Checkout errors', severity: 'SEV2' });
      await settle(() => expect(storedHint()).toEqual({ id: incident!.id, key: 'INC-1', draft: '' }));
      await drafts.set(incident!.id, 'Rolled');
      await settle(() => expect(storedHint()).toEqual({ id: incident!.id, key: 'INC-1', draft: 'Rolled' }));
      await log.update(incident!.id, { status: 'resolved' });
      await settle(() => expect(localStorage.getItem('sitrep.popup.shell')).toBe('null'));
    } finally {
      stop();
    }
  });

  it('is dropped by any page’s log state when another incident is made active', async () => {
    const log = disposeAfter(createLogState(db));
    await log.ready;
    const first = await log.declare({ title: 'Checkout errors', severity: 'SEV2' });
    hint({ id: first!.id, key: 'INC-1', draft: 'Rolled' });
    await log.declare({ title: 'Search down', severity: 'SEV3' });
    await settle(() => expect(localStorage.getItem('sitrep.popup.shell')).toBe('null'));
  });
});

describe('NoteBox taking over from the shell', () => {
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
