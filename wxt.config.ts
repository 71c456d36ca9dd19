import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: a reader can follow every name to its file.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Sitrep',
    description: 'Clip what you see into a local incident timeline and run the incident from the browser.',
    // unlimitedStorage + navigator.storage.persist(): the browser must never evict the log.
    // activeTab + scripting: Sitrep reads a page only when asked to clip it (shortcut, menu,
    // popup), and never asks for access to every site.
    permissions: [
      'storage',
      'unlimitedStorage',
      'activeTab',
      'scripting',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    commands: {
      'clip-selection': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Clip the selection (or the page) to the active incident',
      },
      'clip-with-screenshot': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Clip with a screenshot of the visible tab',
      },
      'open-timeline': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open the incident timeline beside this tab',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'sitrep@sitrep.dev', strict_min_version: '115.0' } } }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
