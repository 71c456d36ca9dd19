/** What the in-page confirmation says and offers; passed to the page as JSON. */
export interface ClipToast {
  /** "Clipped to INC-1", "Clip held — which incident?" */
  message: string;
  /** The entry the clip added, when Undo can take it back. */
  undoEntryId?: string;
  /** How long it stays, in milliseconds. */
  durationMs: number;
}

/**
 * The clip confirmation, injected into the clipped page (scripting.executeScript, under the
 * activeTab grant the clip already had). It runs in the page, so it is self-contained: nothing
 * from this module's scope, no imports. A closed shadow root with `all: initial` keeps the page's
 * styles and scripts out; every string is set as text. It never takes focus from the page.
 */
export function showClipToast(toast: ClipToast): void {
  const HOST_ID = 'sitrep-clip-toast-host';
  document.getElementById(HOST_ID)?.remove(); // a second clip replaces the first confirmation
  const host = document.createElement('div');
  host.id = HOST_ID;
  // Through the CSSOM, not a style attribute: a page's CSP may forbid inline styles, not this.
  for (const [name, value] of [
    ['all', 'initial'],
    ['position', 'fixed'],
    ['z-index', '2147483647'],
    ['right', '16px'],
    ['bottom', '16px'],
  ]) {
    host.style.setProperty(name!, value!, 'important');
  }
  const root = host.attachShadow({ mode: 'closed' });
  const css = `
    :host { all: initial; }
    .toast { all: initial; display: flex; align-items: center; gap: 10px; box-sizing: border-box; max-width: 360px;
      padding: 8px 10px 8px 14px; border-radius: 8px; background: #1b1f24; color: #ffffff;
      font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
    .message { all: initial; font: inherit; color: inherit; overflow-wrap: anywhere; unicode-bidi: isolate; }
    button { all: initial; font: inherit; font-weight: 600; color: #9cd0ff; cursor: pointer; min-height: 24px; min-width: 24px;
      padding: 2px 6px; border-radius: 4px; }
    button:hover { text-decoration: underline; }
    button:focus-visible { outline: 2px solid #9cd0ff; outline-offset: 1px; }
    @media (prefers-reduced-motion: no-preference) { .toast { animation: in .15s ease-out; } }
    @keyframes in { from { opacity: 0; transform: translateY(6px); } }`;
  const box = document.createElement('div');
  box.className = 'toast';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  const message = document.createElement('span');
  message.className = 'message';
  message.textContent = toast.message;
  box.append(message);

  let timer = setTimeout(() => host.remove(), toast.durationMs);
  const closeSoon = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => host.remove(), ms);
  };
  const send = (m: object) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage(m);
  const button = (label: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    box.append(b);
    return b;
  };

  if (toast.undoEntryId) {
    const entryId = toast.undoEntryId;
    const undo = button('Undo', () => {
      undo.remove();
      message.textContent = 'Undoing…';
      send({ type: 'undo-clip', entryId }).then(
        (reply) => {
          const ok = !!reply && (reply as { ok?: unknown }).ok === true;
          message.textContent = ok ? 'Clip removed.' : 'Could not undo: delete it in the timeline.';
          closeSoon(2500);
        },
        () => {
          message.textContent = 'Could not undo: delete it in the timeline.';
          closeSoon(2500);
        },
      );
    });
  }
  button('Open timeline', () => {
    void send({ type: 'open-timeline' }).catch(() => undefined);
    closeSoon(0);
  });
  // Reading it or pointing at it keeps it up; leaving lets it go.
  box.addEventListener('mouseenter', () => clearTimeout(timer));
  box.addEventListener('mouseleave', () => closeSoon(2000));

  // A constructed sheet where there is one: a page's CSP governs <style> elements, not these.
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
  root.append(box);
  (document.body ?? document.documentElement).append(host);
}
