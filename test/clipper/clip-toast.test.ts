// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showClipToast } from '../../src/clipper/clip-toast';

/** The closed root the toast attaches, caught as it is made (the page could not reach it). */
function catchShadowRoot(): { root?: ShadowRoot } {
  const caught: { root?: ShadowRoot } = {};
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    expect(init.mode).toBe('closed');
    return (caught.root = attach.call(this, init));
  });
  return caught;
}

describe('showClipToast', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.getElementById('sitrep-clip-toast-host')?.remove();
  });

  it.each([
    ['Clipped to INC-1', 'Clipped to INC-1'],
    ['Clipped to <img src=x onerror=alert(1)>', 'Clipped to <img src=x onerror=alert(1)>'],
  ])('shows %s as text, with Undo and Open timeline', (message, shown) => {
    const caught = catchShadowRoot();
    showClipToast({ message, undoEntryId: 'e1', durationMs: 6000 });
    const root = caught.root!;
    expect(root.querySelector('.message')!.textContent).toBe(shown);
    expect(root.querySelector('img')).toBeNull();
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Undo', 'Open timeline']);
  });

  it('offers no Undo when there is no entry to take back, and leaves after its time', () => {
    vi.useFakeTimers();
    const caught = catchShadowRoot();
    showClipToast({ message: 'Clip held', durationMs: 6000 });
    expect([...caught.root!.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Open timeline']);
    vi.advanceTimersByTime(5999);
    expect(document.getElementById('sitrep-clip-toast-host')).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(document.getElementById('sitrep-clip-toast-host')).toBeNull();
  });

  it('Undo asks the background to take back exactly the entry it added', async () => {
    const sendMessage = vi.fn().mockResolvedValue({ ok: true });
    vi.stubGlobal('chrome', { runtime: { sendMessage } });
    const caught = catchShadowRoot();
    showClipToast({ message: 'Clipped to INC-1', undoEntryId: 'entry-42', durationMs: 6000 });
    caught.root!.querySelector('button')!.click();
    expect(sendMessage).toHaveBeenCalledWith({ type: 'undo-clip', entryId: 'entry-42' });
    await vi.waitFor(() => expect(caught.root!.querySelector('.message')!.textContent).toBe('Clip removed.'));
    vi.unstubAllGlobals();
  });
});
