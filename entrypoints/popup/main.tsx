import { handoffFrom, takeOverShell } from '../../src/ui/popup-shell-takeover';
import { readFirstPaintState, type FirstPaintState } from '../../src/ui/state/first-paint-state';
import '../../src/ui/styles.css';

// popup.html paints its shell (popup-shell.js: the note box, its draft and the keyboard) before
// this module has loaded. This squares it with extension storage in one read, keeps what is
// typed there as the draft, and starts the app (its chunk, the database, the log) after the next
// frame; the app replaces the shell in one render, taking over its text, caret and a pressed
// Enter. Nothing here imports Preact: this chunk is on the way to the first note.
// popup-shell.js, at the end of the body, loads this module after the first frame (wxt.config.ts).
const root = document.getElementById('app')!;
let firstPaint: FirstPaintState | undefined;

readFirstPaintState().then(
  (state) => {
    firstPaint = state;
    takeOverShell(state);
    requestAnimationFrame(() => setTimeout(startApp));
  },
  (error: unknown) => {
    // Without storage the app still comes; it only comes a little later.
    console.warn('Sitrep: the popup could not read storage for its first paint.', error);
    startApp();
  },
);

function startApp() {
  import('./app')
    .then((app) => app.startPopup())
    .then(
      (mount) => mount(root, handoffFrom(firstPaint)),
      (error: unknown) => {
        console.error(error);
        const main = Object.assign(document.createElement('main'), { className: 'popup' });
        const message = Object.assign(document.createElement('p'), {
          className: 'error',
          textContent: `Sitrep could not start: ${String(error)}. Notes typed here are kept as drafts; close and reopen the popup.`,
        });
        message.setAttribute('role', 'alert');
        main.append(message);
        root.replaceChildren(main);
      },
    );
}
