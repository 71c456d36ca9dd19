import { render } from 'preact';
import { handoffFrom, PopupFirstPaint } from '../../src/ui/components/popup-first-paint';
import { readFirstPaintState, type FirstPaintState } from '../../src/ui/state/first-paint-state';
import '../../src/ui/styles.css';

// A first paint from one storage read puts the keyboard in the note box; then the app (its
// chunk, the database, the log) starts, and replaces it in one render, taking over its text,
// caret and a pressed Enter. The app starts only after that first frame: started earlier, the
// evaluation of its chunk would hold the frame back.
const root = document.getElementById('app')!;
let firstPaint: FirstPaintState | undefined;

readFirstPaintState().then(
  (state) => {
    firstPaint = state;
    render(<PopupFirstPaint state={state} />, root);
    requestAnimationFrame(() => setTimeout(startApp));
  },
  (error: unknown) => {
    // Without the first paint the app still comes; it only comes a little later.
    console.warn('Sitrep: the popup’s first paint could not read storage.', error);
    startApp();
  },
);

function startApp() {
  import('./app')
    .then((app) => app.startPopup())
    .then(
      (renderApp) => {
        render(renderApp(handoffFrom(firstPaint)), root);
      },
      (error: unknown) => {
        console.error(error);
        render(
          <main class="popup">
            <p class="error" role="alert">
              Sitrep could not start: {String(error)}. Notes typed here are kept as drafts; close and reopen the popup.
            </p>
          </main>,
          root,
        );
      },
    );
}
