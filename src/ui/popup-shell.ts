import { rememberedNoteBoxTop } from './note-box-top';
import { readShellHint, type ShellHint } from './popup-shell-hint';
import { isSaveKey } from './save-key';

/**
 * The popup's shell: popup.html's own markup (header, note box, "Loading…"), hidden until filled.
 * It is what the popup paints before any module has loaded; the note box's label and textarea are
 * `NoteField`'s (test/ui/popup-shell.test.ts holds them to it).
 */
export interface ShellParts {
  main: HTMLElement;
  spacer: HTMLElement;
  box: HTMLElement;
  key: HTMLElement;
  input: HTMLTextAreaElement;
  status: HTMLElement;
  loading: HTMLElement;
}

/** The shell's parts while it is on the page (the app's render replaces it); undefined after. */
export function shellParts(doc: Document = document): ShellParts | undefined {
  const main = doc.querySelector<HTMLElement>('main.popup[data-first-paint]');
  const part = <T extends HTMLElement>(selector: string) => main?.querySelector<T>(selector) ?? undefined;
  const parts = {
    main,
    spacer: part('[data-shell=spacer]'),
    box: part('.note-box'),
    key: part('[data-shell=key]'),
    input: part<HTMLTextAreaElement>('#note-input'),
    status: part('.note-box [role=status]'),
    loading: part('[data-shell=loading]'),
  };
  return Object.values(parts).every(Boolean) ? (parts as ShellParts) : undefined;
}

/** What the shell's note box shows, once shown: its incident and the draft it was filled with. */
export function shownNote({ box }: ShellParts): { id: string; draft: string } | undefined {
  const { incident, draft } = box.dataset;
  return box.hidden || incident === undefined ? undefined : { id: incident, draft: draft ?? '' };
}

/**
 * Shows the shell with the note box of `note`'s incident, its draft and the keyboard, where the
 * app last put it; with `null`, "Loading…". The box records what it was filled with (`shownNote`),
 * so that the module can tell what was typed since. Enter is remembered (`data-save-requested`)
 * for the app to honour: nothing here can save a note.
 */
export function showShell(parts: ShellParts, note: ShellHint | null): void {
  const { main, spacer, box, key, input, status, loading } = parts;
  main.hidden = false;
  box.hidden = !note;
  loading.hidden = !!note;
  if (!note) return;
  box.dataset.incident = note.id;
  box.dataset.draft = note.draft;
  key.textContent = note.key;
  if (input.value !== note.draft) input.value = note.draft;
  // The spacer takes what the app shows above the note box (clip button, incident card…).
  const top = rememberedNoteBoxTop();
  if (top !== undefined) spacer.style.height = `${Math.max(0, top - box.getBoundingClientRect().top + spacer.getBoundingClientRect().height)}px`;
  if (input.dataset.shellKeys === undefined) {
    input.dataset.shellKeys = '';
    input.addEventListener('keydown', (event) => {
      if (!isSaveKey(event)) return;
      event.preventDefault();
      input.dataset.saveRequested = '';
      status.textContent = 'Saving…';
    });
  }
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}

/**
 * The popup's first paint, run by a classic script at the end of popup.html's body: after the
 * markup above it is parsed and after the stylesheet has loaded (a parser-blocking script waits
 * for it), so the box is measured as it will be painted; before the first frame, and before any
 * module (main.tsx, which then checks the hint against extension storage: `popup-shell-takeover.ts`).
 */
export function paintShell(doc: Document = document, store?: Storage): void {
  const parts = shellParts(doc);
  if (parts) showShell(parts, readShellHint(store));
}

/**
 * Loads the page's module (`<meta name="sitrep-module" content="URL">`, written by wxt.config.ts)
 * once the first frame is out, so that its fetch and evaluation do not hold that frame back; after
 * 100 ms at the latest, as a hidden page gets no frames.
 */
export function loadModuleAfterFirstFrame(doc: Document = document, view: Window = window): void {
  const src = doc.querySelector<HTMLMetaElement>('meta[name=sitrep-module]')?.content;
  if (!src) return;
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    doc.head.append(Object.assign(doc.createElement('script'), { type: 'module', src }));
  };
  view.requestAnimationFrame(() => view.setTimeout(load));
  view.setTimeout(load, 100);
}
