import type { BrowserContext, Page } from 'playwright-core';
import { describe } from 'vitest';
import { expect, test } from './fixtures';
import { PopupPage } from './pages/popup-page';
import { SidePanelPage } from './pages/sidepanel-page';

interface Typed {
  /** Whether the note box of the first paint had the keyboard when it appeared. */
  focused: boolean;
  /** Whether the app's own parts (the shortcuts footer) were already there: they must not be. */
  appThere: boolean;
}

/**
 * The shell's note box once popup-shell.js has shown it: it is in popup.html from the start,
 * hidden, so the tests watch `hidden` go as well as nodes come.
 */
const SHELL_NOTE_BOX = 'main.popup[data-first-paint]:not([hidden]) .note-box:not([hidden]) #note-input';
const WATCH = { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] };

/**
 * Opens the popup with a script that acts the moment its shell shows a note box, before any
 * module has loaded: puts `text` in it (one input event, as a paste does), selects `selection`,
 * and presses Enter when asked (a cancelable keydown, which is what the note box listens to).
 */
async function openTypingAtFirstPaint(popup: Page, url: string, action: { text: string; selection: [number, number]; enter: boolean }): Promise<Typed> {
  await popup.addInitScript(
    ({ action, selector, watch }) => {
      const w = globalThis as unknown as { typedAtFirstPaint?: Typed };
      const observer = new MutationObserver(() => {
        const box = document.querySelector<HTMLTextAreaElement>(selector);
        if (!box || w.typedAtFirstPaint) return;
        w.typedAtFirstPaint = { focused: document.activeElement === box, appThere: !!document.querySelector('[data-testid=shortcuts-footer]') };
        box.value = action.text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        box.setSelectionRange(...action.selection);
        if (action.enter) box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
        observer.disconnect();
      });
      observer.observe(document, watch);
    },
    { action, selector: SHELL_NOTE_BOX, watch: WATCH },
  );
  await popup.goto(url);
  await popup.locator('main.popup:not([data-first-paint])').waitFor();
  return popup.evaluate(() => (globalThis as unknown as { typedAtFirstPaint: Typed }).typedAtFirstPaint);
}

/** An incident declared in the popup, which then closes: the next opening has a snapshot to paint from. */
async function declareInPopup(context: BrowserContext, extensionId: string) {
  const first = await PopupPage.open(context, extensionId);
  await first.declare('Checkout errors');
  await first.close();
}

describe('the popup’s shell, before any module has loaded', () => {
  test('a note typed and sent with Enter before the app has loaded is saved once', async ({ context, extensionId }) => {
    await declareInPopup(context, extensionId);

    const popup = await context.newPage();
    const typed = await openTypingAtFirstPaint(popup, `chrome-extension://${extensionId}/popup.html`, { text: 'Paged Bo', selection: [8, 8], enter: true });
    expect(typed).toEqual({ focused: true, appThere: false });
    await popup.getByText(/^Saved at/).waitFor();
    expect(await popup.locator('#note-input').inputValue()).toBe('');

    const panel = await SidePanelPage.open(context, extensionId);
    await expect.poll(() => panel.entryTexts()).toEqual(['Declared SEV2: Checkout errors', 'Paged Bo']);
  });

  test('a note half typed at first paint is in the app’s note box, caret and keyboard where they were, and kept as the draft', async ({
    context,
    extensionId,
  }) => {
    await declareInPopup(context, extensionId);

    const popup = await context.newPage();
    const typed = await openTypingAtFirstPaint(popup, `chrome-extension://${extensionId}/popup.html`, { text: 'Rolled back', selection: [2, 4], enter: false });
    expect(typed).toEqual({ focused: true, appThere: false });
    const box = popup.locator('#note-input');
    expect(await box.inputValue()).toBe('Rolled back');
    expect(await box.evaluate((el: HTMLTextAreaElement) => [document.activeElement === el, el.selectionStart, el.selectionEnd])).toEqual([true, 2, 4]);
    await popup.close();

    // Reopened: the draft is there, in the first paint already.
    const again = await PopupPage.open(context, extensionId);
    expect(await again.noteInput.inputValue()).toBe('Rolled back');
  });

  test('puts the note box where the app has it, so nothing jumps when the app takes over', async ({ context, extensionId }) => {
    const first = await PopupPage.open(context, extensionId);
    await first.declare('Checkout errors');
    const appTop = (await first.noteInput.boundingBox())!.y;
    await first.close();

    const popup = await context.newPage();
    await popup.addInitScript(
      ({ selector, watch }) => {
        const observer = new MutationObserver(() => {
          const box = document.querySelector(selector);
          if (!box) return;
          (globalThis as unknown as { firstPaintTop: number }).firstPaintTop = box.getBoundingClientRect().top;
          observer.disconnect();
        });
        observer.observe(document, watch);
      },
      { selector: SHELL_NOTE_BOX, watch: WATCH },
    );
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.locator('main.popup:not([data-first-paint])').waitFor();
    expect(await popup.evaluate(() => (globalThis as unknown as { firstPaintTop: number }).firstPaintTop)).toBeCloseTo(appTop, 1);
  });

  test('shows no note box for a resolved incident: the app asks first', async ({ context, extensionId }) => {
    await declareInPopup(context, extensionId);
    const panel = await SidePanelPage.open(context, extensionId);
    await panel.openIncidentDetails();
    await panel.page.locator('#incident-status').selectOption('resolved');
    await expect.poll(() => panel.entryTexts()).toContain('Status: Resolved');

    const popup = await context.newPage();
    await popup.addInitScript(
      ({ selector, watch }) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector(selector)) (globalThis as unknown as { sawBox: boolean }).sawBox = true;
        });
        observer.observe(document, watch);
      },
      { selector: SHELL_NOTE_BOX, watch: WATCH },
    );
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByTestId('resolved-notice').waitFor();
    expect(await popup.evaluate(() => (globalThis as unknown as { sawBox?: boolean }).sawBox ?? false)).toBe(false);
  });
});
