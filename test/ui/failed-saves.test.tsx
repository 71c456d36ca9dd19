// @vitest-environment happy-dom
// Every form, when storage refuses the write: what was typed stays where it was typed, and the
// reason is said. The write fails at the Dexie table (or the storage item) the repository uses,
// as a full disk does, so the UI's whole path to it is the one a person takes.
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addEntry, declareIncident, listEntries, type SitrepDb } from '../../src/db';
import { notifiersItem, settingsItem } from '../../src/db/storage-items';
import { DEFAULT_SETTINGS, readSettings, type Incident } from '../../src/model';
import { ComponentsEditor } from '../../src/ui/components/components-editor';
import { ErrorBanner } from '../../src/ui/components/error-banner';
import { IncidentHeader } from '../../src/ui/components/incident-header';
import { MaintenanceEditor } from '../../src/ui/components/maintenance-editor';
import { NoteBox } from '../../src/ui/components/note-box';
import { NotifiersSettings } from '../../src/ui/components/notifiers-settings';
import { SettingsForm } from '../../src/ui/components/settings-form';
import { TimelineList } from '../../src/ui/components/timeline/timeline-list';
import { createComponentsState } from '../../src/ui/state/components-state';
import { AppContext } from '../../src/ui/state/context';
import { createDraftsState } from '../../src/ui/state/drafts-state';
import { createLogState, type LogState } from '../../src/ui/state/log-state';
import { createMaintenanceState } from '../../src/ui/state/maintenance-state';
import { createNotifiersState } from '../../src/ui/state/notifiers-state';
import { createTimelineState } from '../../src/ui/state/timeline-state';
import { signal } from '@preact/signals';
import {
  button,
  byId,
  click,
  disposeAfter,
  fakePermissionPrompt,
  freshDb,
  key,
  mount,
  mountComposer,
  restoreTimeZoneAfterEach,
  root,
  settle,
  type,
  valueOf,
} from './render';

const FULL = 'QuotaExceededError: the disk is full';

let db: SitrepDb;
let log: LogState;
let incident: Incident;

restoreTimeZoneAfterEach();
beforeEach(async () => {
  process.env.TZ = 'Europe/Berlin';
  db = freshDb();
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, author: 'Ana' });
  incident = await declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, { author: 'Ana' });
});

/** The log, with `incident` active, as the popup and side panel create it. */
async function activeLog(): Promise<LogState> {
  log = disposeAfter(createLogState(db));
  await log.ready;
  await log.switchTo(incident.id);
  return log;
}

/** A page under the app's context, with the banner the popup and side panel show the log's errors in. */
async function mountPage(children: () => preact.ComponentChild) {
  function Page() {
    return (
      <>
        <ErrorBanner message={log.lastError.value} />
        {children()}
      </>
    );
  }
  await mount(
    <AppContext.Provider value={{ db, log }}>
      <Page />
    </AppContext.Provider>,
  );
}

const alertText = () => [...root.querySelectorAll('[role="alert"]')].map((e) => e.textContent).join(' | ');

describe('the timeline’s entry editor', () => {
  it('stays open with the edited text and the reason when the save fails, and saves once it can', async () => {
    await activeLog();
    const entry = await addEntry(db, { incidentId: incident.id, kind: 'note', text: 'Rolled back 4.12', author: 'Ana' });
    // happy-dom lays nothing out: give the list a height, or the virtual list renders no rows.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    const timeline = disposeAfter(createTimelineState(db, signal(incident.id), signal('utc')));
    await mountPage(() => <TimelineList timeline={timeline} timeDisplay="utc" components={new Map()} onCopyLink={() => {}} />);
    const row = () => root.querySelector<HTMLElement>(`[data-entry-id="${entry.id}"]`);
    await settle(() => expect(row()).not.toBeNull());

    await click(button('Edit (e)', row()!));
    const textId = `edit-text-${entry.id}`;
    await type(textId, 'Rolled back 4.12 to 4.11 on every node');
    const put = vi.spyOn(db.entries, 'put').mockRejectedValue(new Error(FULL));
    await key(textId, { key: 'Enter', ctrlKey: true });

    await settle(() => expect(alertText()).toBe(`Not saved: ${FULL}`));
    expect(put).toHaveBeenCalled();
    expect(root.querySelector('form[aria-label="Edit entry"]')).not.toBeNull();
    expect(valueOf(textId)).toBe('Rolled back 4.12 to 4.11 on every node');
    expect(document.activeElement?.id).toBe(textId);
    expect((await db.entries.get(entry.id))?.text).toBe('Rolled back 4.12');

    // Storage has room again: the same Save stores it and closes the editor.
    put.mockRestore();
    await click('Save');
    await settle(() => expect(root.querySelector('form[aria-label="Edit entry"]')).toBeNull());
    expect((await db.entries.get(entry.id))?.text).toBe('Rolled back 4.12 to 4.11 on every node');
    expect(alertText()).toBe('');
  });
});

describe('the note box', () => {
  it('keeps the note and says why when it cannot be added', async () => {
    await activeLog();
    const drafts = disposeAfter(createDraftsState());
    await mountPage(() => log.active.value && <NoteBox key={incident.id} incident={log.active.value} drafts={drafts} />);
    await settle(() => expect(byId('note-input')).not.toBeNull());
    vi.spyOn(db.entries, 'add').mockRejectedValue(new Error(FULL));

    await type('note-input', 'Paged the payments team');
    await key('note-input', { key: 'Enter' });

    await settle(() => expect(alertText()).toBe(FULL));
    expect(valueOf('note-input')).toBe('Paged the payments team');
    expect(root.querySelector('.note-box [role="status"]')?.textContent?.trim()).toBe('');
    expect((await listEntries(db, incident.id)).map((e) => e.text)).not.toContain('Paged the payments team');
  });
});

describe('incident details', () => {
  async function mountDetails() {
    await activeLog();
    await mountPage(
      () => log.active.value && <IncidentHeader key={incident.id} incident={log.active.value} onUpdate={(patch) => void log.update(incident.id, patch)} />,
    );
    await settle(() => expect(byId('incident-manager')).not.toBeNull());
    return vi.spyOn(db.incidents, 'put').mockRejectedValue(new Error(FULL));
  }

  it('keeps a new incident manager typed in the field and says why it was not saved', async () => {
    await mountDetails();
    await type('incident-manager', 'Bo', { focus: true });
    await act(() => void byId('incident-manager').dispatchEvent(new Event('change', { bubbles: true })));

    await settle(() => expect(alertText()).toBe(FULL));
    expect(valueOf('incident-manager')).toBe('Bo');
    expect((await db.incidents.get(incident.id))?.manager).toBe('Ana');
  });

  it('keeps a detection time typed in the field and says why it was not saved', async () => {
    await mountDetails();
    const before = (await db.incidents.get(incident.id))?.detectedAt;
    const later = new Date(Date.parse(incident.startedAt) + 5 * 60_000);
    // The field reads local time (Berlin): typed as a person there would.
    const typed = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'medium' }).format(later).replace(' ', 'T');
    await type('incident-detected', typed, { focus: true });
    await act(() => byId('incident-detected').blur());

    await settle(() => expect(alertText()).toBe(FULL));
    expect(valueOf('incident-detected')).toBe(typed);
    expect((await db.incidents.get(incident.id))?.detectedAt).toBe(before);
  });
});

describe('the components editor', () => {
  it('keeps the new component’s fields and says why it was not added', async () => {
    const state = disposeAfter(createComponentsState(db));
    await mount(<ComponentsEditor state={state} />);
    await settle(() => expect(root.textContent).toContain('No components yet.'));
    vi.spyOn(db.components, 'put').mockRejectedValue(new Error(FULL));

    await click('Add component');
    await type('component-new-name', 'Payments API');
    await type('component-new-owner', 'Team Cash');
    await key('component-new-name', { key: 'Enter', ctrlKey: true });

    await settle(() => expect(alertText()).toBe(FULL));
    expect(valueOf('component-new-name')).toBe('Payments API');
    expect(valueOf('component-new-owner')).toBe('Team Cash');
    expect(await db.components.count()).toBe(0);
  });
});

describe('the settings form', () => {
  it('keeps the name typed and says it was not saved when storage refuses it', async () => {
    await activeLog();
    vi.spyOn(settingsItem, 'setValue').mockRejectedValue(new Error(FULL));
    await mount(<Settings />);
    await type('settings-author', 'Ana Lima');

    await settle(() => expect(alertText()).toBe(`Not saved: ${FULL}`));
    expect(valueOf('settings-author')).toBe('Ana Lima');
    expect(readSettings(await settingsItem.getValue()).author).toBe('Ana');

    // The next change that is stored clears the message.
    vi.mocked(settingsItem.setValue).mockRestore();
    await type('settings-author', 'Ana Lima-Silva');
    await settle(() => expect(alertText()).toBe(''));
    expect(readSettings(await settingsItem.getValue()).author).toBe('Ana Lima-Silva');
  });

  function Settings() {
    return <SettingsForm settings={log.settings.value} onChange={log.setSettings} />;
  }
});

describe('the status composer', () => {
  it('keeps the public title and message and says why when the update cannot be saved', async () => {
    await mountComposer(db, incident);
    vi.spyOn(db.updates, 'add').mockRejectedValue(new Error(FULL));
    await type('composer-public-title', 'Card payments failing', { focus: true });
    await type('composer-message', 'We are looking into failed card payments.', { focus: true });
    await key('composer-message', { key: 'Enter', ctrlKey: true });

    await settle(() => expect(alertText()).toContain('disk is full'));
    expect(valueOf('composer-public-title')).toBe('Card payments failing');
    expect(valueOf('composer-message')).toBe('We are looking into failed card payments.');
    expect(await db.updates.count()).toBe(0);
  });
});

describe('the maintenance editor', () => {
  it('keeps everything typed and says why when the window cannot be saved', async () => {
    process.env.TZ = 'UTC';
    const state = disposeAfter(createMaintenanceState(db, () => 'Ana'));
    await mount(<MaintenanceEditor state={state} now={new Date('2026-10-30T12:00:00.000Z')} />);
    await settle(() => expect(root.textContent).toContain('Nothing scheduled.'));
    vi.spyOn(db.maintenances, 'put').mockRejectedValue(new Error(FULL));

    await click('Schedule maintenance');
    const field = (name: string) => `maintenance-new-${name}`;
    await type(field('title'), 'Database upgrade');
    await type(field('body'), 'Checkout may be slow for a few minutes.');
    await type(field('start'), '2026-10-31T23:00');
    await type(field('end'), '2026-11-01T03:00');
    await key(field('body'), { key: 'Enter', ctrlKey: true });

    await settle(() => expect(alertText()).toBe(FULL));
    expect(valueOf(field('title'))).toBe('Database upgrade');
    expect(valueOf(field('body'))).toBe('Checkout may be slow for a few minutes.');
    expect(valueOf(field('start'))).toBe('2026-10-31T23:00');
    expect(valueOf(field('end'))).toBe('2026-11-01T03:00');
    expect(await db.maintenances.count()).toBe(0);
  });
});

describe('the notifiers settings', () => {
  it('keeps the webhook typed, never shows it, and says why when storage refuses the notifier', async () => {
    const slack = 'https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX';
    fakePermissionPrompt();
    const state = disposeAfter(createNotifiersState(db));
    await state.ready;
    await mount(<NotifiersSettings state={state} />);
    vi.spyOn(notifiersItem, 'setValue').mockRejectedValue(new Error(FULL));

    await click(button('Add a notifier'));
    await click(byId('notifier-kind-slack'));
    await type('notifier-slack-name', '#incidents');
    await type('notifier-slack-secret', slack);
    await act(() => root.querySelector<HTMLFormElement>('form.notifier-form')!.requestSubmit());

    await settle(() => expect(alertText()).toBe(FULL));
    expect(valueOf('notifier-slack-name')).toBe('#incidents');
    expect(valueOf('notifier-slack-secret')).toBe(slack);
    expect(root.textContent).not.toContain(slack);
    expect(await notifiersItem.getValue()).toEqual([]);
  });
});
