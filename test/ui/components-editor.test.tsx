// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSitrepDb, saveComponent, type SitrepDb } from '../../src/db';
import { ComponentsEditor } from '../../src/ui/components/components-editor';
import { createComponentsState, describeSaveError, readPatternLines, type ComponentsState } from '../../src/ui/state/components-state';
import { Component } from '../../src/model';

let db: SitrepDb;
let state: ComponentsState;
let root: HTMLElement;

beforeEach(() => {
  db = createSitrepDb(`ui-components-${crypto.randomUUID()}`);
  state = createComponentsState(db);
  root = document.createElement('div');
  document.body.append(root);
  render(<ComponentsEditor state={state} />, root);
});

afterEach(async () => {
  render(null, root);
  root.remove();
  state.dispose();
  db.close();
  await db.delete();
});

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)!;
const itemTexts = () => [...root.querySelectorAll('.component-item strong')].map((e) => e.textContent);

async function type(id: string, value: string) {
  await act(() => {
    const input = byId<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function key(target: Element, init: KeyboardEventInit) {
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));
  });
}

/** Lets the save, the liveQuery and the re-render settle. */
async function settle(check: () => void) {
  await expect.poll(async () => {
    await act(async () => {});
    try {
      check();
      return true;
    } catch {
      return false;
    }
  }).toBe(true);
  check();
}

describe('ComponentsEditor', () => {
  it('adds a component from the keyboard, showing the schema’s message until it is valid', async () => {
    await settle(() => expect(root.textContent).toContain('No components yet.'));
    await act(() => button('Add component').click());
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
    expect([...root.querySelectorAll('.component-item code')].map((c) => c.textContent)).toEqual([
      'https://grafana.example.com/d/abc123',
      '*/d/payments-*',
    ]);
    const [stored] = await db.components.toArray();
    expect(Component.parse(stored)).toMatchObject({ name: 'Payments API', owner: 'Team Cash', dashboardPatterns: ['https://grafana.example.com/d/abc123', '*/d/payments-*'] });
  });

  it('edits a component, names the pattern line that is wrong, and Escape cancels', async () => {
    const saved = await saveComponent(db, { name: 'Search', owner: 'Team Find', dashboardPatterns: ['*/d/search-*'] });
    await settle(() => expect(itemTexts()).toEqual(['Search']));
    await act(() => byId(`component-edit-${saved.id}`).click());
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

    await act(() => byId(`component-edit-${saved.id}`).click());
    await type(id('owner'), 'Somebody else');
    await key(byId(id('owner')), { key: 'Escape' });
    expect(root.querySelector('form')).toBeNull();
    expect((await db.components.get(saved.id))?.owner).toBe('Team Find');
  });

  it('asks before deleting, Keep first', async () => {
    const saved = await saveComponent(db, { name: 'CDN', owner: '', dashboardPatterns: [] });
    await settle(() => expect(itemTexts()).toEqual(['CDN']));
    expect(root.textContent).toContain('No dashboards: clips are never tagged with it.');

    await act(() => byId(`component-delete-${saved.id}`).click());
    await settle(() => expect(document.activeElement?.id).toBe(`component-keep-${saved.id}`));
    await act(() => button('Keep').click());
    expect(await db.components.count()).toBe(1);

    await act(() => byId(`component-delete-${saved.id}`).click());
    await act(() => button('Delete').click());
    await settle(() => expect(root.textContent).toContain('No components yet.'));
    expect(await db.components.count()).toBe(0);
  });
});

describe('form helpers', () => {
  it('reads one pattern per line, skipping blank lines but keeping line numbers', () => {
    expect(readPatternLines('a\r\n\n  b  \n \nc')).toEqual({ patterns: ['a', 'b', 'c'], lines: [1, 3, 5] });
  });

  it('turns something other than a validation error into a message for the whole form', () => {
    expect(describeSaveError(new Error('QuotaExceededError'), { name: 'x', owner: '', group: '', patterns: '' })).toEqual({
      fields: {},
      form: 'QuotaExceededError',
    });
  });
});
