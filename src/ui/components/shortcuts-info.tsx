import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';

/** The clip shortcuts as the browser has them bound now, and where to change them. */
export function ShortcutsInfo() {
  const commands = useSignal<Browser.commands.Command[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then((all) => (commands.value = all.filter((c) => c.description)));
  }, []);
  const isFirefox = browser.runtime.getURL('').startsWith('moz-extension:');
  return (
    <section class="shortcuts" aria-label="Keyboard shortcuts">
      <h2>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {commands.value.map((c) => (
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
            <button type="button" class="link" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
              chrome://extensions/shortcuts
            </button>
            .
          </>
        )}
      </p>
    </section>
  );
}
