// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { saveComponent, type SitrepDb } from '../../src/db';
import { publishTargetsItem } from '../../src/db/storage-items';
import { ComponentsEditor } from '../../src/ui/components/components-editor';
import {
  componentInputOf,
  contactHref,
  createComponentsState,
  describeSaveError,
  formValuesOf,
  readPatternLines,
  type ComponentsState,
} from '../../src/ui/state/components-state';
import { Component } from '../../src/model';
import { byId, choose, click, disposeAfter, freshDb, key, messagesToBackground, mount, root, settle, type } from './render';

let db: SitrepDb;
let state: ComponentsState;

beforeEach(async () => {
  db = freshDb();
  state = disposeAfter(createComponentsState(db));
  await mount(<ComponentsEditor state={state} />);
});

const itemTexts = () => [...root.querySelectorAll('.component-item strong')].map((e) => e.textContent);

describe('ComponentsEditor', () => {
  it('adds a component from the keyboard, showing the schema’s message until it is valid', async () => {
    await settle(() => expect(root.textContent).toContain('No components yet.'));
    await click('Add component');
    expect(document.activeElement?.id).toBe('component-new-name');

    // Ctrl+Enter on an empty form: the name is wrong, said next to it, and focused.
    await key(byId('component-new-patterns'), { key: 'Enter', ctrlKey: true });
    await settle(() => expect(byId('component-new-name-error')?.textContent).toBe('A component needs a name'));
    expect(byId('component-new-name').getAttribute('aria-invalid')).toBe('true');
    expect(byId('component-new-name').getAttribute('aria-describedby')).toContain('component-new-name-error');
    expect(document.activeElement?.id).toBe('component-new-name');

    await type('component-new-name', 'Payments API');
    await type('component-new-owner', 'Team Cash');
    await type('component-new-patterns', 'https://grafana.example.com/d/abc123\n\n  */d/payments-*  ');
    await type('component-new-try', 'https://grafana.example.com/d/abc123/checkout?from=now-1h');
    expect(byId('component-new-try-result').textContent).toBe('Matches: a clip of this page would be tagged.');
    await type('component-new-try', 'https://grafana.example.com/d/abc1234');
    expect(byId('component-new-try-result').textContent).toBe('No match.');

    await key(byId('component-new-patterns'), { key: 'Enter', metaKey: true });
    await settle(() => expect(itemTexts()).toEqual(['Payments API']));
    expect(root.querySelector('form')).toBeNull();
    expect(document.activeElement?.id).toBe('component-add');
    expect([...root.querySelectorAll('.component-item code')].map((c) => c.textContent)).toEqual(['https://grafana.example.com/d/abc123', '*/d/payments-*']);
    const [stored] = await db.components.toArray();
    expect(Component.parse(stored)).toMatchObject({
      name: 'Payments API',
      owner: 'Team Cash',
      dashboardPatterns: ['https://grafana.example.com/d/abc123', '*/d/payments-*'],
    });
  });

  it('edits a component, names the pattern line that is wrong, and Escape cancels', async () => {
    const saved = await saveComponent(db, { name: 'Search', owner: 'Team Find', dashboardPatterns: ['*/d/search-*'] });
    await settle(() => expect(itemTexts()).toEqual(['Search']));
    await click(byId(`component-edit-${saved.id}`));
    const id = (f: string) => `component-${saved.id}-${f}`;
    expect(byId<HTMLInputElement>(id('owner')).value).toBe('Team Find');

    await type(id('patterns'), `*/d/search-*\n\n${'x'.repeat(2001)}`);
    await act(() => byId(id('name')).closest('form')!.requestSubmit());
    await settle(() => expect(byId(id('patterns-error'))?.textContent).toMatch(/^Line 3: /));
    expect(document.activeElement?.id).toBe(id('patterns'));

    await type(id('patterns'), '*/d/search-*');
    await type(id('group'), 'Web');
    await act(() => byId(id('name')).closest('form')!.requestSubmit());
    await settle(() => expect(root.querySelector('.component-item .badge')?.textContent).toBe('Web'));
    expect(document.activeElement?.id).toBe(`component-edit-${saved.id}`);

    await click(byId(`component-edit-${saved.id}`));
    await type(id('owner'), 'Somebody else');
    await key(byId(id('owner')), { key: 'Escape' });
    expect(root.querySelector('form')).toBeNull();
    expect((await db.components.get(saved.id))?.owner).toBe('Team Find');
  });

  it('asks before deleting, Keep first', async () => {
    const saved = await saveComponent(db, { name: 'CDN', owner: '', dashboardPatterns: [] });
    await settle(() => expect(itemTexts()).toEqual(['CDN']));
    expect(root.textContent).toContain('No dashboards: clips are never tagged with it.');

    await click(byId(`component-delete-${saved.id}`));
    await settle(() => expect(document.activeElement?.id).toBe(`component-keep-${saved.id}`));
    await click('Keep');
    expect(await db.components.count()).toBe(1);

    await click(byId(`component-delete-${saved.id}`));
    await click('Delete');
    await settle(() => expect(root.textContent).toContain('No components yet.'));
    expect(await db.components.count()).toBe(0);
  });
});

describe('ComponentsEditor: what the status page needs', () => {
  it('saves description, visibility, status and an escalation contact, and shows the contact as a link', async () => {
    await settle(() => expect(root.textContent).toContain('No components yet.'));
    await click('Add component');
    const id = (f: string) => `component-new-${f}`;
    expect(byId<HTMLInputElement>(id('public')).checked).toBe(true);
    expect(byId<HTMLSelectElement>(id('status')).value).toBe('operational');
    expect(byId(id('status')).getAttribute('aria-describedby')).toBe(id('status-hint'));
    expect(byId(id('status-hint')).textContent).toMatch(/status updates .* usually set this/i);

    await type(id('name'), 'Ledger');
    await type(id('description'), 'Balances and statements');
    await type(id('group'), 'Back office');
    await click(byId(id('public')));
    await choose(id('status'), 'partial_outage');
    await type(id('owner'), 'Team Books');
    await type(id('escalationName'), 'Books on-call');
    await type(id('escalationReach'), 'mailto:books-oncall@example.com');
    await act(() => byId(id('name')).closest('form')!.requestSubmit());

    await settle(() => expect(itemTexts()).toEqual(['Ledger']));
    const [stored] = await db.components.toArray();
    expect(Component.parse(stored)).toMatchObject({
      name: 'Ledger',
      description: 'Balances and statements',
      group: 'Back office',
      public: false,
      status: 'partial_outage',
      owner: 'Team Books',
      escalation: { name: 'Books on-call', reach: 'mailto:books-oncall@example.com' },
    });
    const item = root.querySelector('.component-item')!;
    expect(item.querySelector('.component-item__internal')?.textContent).toBe('internal');
    expect(item.querySelector('.component-status')?.textContent).toBe('Partial outage');
    expect(item.querySelector('.component-item__description')?.textContent).toBe('Balances and statements');
    const link = item.querySelector('a')!;
    expect(link.textContent).toBe('Books on-call');
    expect(link.getAttribute('href')).toBe('mailto:books-oncall@example.com');
    expect(link.hasAttribute('target')).toBe(false);

    // Editing shows what was saved, and clearing the contact removes it.
    await click(byId(`component-edit-${stored!.id}`));
    const edit = (f: string) => `component-${stored!.id}-${f}`;
    expect(byId<HTMLInputElement>(edit('public')).checked).toBe(false);
    expect(byId<HTMLSelectElement>(edit('status')).value).toBe('partial_outage');
    expect(byId<HTMLInputElement>(edit('escalationReach')).value).toBe('mailto:books-oncall@example.com');
    await type(edit('escalationName'), ' ');
    await type(edit('escalationReach'), '');
    await act(() => byId(edit('name')).closest('form')!.requestSubmit());
    await settle(() => expect(root.querySelector('form')).toBeNull());
    expect((await db.components.get(stored!.id))?.escalation).toBeUndefined();
    // The form closes once saved; the row shows the change when the live query brings it.
    await settle(() => expect(root.querySelector('.component-item a')).toBeNull());
  });

  it.each([
    ['a link that is neither web nor mail', 'Pay on-call', 'javascript:alert(1)', 'escalationReach', /^A link to reach them/],
    ['words instead of a link', 'Pay on-call', 'call Bob on his mobile', 'escalationReach', /^A link to reach them/],
    ['a link without a name', '', 'https://oncall.example.com/pay', 'escalationName', /^Name who to escalate to$/],
  ])('refuses %s, keeping the form open with what was typed', async (_, who, reach, field, message) => {
    await settle(() => expect(root.textContent).toContain('No components yet.'));
    await click('Add component');
    const id = (f: string) => `component-new-${f}`;
    await type(id('name'), 'Payments');
    await type(id('description'), 'Cards');
    await click(byId(id('public')));
    await type(id('escalationName'), who);
    await type(id('escalationReach'), reach);
    await act(() => byId(id('name')).closest('form')!.requestSubmit());

    await settle(() => expect(byId(id(`${field}-error`))?.textContent).toMatch(message));
    expect(byId(id(field)).getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.id).toBe(id(field));
    expect(byId<HTMLInputElement>(id('name')).value).toBe('Payments');
    expect(byId<HTMLTextAreaElement>(id('description')).value).toBe('Cards');
    expect(byId<HTMLInputElement>(id('public')).checked).toBe(false);
    expect(byId<HTMLInputElement>(id('escalationReach')).value).toBe(reach);
    expect(await db.components.count()).toBe(0);
  });

  it('links an imported contact only when it is a web or mail address', async () => {
    const saved = await saveComponent(db, {
      name: 'Search',
      owner: '',
      dashboardPatterns: [],
      escalation: { name: 'Find on-call', reach: 'https://oncall.example.com/find' },
    });
    await settle(() => expect(root.querySelector('.component-item a')?.getAttribute('href')).toBe('https://oncall.example.com/find'));
    expect(root.querySelector('.component-item a')?.getAttribute('rel')).toBe('noopener noreferrer');
    // A row written around the schema (an old backup, another tool): shown as text, never a link.
    await db.components.put({ ...saved, escalation: { name: 'Find on-call', reach: 'javascript:alert(1)' } });
    await settle(() => expect(root.querySelector('.component-item a')).toBeNull());
    expect(root.querySelector('.component-item__owner')?.textContent).toContain('Find on-call (javascript:alert(1))');
  });

  it('moves components up and down the status page, keeping the keyboard on the moved one', async () => {
    // Written before ordering existed: every one at 0, listed by name.
    const a = await saveComponent(db, { name: 'API', owner: '', dashboardPatterns: [], order: 0 });
    await saveComponent(db, { name: 'Billing', owner: '', dashboardPatterns: [], order: 0 });
    const c = await saveComponent(db, { name: 'CDN', owner: '', dashboardPatterns: [], order: 0 });
    await settle(() => expect(itemTexts()).toEqual(['API', 'Billing', 'CDN']));
    expect(byId<HTMLButtonElement>(`component-up-${a.id}`).disabled).toBe(true);
    expect(byId<HTMLButtonElement>(`component-down-${c.id}`).disabled).toBe(true);

    await click(byId(`component-down-${a.id}`));
    await settle(() => expect(itemTexts()).toEqual(['Billing', 'API', 'CDN']));
    await settle(() => expect(document.activeElement?.id).toBe(`component-down-${a.id}`));
    const orders = async () => Object.fromEntries((await db.components.toArray()).map((x) => [x.name, x.order]));
    expect(await orders()).toEqual({ Billing: 0, API: 1, CDN: 2 });

    // Down again, to the end: its down button is disabled, so the keyboard lands on up.
    await click(byId(`component-down-${a.id}`));
    await settle(() => expect(itemTexts()).toEqual(['Billing', 'CDN', 'API']));
    await settle(() => expect(document.activeElement?.id).toBe(`component-up-${a.id}`));

    await click(byId(`component-up-${c.id}`));
    await settle(() => expect(itemTexts()).toEqual(['CDN', 'Billing', 'API']));
    expect(await orders()).toEqual({ CDN: 0, Billing: 1, API: 2 });
  });

  it('asks for a publish after a change, once a target is configured', async () => {
    const sent = messagesToBackground();
    await saveComponent(db, { name: 'CDN', owner: '', dashboardPatterns: [] });
    await settle(() => expect(itemTexts()).toEqual(['CDN']));
    const [cdn] = await db.components.toArray();
    await act(() => state.move(cdn!.id, 1));
    await act(async () => {
      await state.save(componentInputOf({ ...formValuesOf(cdn), status: 'major_outage' }, cdn!.id));
    });
    expect(await db.outbox.count()).toBe(0);
    expect(sent).not.toHaveBeenCalled();

    await publishTargetsItem.setValue([{ kind: 'host', id: 'host', url: 'https://status.example.com' }]);
    await act(async () => {
      await state.save(componentInputOf({ ...formValuesOf(cdn), status: 'operational' }, cdn!.id));
    });
    expect((await db.outbox.toArray()).map((j) => (j.kind === 'publish' ? j.targetId : j.id))).toEqual(['host']);
    expect(sent).toHaveBeenCalledWith({ type: 'publish' }, expect.anything());
  });
});

describe('form helpers', () => {
  it('reads one pattern per line, skipping blank lines but keeping line numbers', () => {
    expect(readPatternLines('a\r\n\n  b  \n \nc')).toEqual({ patterns: ['a', 'b', 'c'], lines: [1, 3, 5] });
  });

  it('turns something other than a validation error into a message for the whole form', () => {
    expect(describeSaveError(new Error('QuotaExceededError'), formValuesOf())).toEqual({
      fields: {},
      form: 'QuotaExceededError',
    });
  });

  it.each([
    [['escalation', 'name'], 'escalationName'],
    [['escalation', 'reach'], 'escalationReach'],
    [['escalation'], 'escalationReach'],
    [['description'], 'description'],
    [['status'], 'status'],
    [['public'], 'public'],
  ])('puts an error at %j on the %s field', (path, field) => {
    const error = new z.ZodError([{ code: 'custom', path, message: 'wrong', input: undefined }]);
    expect(describeSaveError(error, formValuesOf())).toEqual({ fields: { [field]: 'wrong' } });
  });

  it('saves no escalation contact when both its fields are blank, and half of one for the schema to refuse', () => {
    const values = { ...formValuesOf(), name: 'x' };
    expect(componentInputOf({ ...values, escalationName: ' ', escalationReach: '' })).not.toHaveProperty('escalation');
    expect(componentInputOf({ ...values, escalationName: '', escalationReach: 'mailto:a@example.com' }).escalation).toEqual({
      name: '',
      reach: 'mailto:a@example.com',
    });
  });

  it.each([
    ['https://oncall.example.com/pay', 'https://oncall.example.com/pay'],
    ['http://chat.example.com/c/pay', 'http://chat.example.com/c/pay'],
    ['mailto:pay@example.com', 'mailto:pay@example.com'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,<b>x</b>', undefined],
    ['slack://channel?id=1', undefined],
    ['not a url', undefined],
  ])('links %s: %s', (reach, href) => {
    expect(contactHref(reach)).toBe(href);
  });
});
