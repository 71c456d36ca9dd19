// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveComponent, saveMaintenance, type SitrepDb } from '../../src/db';
import { publishTargetsItem } from '../../src/db/storage-items';
import { Maintenance, type Component } from '../../src/model';
import { MaintenanceEditor } from '../../src/ui/components/maintenance-editor';
import {
  createMaintenanceState,
  describeMaintenanceError,
  formatWindow,
  groupMaintenances,
  maintenanceFormValuesOf,
  maintenanceInputOf,
  toLocalInput,
  type MaintenanceState,
} from '../../src/ui/state/maintenance-state';
import {
  button,
  byId,
  click,
  disposeAfter,
  freshDb,
  key,
  messagesToBackground,
  mount as mountUi,
  restoreTimeZoneAfterEach,
  root,
  settle,
  type,
} from './render';

let db: SitrepDb;
let state: MaintenanceState;
let sent: ReturnType<typeof messagesToBackground>;
let api: Component;
let ledger: Component;

restoreTimeZoneAfterEach();

beforeEach(async () => {
  sent = messagesToBackground();
  db = freshDb();
  api = await saveComponent(db, { name: 'API', owner: '', dashboardPatterns: [] });
  ledger = await saveComponent(db, { name: 'Ledger', owner: '', dashboardPatterns: [], public: false });
  state = disposeAfter(createMaintenanceState(db, () => 'Ana'));
});

async function mount(now: Date) {
  await mountUi(<MaintenanceEditor state={state} now={now} />);
}

const titlesIn = (label: string) => [...root.querySelectorAll(`ul[aria-label="${label}"] > li strong`)].map((e) => e.textContent);
const field = (name: string) => `maintenance-new-${name}`;

const stored = async () => (await db.maintenances.toArray()).map((m) => Maintenance.parse(m));

describe('MaintenanceEditor: scheduling', () => {
  it.each([
    // The window crosses the end of daylight saving time: 4 hours on the wall clock, 5 in fact.
    ['America/New_York', '2026-11-01T03:00:00.000Z', '2026-11-01T08:00:00.000Z', ['23:00 EDT', '03:00 EST']],
    ['UTC', '2026-10-31T23:00:00.000Z', '2026-11-01T03:00:00.000Z', ['23:00', '03:00 UTC']],
  ])('in %s, reads start and end in the local zone and stores UTC instants', async (tz, from, until, shown) => {
    process.env.TZ = tz;
    await publishTargetsItem.setValue([{ kind: 'host', id: 'host', url: 'https://status.example.com' }]);
    await mount(new Date('2026-10-30T12:00:00.000Z'));
    await settle(() => expect(root.textContent).toContain('Nothing scheduled.'));
    await click('Schedule maintenance');
    expect(document.activeElement?.id).toBe(field('title'));
    await settle(() => expect(root.querySelector('fieldset input[type="checkbox"]')).not.toBeNull());
    expect(root.textContent).toContain(`In your zone (${tz})`);

    // Only public components can be under (published) maintenance.
    const boxes = [...root.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')];
    expect(boxes.map((b) => b.parentElement?.textContent)).toEqual(['API']);
    expect(root.querySelector('fieldset')?.textContent).not.toContain(ledger.name);

    await type(field('title'), 'Database upgrade');
    await type(field('body'), 'Checkout may be slow for a few minutes.');
    await type(field('start'), '2026-10-31T23:00');
    await type(field('end'), '2026-11-01T03:00');
    await click(boxes[0]);
    expect(byId(field('times-hint')).textContent).toContain(`in UTC ${from.slice(0, 10)} ${from.slice(11, 16)} – ${until.slice(0, 10)} ${until.slice(11, 16)}`);

    await key(field('body'), { key: 'Enter', ctrlKey: true });
    await settle(() => expect(root.querySelector('form')).toBeNull());
    expect(await stored()).toHaveLength(1);
    expect((await stored())[0]).toMatchObject({
      title: 'Database upgrade',
      body: 'Checkout may be slow for a few minutes.',
      scheduledFor: from,
      scheduledUntil: until,
      componentIds: [api.id],
      author: 'Ana',
    });
    await settle(() => expect(titlesIn('Upcoming')).toEqual(['Database upgrade']));
    const window = root.querySelector('.maintenance-item__window')!.textContent!;
    for (const part of shown) expect(window).toContain(part);
    expect(root.querySelector('.maintenance-item__components')?.textContent).toBe('Components: API');
    await settle(() => expect(document.activeElement?.id).toBe('maintenance-add'));
    // Published: queued for the target, and the background woken.
    expect((await db.outbox.toArray()).map((j) => (j.kind === 'publish' ? j.targetId : j.id))).toEqual(['host']);
    expect(sent).toHaveBeenCalledWith({ type: 'publish' }, expect.anything());
  });

  it('refuses a form with nothing in it, naming every field, and focuses the first', async () => {
    await mount(new Date('2026-10-30T12:00:00.000Z'));
    await click('Schedule maintenance');
    await act(() => byId(field('title')).closest('form')!.requestSubmit());
    await settle(() => expect(byId(field('title-error'))?.textContent).toBe('A maintenance needs a title'));
    expect(byId(field('body-error'))?.textContent).toBe('Say what the maintenance does and what customers will notice');
    expect(byId(field('start-error'))?.textContent).toBe('When does it start? Pick a day and a time');
    expect(byId(field('end-error'))?.textContent).toBe('When does it end? Pick a day and a time');
    expect(byId(field('title')).getAttribute('aria-invalid')).toBe('true');
    expect(byId(field('start')).getAttribute('aria-describedby')).toBe(`${field('times-hint')} ${field('start-error')}`);
    expect(document.activeElement?.id).toBe(field('title'));
    expect(await stored()).toEqual([]);
  });

  it('refuses a window that ends before it starts, keeping everything typed', async () => {
    process.env.TZ = 'America/New_York';
    await mount(new Date('2026-10-30T12:00:00.000Z'));
    await click('Schedule maintenance');
    await settle(() => expect(root.querySelector('fieldset input[type="checkbox"]')).not.toBeNull());
    await type(field('title'), 'Database upgrade');
    await type(field('body'), 'Slow checkout.');
    await type(field('start'), '2026-11-01T01:30');
    await type(field('end'), '2026-11-01T01:00');
    await click(root.querySelector<HTMLInputElement>('fieldset input[type="checkbox"]'));
    await act(() => byId(field('title')).closest('form')!.requestSubmit());

    await settle(() => expect(byId(field('end-error'))?.textContent).toBe('The window must end after it starts'));
    expect(document.activeElement?.id).toBe(field('end'));
    expect(byId<HTMLInputElement>(field('title')).value).toBe('Database upgrade');
    expect(byId<HTMLInputElement>(field('body')).value).toBe('Slow checkout.');
    expect(byId<HTMLInputElement>(field('start')).value).toBe('2026-11-01T01:30');
    expect(byId<HTMLInputElement>(field('end')).value).toBe('2026-11-01T01:00');
    expect(root.querySelector<HTMLInputElement>('fieldset input[type="checkbox"]')!.checked).toBe(true);
    expect(await stored()).toEqual([]);

    // Escape closes the form without saving.
    await key(field('end'), { key: 'Escape' });
    expect(root.querySelector('form')).toBeNull();
    expect(await stored()).toEqual([]);
  });
});

describe('MaintenanceEditor: the list and its actions', () => {
  const NOW = new Date('2026-12-02T12:00:00.000Z');
  const at = (hhmm: string, day = '02') => `2026-12-${day}T${hhmm}:00.000Z`;

  async function seed() {
    const base = { body: 'Customers may notice slowness.', componentIds: [api.id] };
    const upcoming = await saveMaintenance(db, { ...base, title: 'Search reindex', scheduledFor: at('20:00'), scheduledUntil: at('22:00') }, 'Ben');
    const running = await saveMaintenance(db, { ...base, title: 'Database upgrade', scheduledFor: at('11:00'), scheduledUntil: at('13:00') }, 'Ben');
    const done = await saveMaintenance(db, { ...base, title: 'CDN swap', scheduledFor: at('08:00', '01'), scheduledUntil: at('09:00', '01') }, 'Ben');
    return { upcoming, running, done };
  }

  it('lists windows as upcoming, in progress and completed, with actions on the open ones only', async () => {
    const { upcoming, running, done } = await seed();
    await mount(NOW);
    await settle(() => expect(titlesIn('Completed')).toEqual(['CDN swap']));
    expect(titlesIn('Upcoming')).toEqual(['Search reindex']);
    expect(titlesIn('In progress')).toEqual(['Database upgrade']);
    expect(root.querySelector('details summary')?.textContent).toBe('Completed (1)');

    expect(byId(`maintenance-complete-${running.id}`)).not.toBeNull();
    expect(byId(`maintenance-complete-${upcoming.id}`)).toBeNull(); // nothing to complete before it starts
    expect(byId(`maintenance-cancel-${upcoming.id}`)).not.toBeNull();
    expect(byId(`maintenance-cancel-${done.id}`)).toBeNull();
    expect(byId(`maintenance-edit-${done.id}`)).toBeNull();
  });

  it('completes one now and publishes to every configured target', async () => {
    await publishTargetsItem.setValue([{ kind: 'host', id: 'host', url: 'https://status.example.com' }]);
    const { running } = await seed();
    await mount(NOW);
    await settle(() => expect(titlesIn('Completed')).toEqual(['CDN swap']));
    expect(titlesIn('In progress')).toEqual(['Database upgrade']);

    await click(byId(`maintenance-complete-${running.id}`));
    await settle(async () => expect((await db.maintenances.get(running.id))?.completedAt).toBeDefined());
    // Completed by the real clock, the list's clock is fixed: compare as a set.
    await settle(() => expect(titlesIn('Completed').sort()).toEqual(['CDN swap', 'Database upgrade']));
    expect(titlesIn('In progress')).toEqual([]);
    expect(root.querySelector('.maintenance-item .badge')?.textContent).toBe('completed early');
    expect((await db.outbox.toArray()).map((j) => (j.kind === 'publish' ? j.targetId : j.id))).toEqual(['host']);
    expect(sent).toHaveBeenCalledWith({ type: 'publish' }, expect.anything());
  });

  it('keeps a change that could not be queued for publishing, and says so', async () => {
    const { running } = await seed();
    vi.spyOn(publishTargetsItem, 'getValue').mockRejectedValue(new Error('storage is gone'));
    await mount(NOW);
    await settle(() => expect(titlesIn('Completed')).toEqual(['CDN swap']));
    await click(byId(`maintenance-complete-${running.id}`));
    await settle(() => expect(root.querySelector('.error')?.textContent).toBe('Saved, but not queued for publishing: storage is gone'));
    expect((await db.maintenances.get(running.id))?.completedAt).toBeDefined();
    // The error is said once the publish fails; the list moves when the live query brings the change.
    await settle(() => expect(titlesIn('In progress')).toEqual([]));
  });

  it('asks before cancelling, Keep first, then cancels and publishes', async () => {
    await publishTargetsItem.setValue([{ kind: 'host', id: 'host', url: 'https://status.example.com' }]);
    const { upcoming } = await seed();
    await mount(NOW);
    await settle(() => expect(titlesIn('Completed')).toEqual(['CDN swap']));
    expect(titlesIn('Upcoming')).toEqual(['Search reindex']);

    await click(byId(`maintenance-cancel-${upcoming.id}`));
    const confirm = root.querySelector('[role="group"]')!;
    expect(confirm.getAttribute('aria-label')).toBe('Cancel “Search reindex”?');
    await settle(() => expect(document.activeElement?.id).toBe(`maintenance-keep-${upcoming.id}`));
    await click(button('Keep it', confirm));
    expect((await db.maintenances.get(upcoming.id))?.cancelledAt).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    await settle(() => expect(document.activeElement?.id).toBe(`maintenance-cancel-${upcoming.id}`));

    await click(byId(`maintenance-cancel-${upcoming.id}`));
    await click(button('Cancel maintenance', root.querySelector('[role="group"]')!));
    await settle(async () => expect((await db.maintenances.get(upcoming.id))?.cancelledAt).toBeDefined());
    await settle(() => expect(titlesIn('Upcoming')).toEqual([]));
    expect(titlesIn('Completed')).toContain('Search reindex');
    expect(root.querySelector('.maintenance-item .badge')?.textContent).toBe('cancelled');
    expect((await db.outbox.toArray()).map((j) => (j.kind === 'publish' ? j.targetId : j.id))).toEqual(['host']);
    expect(sent).toHaveBeenCalledWith({ type: 'publish' }, expect.anything());
  });

  it('edits an upcoming window, showing its times in the local zone', async () => {
    process.env.TZ = 'America/New_York';
    const { upcoming } = await seed();
    await mount(NOW);
    await settle(() => expect(titlesIn('Completed')).toEqual(['CDN swap']));
    expect(titlesIn('Upcoming')).toEqual(['Search reindex']);
    await click(byId(`maintenance-edit-${upcoming.id}`));
    const id = (f: string) => `maintenance-${upcoming.id}-${f}`;
    expect(byId<HTMLInputElement>(id('start')).value).toBe('2026-12-02T15:00');
    expect(byId<HTMLInputElement>(id('end')).value).toBe('2026-12-02T17:00');
    await type(id('title'), 'Search reindex (longer)');
    await type(id('end'), '2026-12-02T18:30');
    await act(() => byId(id('title')).closest('form')!.requestSubmit());
    await settle(() => expect(titlesIn('Upcoming')).toEqual(['Search reindex (longer)']));
    expect(await db.maintenances.get(upcoming.id)).toMatchObject({
      title: 'Search reindex (longer)',
      scheduledUntil: '2026-12-02T23:30:00.000Z',
      author: 'Ben',
    });
    expect(await db.maintenances.count()).toBe(3);
  });
});

describe('maintenance helpers', () => {
  it.each([
    // The repeated hour at the end of DST: the browser takes its first pass (EDT).
    ['America/New_York', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z'],
    // The skipped hour at the start of DST: the browser moves it forward.
    ['America/New_York', '2026-03-08T02:30', '2026-03-08T07:30:00.000Z'],
    ['America/New_York', '2026-07-01T09:00', '2026-07-01T13:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['UTC', '2026-11-01T01:30', '2026-11-01T01:30:00.000Z'],
  ])('in %s, %s is %s', (tz, local, iso) => {
    process.env.TZ = tz;
    const input = maintenanceInputOf({ title: 't', body: 'b', componentIds: [], start: local, end: '2026-12-31T00:00' });
    expect(input.scheduledFor).toBe(iso);
    expect(toLocalInput(iso)).toBe(tz === 'America/New_York' && local.startsWith('2026-03-08') ? '2026-03-08T03:30' : local);
  });

  it.each([
    ['America/New_York', '2026-11-01T05:00:00.000Z', '2026-11-01T06:30:00.000Z', 'Sun, Nov 1, 2026, 01:00 EDT – 01:30 EST'],
    ['America/New_York', '2026-12-02T20:00:00.000Z', '2026-12-02T22:00:00.000Z', 'Wed, Dec 2, 2026, 15:00 – 17:00 EST'],
    ['Europe/Berlin', '2026-12-02T22:00:00.000Z', '2026-12-03T01:00:00.000Z', 'Wed, Dec 2, 2026, 23:00 – Thu, Dec 3, 2026, 02:00 GMT+1'],
  ])('in %s the window %s – %s reads %s', (tz, from, until, words) => {
    process.env.TZ = tz;
    expect(formatWindow(from, until, 'en-US')).toBe(words);
  });

  it('orders open windows soonest first and completed ones by when they ended, newest first', () => {
    const m = (title: string, from: string, until: string, extra: Partial<Maintenance> = {}): Maintenance => ({
      id: crypto.randomUUID(),
      title,
      body: 'b',
      componentIds: [],
      scheduledFor: from,
      scheduledUntil: until,
      author: '',
      createdAt: from,
      updatedAt: from,
      ...extra,
    });
    const now = new Date('2026-12-02T12:00:00.000Z');
    const groups = groupMaintenances(
      [
        m('later', '2026-12-03T00:00:00.000Z', '2026-12-03T01:00:00.000Z'),
        m('sooner', '2026-12-02T13:00:00.000Z', '2026-12-02T14:00:00.000Z'),
        m('running', '2026-12-02T11:00:00.000Z', '2026-12-02T15:00:00.000Z'),
        m('ended long ago', '2026-11-01T00:00:00.000Z', '2026-11-01T01:00:00.000Z'),
        m('cancelled just now', '2026-12-05T00:00:00.000Z', '2026-12-05T01:00:00.000Z', { cancelledAt: '2026-12-02T11:59:00.000Z' }),
      ],
      now,
    );
    expect(groups.scheduled.map((x) => x.title)).toEqual(['sooner', 'later']);
    expect(groups.in_progress.map((x) => x.title)).toEqual(['running']);
    expect(groups.completed.map((x) => x.title)).toEqual(['cancelled just now', 'ended long ago']);
  });

  it('round-trips a stored maintenance through the form', () => {
    process.env.TZ = 'America/New_York';
    const saved: Maintenance = {
      id: crypto.randomUUID(),
      title: 'Upgrade',
      body: 'Slow',
      componentIds: [],
      scheduledFor: '2026-11-01T03:00:00.000Z',
      scheduledUntil: '2026-11-01T08:00:00.000Z',
      author: 'Ben',
      createdAt: '2026-10-01T00:00:00.000Z',
      updatedAt: '2026-10-01T00:00:00.000Z',
    };
    expect(maintenanceInputOf(maintenanceFormValuesOf(saved), saved.id)).toEqual({
      id: saved.id,
      title: 'Upgrade',
      body: 'Slow',
      componentIds: [],
      scheduledFor: saved.scheduledFor,
      scheduledUntil: saved.scheduledUntil,
    });
  });

  it('says something other than a validation error for the whole form', () => {
    expect(describeMaintenanceError(new Error('That maintenance is gone'))).toEqual({ fields: {}, form: 'That maintenance is gone' });
  });
});
