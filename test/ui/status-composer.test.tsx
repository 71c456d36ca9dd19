// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { declareIncident, listEntries, postStatusUpdate, recordPublishResult, requestPublish, saveComponent, type SitrepDb } from '../../src/db';
import { publishTargetsItem, settingsItem } from '../../src/db/storage-items';
import { DEFAULT_SETTINGS, type Component, type Incident } from '../../src/model';
import { formatClock } from '../../src/ui/format-time';
import { button, byId, choose, click, freshDb, key, mountComposer, root, settle, testIdText, type as typeText, unmount } from './render';

let db: SitrepDb;

beforeEach(() => {
  db = freshDb();
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const who = (m = 0) => ({ author: 'Ana', now: minutesAgo(m) });
const mount = (incident: Incident) => mountComposer(db, incident);

async function declared(minutes = 0): Promise<Incident> {
  return declareIncident(db, { title: 'INTERNAL-MARKER db-7 OOMKilled', severity: 'SEV2' }, who(minutes));
}

async function publicComponent(name: string): Promise<Component> {
  return saveComponent(db, { name, owner: 'Payments', dashboardPatterns: [] });
}

/** Typing puts the keyboard in the field, as a person does: where it is next is then the composer's doing. */
const type = (id: string, value: string) => typeText(id, value, { focus: true });

/** Leaves a one-line field: the browser fires `change` when its text changed. */
async function leave(id: string) {
  await act(() => {
    byId(id).dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('StatusComposer', () => {
  it('publishes from the keyboard: public title, message, a component, Ctrl+Enter', async () => {
    const incident = await declared();
    const api = await publicComponent('Checkout API');
    await publishTargetsItem.setValue([{ kind: 'host', id: 'host', url: 'http://127.0.0.1:8787' }]);
    await mount(incident);
    // The first update is owed: the section is open, and nothing is public yet.
    expect(button('Public status update')?.getAttribute('aria-expanded')).toBe('true');
    expect(byId('composer-body').hidden).toBe(false);
    expect(byId<HTMLInputElement>('composer-public-title').value).toBe('');
    expect(testIdText('last-public-update')).toBe('Nothing published yet');
    await settle(() => expect(byId<HTMLSelectElement>(`composer-component-${api.id}`)?.value).toBe('operational'));

    await type('composer-public-title', 'Card payments failing');
    await type('composer-message', 'We are looking into failed card payments.');
    await choose(`composer-component-${api.id}`, 'partial_outage');
    await key('composer-message', { key: 'Enter', ctrlKey: true });

    await settle(() => expect(testIdText('composer-saved')).toBe('Saved; publishing…'));
    const [stored] = await db.updates.toArray();
    expect(stored).toMatchObject({
      incidentId: incident.id,
      status: 'investigating',
      body: 'We are looking into failed card payments.',
      author: '',
      components: [{ componentId: api.id, name: 'Checkout API', from: 'operational', to: 'partial_outage' }],
    });
    expect(await db.updates.count()).toBe(1);
    expect((await db.incidents.get(incident.id))?.publicTitle).toBe('Card payments failing');
    const entry = (await listEntries(db, incident.id)).find((e) => e.kind === 'status');
    expect(entry?.updateId).toBe(stored!.id);
    expect(entry?.text).toContain('We are looking into failed card payments.');
    expect(await db.outbox.count()).toBe(1);

    // The form is ready for the next update: message cleared, what is public kept, the last update shown.
    expect(byId<HTMLTextAreaElement>('composer-message').value).toBe('');
    expect(byId<HTMLInputElement>('composer-public-title').value).toBe('Card payments failing');
    expect(button('Publish')?.disabled).toBe(false);
    await settle(() =>
      expect(testIdText('last-public-update')).toBe(
        `Last public update ${formatClock(stored!.at, 'local')} — Investigating: We are looking into failed card payments.`,
      ),
    );
    await settle(() => expect(testIdText('publish-result')).toBe('Waiting to publish'));
    await settle(() => expect(byId<HTMLSelectElement>(`composer-component-${api.id}`).value).toBe('partial_outage'));
  });

  it('refuses to publish without a public title: the error is said and nothing typed is lost', async () => {
    const incident = await declared();
    await mount(incident);
    await type('composer-public-impact', 'slow checkout');
    await type('composer-message', 'Checkout is slow for some customers.');
    await key('composer-message', { key: 'Enter', metaKey: true });

    await settle(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('Write a public title first: customers see it above every update.'));
    expect(byId<HTMLTextAreaElement>('composer-message').value).toBe('Checkout is slow for some customers.');
    expect(byId<HTMLInputElement>('composer-public-impact').value).toBe('slow checkout');
    expect(document.activeElement?.id).toBe('composer-public-title');
    expect(await db.updates.count()).toBe(0);
    expect(testIdText('composer-saved')).toBe('');

    // Fixed and sent again: the error goes.
    await type('composer-public-title', 'Slow checkout');
    await key('composer-message', { key: 'Enter', ctrlKey: true });
    await settle(() => expect(root.querySelector('[role="alert"]')).toBeNull());
    expect(await db.updates.count()).toBe(1);
  });

  it('says a message is needed in the schema’s words, not as JSON', async () => {
    const incident = await declared();
    await mount(incident);
    await type('composer-public-title', 'Slow checkout');
    await key('composer-public-title', { key: 'Enter', ctrlKey: true });
    await settle(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('A status update needs a message'));
    expect(document.activeElement?.id).toBe('composer-message');
    expect(await db.updates.count()).toBe(0);
  });

  it('never publishes on a plain Enter in a one-line field', async () => {
    const incident = await declared();
    await mount(incident);
    await type('composer-public-title', 'Slow checkout');
    await type('composer-message', 'Looking into it.');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    await act(() => void byId('composer-public-title').dispatchEvent(enter));
    // Prevented, so the browser's implicit form submission never happens.
    expect(enter.defaultPrevented).toBe(true);
    await act(async () => {});
    expect(await db.updates.count()).toBe(0);
    // Enter in the message is a new line, not a publish.
    const newLine = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    await act(() => void byId('composer-message').dispatchEvent(newLine));
    expect(newLine.defaultPrevented).toBe(false);
    expect(await db.updates.count()).toBe(0);
  });

  it('keeps a half-written message when the popup closes, and forgets it once published', async () => {
    const incident = await declared();
    await mount(incident);
    await type('composer-message', 'We are looking into slow car');
    await unmount();
    await mount(incident);
    await settle(() => expect(byId<HTMLTextAreaElement>('composer-message').value).toBe('We are looking into slow car'));
    await type('composer-public-title', 'Slow checkout');
    await click('Publish');
    await settle(() => expect(byId<HTMLTextAreaElement>('composer-message').value).toBe(''));
    await unmount();
    await mount(incident);
    await act(async () => {});
    expect(byId<HTMLTextAreaElement>('composer-message').value).toBe('');
  });

  it('keeps the public title and impact as soon as a field is left', async () => {
    const incident = await declared();
    await mount(incident);
    await type('composer-public-title', '  Card payments failing ');
    await leave('composer-public-title');
    await type('composer-public-impact', 'failed card payments');
    await leave('composer-public-impact');
    await expect.poll(async () => (await db.incidents.get(incident.id))?.publicImpact).toBe('failed card payments');
    expect((await db.incidents.get(incident.id))?.publicTitle).toBe('Card payments failing');
    expect(await db.updates.count()).toBe(0);
  });

  it('fills a template with the public title and impact, never the internal title', async () => {
    const incident = await declared();
    await mount(incident);
    await type('composer-public-title', 'Card payments failing');
    await click('First acknowledgement');
    // No impact yet: the public title stands in.
    expect(byId<HTMLTextAreaElement>('composer-message').value).toBe(
      'We are investigating reports of card payments failing. We will post another update as soon as we know more.',
    );

    await type('composer-public-impact', 'Failed card payments for some customers');
    await click('Identified');
    const message = byId<HTMLTextAreaElement>('composer-message');
    expect(message.value).toBe('We have identified the cause of failed card payments for some customers and are working on a fix.');
    expect(message.value).not.toContain('INTERNAL-MARKER');
    expect(byId<HTMLSelectElement>('composer-status').value).toBe('identified');
    expect(document.activeElement).toBe(message);
  });

  it('asks before a template replaces a typed message', async () => {
    const incident = await declared();
    await mount(incident);
    await type('composer-public-impact', 'slow search');
    await type('composer-message', 'My own words, typed with care.');
    await click('Fix deployed, monitoring');
    expect(root.querySelector('[aria-label="Replace your message?"]')?.textContent).toContain('Replace your message with “Fix deployed, monitoring”?');
    expect(document.activeElement?.textContent).toBe('Keep mine');
    expect(byId<HTMLSelectElement>('composer-status').value).toBe('investigating');

    await click('Keep mine');
    expect(byId<HTMLTextAreaElement>('composer-message').value).toBe('My own words, typed with care.');
    expect(root.querySelector('[aria-label="Replace your message?"]')).toBeNull();

    await click('Fix deployed, monitoring');
    await click('Replace');
    expect(byId<HTMLTextAreaElement>('composer-message').value).toBe('A fix for slow search has been deployed. We are monitoring the results.');
    expect(byId<HTMLSelectElement>('composer-status').value).toBe('monitoring');
    // What a template wrote is not the person's: the next template replaces it without asking.
    await click('Identified');
    expect(root.querySelector('[aria-label="Replace your message?"]')).toBeNull();
    expect(byId<HTMLTextAreaElement>('composer-message').value).toBe('We have identified the cause of slow search and are working on a fix.');
  });

  it('proposes operational on resolving for the components this incident changed, and no others', async () => {
    const incident = await declared(20);
    const api = await publicComponent('Checkout API');
    const search = await publicComponent('Search');
    const cdn = await publicComponent('CDN');
    await db.components.update(search.id, { status: 'degraded_performance' }); // another incident's doing
    await postStatusUpdate(
      db,
      {
        incidentId: incident.id,
        status: 'identified',
        body: 'Found it.',
        components: [{ componentId: api.id, status: 'major_outage' }],
        publicTitle: 'Payments down',
      },
      who(10),
    );
    await mount((await db.incidents.get(incident.id))!);
    await settle(() => expect(byId<HTMLSelectElement>(`composer-component-${api.id}`)?.value).toBe('major_outage'));
    // What this incident changed is read from its updates, a live query of its own: wait for it.
    await settle(() => expect(testIdText('last-public-update')).toContain('Found it.'));
    await choose(`composer-component-${cdn.id}`, 'partial_outage');

    await choose('composer-status', 'resolved');
    expect(byId<HTMLSelectElement>(`composer-component-${api.id}`).value).toBe('operational');
    expect(byId<HTMLSelectElement>(`composer-component-${cdn.id}`).value).toBe('operational');
    expect(byId<HTMLSelectElement>(`composer-component-${search.id}`).value).toBe('degraded_performance');

    await type('composer-message', 'All good again.');
    await click('Publish');
    await settle(() => expect(testIdText('composer-saved')).toBe('Saved on the timeline; it goes out once publishing is set up.'));
    const last = (await db.updates.toArray()).find((u) => u.status === 'resolved');
    // CDN's change was taken back before publishing: the update does not mention it.
    expect(last?.components).toEqual([{ componentId: api.id, name: 'Checkout API', from: 'major_outage', to: 'operational' }]);
    expect((await db.components.get(search.id))?.status).toBe('degraded_performance');
  });

  it('shows when the first update is overdue', async () => {
    const incident = await declared(8);
    await mount(incident);
    expect(testIdText('update-due')).toBe('First public update overdue by 3 min');
    expect(root.querySelector('[data-testid="update-due"]')?.getAttribute('role')).toBe('status');
  });

  it('shows when the next update is due, by the cadence in settings, closed until it is', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, cadence: { firstMinutes: 5, everyMinutes: { ...DEFAULT_SETTINGS.cadence.everyMinutes, SEV2: 15 } } });
    const incident = await declared(20);
    await postStatusUpdate(db, { incidentId: incident.id, status: 'investigating', body: 'Looking.', components: [], publicTitle: 'Slow' }, who(3));
    await mount((await db.incidents.get(incident.id))!);
    await settle(() => expect(testIdText('update-due')).toBe('Next public update due in 12 min'));
    expect(button('Public status update')?.getAttribute('aria-expanded')).toBe('false');
    expect(byId('composer-body').hidden).toBe(true);

    await click('Public status update');
    expect(byId('composer-body').hidden).toBe(false);
  });

  it('opens by itself once an update is overdue', async () => {
    const incident = await declared(60);
    await postStatusUpdate(db, { incidentId: incident.id, status: 'investigating', body: 'Looking.', components: [], publicTitle: 'Slow' }, who(34));
    await mount((await db.incidents.get(incident.id))!);
    await settle(() => expect(testIdText('update-due')).toBe('Public update overdue by 4 min'));
    expect(button('Public status update')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('owes nothing once resolved', async () => {
    const incident = await declared(60);
    await postStatusUpdate(db, { incidentId: incident.id, status: 'resolved', body: 'Fixed.', components: [], publicTitle: 'Slow' }, who(1));
    await mount((await db.incidents.get(incident.id))!);
    await settle(() => expect(testIdText('last-public-update')).toContain('Resolved: Fixed.'));
    expect(testIdText('update-due')).toBe('');
  });

  it('says how to set publishing up, with a link to the options page', async () => {
    const incident = await declared();
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    await mount(incident);
    expect(testIdText('publishing-not-set-up')).toBe(
      'Publishing is not set up: the update is kept on the timeline and goes out once a host is set in Settings → Publishing.',
    );
    await click(root.querySelector<HTMLAnchorElement>('[data-testid="publishing-not-set-up"] a'));
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it('shows the target’s last result in words, and Retry now makes the waiting publish due', async () => {
    const incident = await declared();
    await publishTargetsItem.setValue([{ kind: 'host', id: 'host', url: 'http://127.0.0.1:8787' }]);
    await requestPublish(db, ['host'], minutesAgo(1));
    await db.outbox.update('publish:host', { dueAt: new Date(Date.now() + 3_600_000).toISOString() });
    await recordPublishResult(db, 'host', { state: 'failed', message: 'Token refused: check the token in Settings → Publishing' });
    await mount(incident);
    await settle(() => expect(testIdText('publish-result')).toBe('Token refused: check the token in Settings → Publishing'));
    expect(root.querySelector('[data-testid="publishing-not-set-up"]')).toBeNull();

    const before = Date.now();
    await click('Retry now');
    await expect.poll(async () => Date.parse((await db.outbox.get('publish:host'))!.dueAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse((await db.outbox.get('publish:host'))!.dueAt)).toBeGreaterThanOrEqual(before);

    await recordPublishResult(db, 'host', { state: 'published', publishedAt: '2026-11-28T09:04:31.000Z' });
    await settle(() => expect(testIdText('publish-result')).toMatch(/^Published .*\d\d:\d\d:\d\d( [AP]M)?$/));
    expect(button('Retry now')).toBeUndefined();
  });

  it('labels every control and leaves none out of the Tab order', async () => {
    const incident = await declared();
    await publicComponent('Checkout API');
    await mount(incident);
    await settle(() => expect(root.querySelectorAll('select').length).toBe(2));
    const controls = [...root.querySelectorAll<HTMLElement>('input, select, textarea, button, a')];
    expect(controls.length).toBeGreaterThan(8);
    for (const control of controls) {
      const name =
        control.id && root.querySelector(`label[for="${control.id}"]`) ? root.querySelector(`label[for="${control.id}"]`)!.textContent : control.textContent;
      expect(name?.trim(), control.outerHTML).toBeTruthy();
      expect(control.tabIndex, control.outerHTML).toBeGreaterThanOrEqual(0);
    }
  });
});
