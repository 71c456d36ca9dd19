// The scaffolding the UI tests share: a clean browser and a fresh root for every test, mounting and
// unmounting, using the controls as a person would, and waiting for saves and live queries to land.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SitrepDb } from '../../src/db';
import type { Incident } from '../../src/model';
import { StatusComposer } from '../../src/ui/components/status-composer';
import { AppContext } from '../../src/ui/state/context';
import { createLogState } from '../../src/ui/state/log-state';

// Each test's database is deleted after this file's own afterEach (hooks run as a stack): the page
// is unmounted and its live queries disposed before the database goes.
export { freshDb } from '../db/fresh-db';

/** The element a test renders into: a new one for every test, removed after it. */
export let root: HTMLElement;

const disposals: (() => void)[] = [];

beforeEach(() => {
  // Storage, listeners and spies left by the last test would leak into this one.
  fakeBrowser.reset();
  vi.restoreAllMocks();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(async () => {
  await unmount();
  root.remove();
});

/** Disposes `state` when the page is unmounted: its live queries stop before the database is deleted. */
export function disposeAfter<T extends { dispose(): void }>(state: T): T {
  disposals.push(() => state.dispose());
  return state;
}

export async function mount(ui: ComponentChild): Promise<void> {
  await act(() => render(ui, root));
}

/** Unmounts the page and disposes what it was given, as closing the popup does. */
export async function unmount(): Promise<void> {
  await act(() => render(null, root));
  for (const dispose of disposals.splice(0).reverse()) dispose();
}

/**
 * The composer as the popup mounts it: for the log's active incident, keyed by its id, under the
 * app's context. Resolves once the form is there.
 */
export async function mountComposer(db: SitrepDb, incident: Incident): Promise<void> {
  const log = disposeAfter(createLogState(db));
  await log.ready;
  await log.switchTo(incident.id);
  function Popup() {
    const active = log.active.value;
    return active ? <StatusComposer key={active.id} incident={active} /> : <p>No incident</p>;
  }
  await mount(
    <AppContext.Provider value={{ db, log }}>
      <Popup />
    </AppContext.Provider>,
  );
  await settle(() => expect(byId('composer-message')).not.toBeNull());
}

export const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export const valueOf = (id: string) => byId<HTMLInputElement>(id).value;

/** The text of the element with this data-testid, '' when there is none. */
export const testIdText = (testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';

/** A button by its accessible name: its aria-label, or else its text. */
export const button = (name: string, within: ParentNode = root) =>
  [...within.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);

/** Clicks a button named so, or an element; fails the test when there is none. */
export async function click(target: string | HTMLElement | null | undefined): Promise<void> {
  const el = typeof target === 'string' ? button(target) : target;
  expect(el, typeof target === 'string' ? `a button named “${target}”` : 'the element to click').toBeTruthy();
  await act(() => el!.click());
}

/**
 * Types into a field, as autofill or a paste does: the whole value, one input event. `focus`
 * first puts the keyboard there, as a person clicking into it would.
 */
export async function type(id: string, value: string, { focus = false } = {}): Promise<void> {
  await act(() => {
    const input = byId<HTMLInputElement>(id);
    if (focus) input.focus();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(id: string, value: string): Promise<void> {
  await act(() => {
    const select = byId<HTMLSelectElement>(id);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** A key pressed in an element (or the one with this id): cancelable, as a browser's is. */
export async function key(target: string | Element, init: KeyboardEventInit): Promise<void> {
  await act(() => {
    const el = typeof target === 'string' ? byId(target) : target;
    el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
}

/** Waits until `check` passes, letting the save, the live query and the re-render land in between. */
export async function settle(check: () => void | Promise<void>): Promise<void> {
  await expect
    .poll(async () => {
      await act(async () => {});
      try {
        await check();
        return true;
      } catch {
        return false;
      }
    })
    .toBe(true);
  await check();
}

/** fakeBrowser has no permissions API (it throws "not implemented"): this stands in for the prompt, granting. */
export function fakePermissionPrompt() {
  const request = vi.fn<(request: { origins: string[] }) => Promise<boolean>>(async () => true);
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(request as never);
  return request;
}

/** What the page sends the background, e.g. `{ type: 'publish' }` to wake the outbox. */
export function messagesToBackground() {
  const sent = vi.fn<(message: unknown) => void>();
  fakeBrowser.runtime.onMessage.addListener(sent);
  return sent;
}

/** Puts `process.env.TZ` back after each test of the calling file or describe block, for tests that set a zone. */
export function restoreTimeZoneAfterEach(): void {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });
}
