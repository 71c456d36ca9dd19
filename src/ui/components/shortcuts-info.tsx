import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';

/** Chrome reports the popup's own command with no description, whatever the manifest says. */
const OPEN_POPUP = 'Open the Sitrep popup';

/** The extension's shortcuts as the browser has them bound now (described ones, and the popup's). */
function useShortcuts() {
  const commands = useSignal<Browser.commands.Command[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then(
      (all) =>
        (commands.value = all
          .map((c) => (c.name?.startsWith('_execute_') ? { ...c, description: c.description || OPEN_POPUP } : c))
          .filter((c) => c.description)),
      // Without the list the table stays empty and the page still says where to change them.
      (error: unknown) => console.warn('Sitrep: could not read the keyboard shortcuts.', error),
    );
  }, []);
  return commands.value;
}

/** The clip shortcuts as the browser has them bound now, and where to change them. */
export function ShortcutsInfo() {
  const commands = useShortcuts();
  const isFirefox = browser.runtime.getURL('').startsWith('moz-extension:');
  return (
    <section class="shortcuts" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {commands.map((c) => (
            <tr key={c.name}>
              <td>
                <kbd>{c.shortcut || 'not set'}</kbd>
              </td>
              <td>{c.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">
        {isFirefox ? (
          'Change them in about:addons → ⚙ → Manage Extension Shortcuts.'
        ) : (
          <>
            Change them at{' '}
            <button
              type="button"
              class="link"
              onClick={() =>
                void browser.tabs
                  .create({ url: 'chrome://extensions/shortcuts' })
                  .catch((error: unknown) => console.warn('Sitrep: could not open the shortcuts page.', error))
              }
            >
              chrome://extensions/shortcuts
            </button>
            .
          </>
        )}
      </p>
    </section>
  );
}

/** Short names for the footer, by command; a command not listed keeps its description. */
const FOOTER_NAMES: Record<string, string> = {
  _execute_action: 'open',
  _execute_browser_action: 'open',
  'clip-selection': 'clip',
  'clip-with-screenshot': 'clip + screenshot',
  'open-timeline': 'timeline',
};

/**
 * One line for the popup's footer: every bound shortcut, the one that opens this popup first,
 * `Alt+Shift+O open · Alt+Shift+K clip · …`. Unbound ones are left out (Settings lists them).
 */
export function ShortcutsFooter() {
  const bound = useShortcuts().filter((c) => c.shortcut);
  if (!bound.length) return null;
  const opensPopup = (c: Browser.commands.Command) => (c.name?.startsWith('_execute_') ? 0 : 1);
  return (
    <p class="shortcuts-footer hint" aria-label="Keyboard shortcuts" data-testid="shortcuts-footer">
      {[...bound]
        .sort((a, b) => opensPopup(a) - opensPopup(b))
        .map((c, i) => (
          <span key={c.name} class="shortcuts-footer__item" title={c.description}>
            {i > 0 && ' · '}
            <kbd>{c.shortcut}</kbd> {FOOTER_NAMES[c.name ?? ''] ?? c.description}
          </span>
        ))}
    </p>
  );
}
