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
    permissions: ['storage', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'sitrep@sitrep.dev', strict_min_version: '115.0' } } }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
