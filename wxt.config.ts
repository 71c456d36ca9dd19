import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** The widget bundles a published site serves; `npm run build:widget` makes them first. */
const WIDGET_BUNDLES = ['sitrep-banner.js', 'sitrep-status.js'];
const widgetOutput = resolve(import.meta.dirname, '.output/widget');

type ModuleGraph = { getModuleInfo(id: string): { isEntry: boolean; importers: string[] } | null };

/**
 * Whether a module loads with a page: a chain of static imports leads to it from that page's entry
 * (any page's when `page` is not given), not an import().
 */
function loadsWithPage(id: string, graph: ModuleGraph, page?: RegExp, seen = new Set<string>()): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  const info = graph.getModuleInfo(id);
  if (!info) return false;
  if (info.isEntry && (!page || page.test(id))) return true;
  return info.importers.some((importer) => loadsWithPage(importer, graph, page, seen));
}

const POPUP = /\/entrypoints\/popup\//;

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: a reader can follow every name to its file.
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
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
      // Retries of a publish that failed, and maintenance windows that open or close by the clock.
      'alarms',
      // Confirms a shortcut or menu clip where the page refuses the in-page confirmation.
      'notifications',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    // Publishing asks for the one origin of each target when it is added (Settings → Publishing),
    // never for every site up front.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      // Opens the popup from the keyboard, pinned or not. Alt+Shift+S would have been the mnemonic,
      // but ChromeOS takes it (quick settings); Alt+Shift+O is free in Chrome, Firefox, Windows,
      // macOS, GNOME and ChromeOS. Chrome allows four suggested keys: this is the fourth.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+O' },
        description: 'Open the Sitrep popup',
      },
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
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'sitrep@sitrep.dev', strict_min_version: '115.0' } } } : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    build: {
      rolldownOptions: {
        output: {
          // An extension page loads each chunk as its own request to the browser process, and the
          // popup's start needed nine (about 50 ms of waiting on this machine). What the popup and
          // another page load at start is one chunk; what only the side panel and options page share
          // at start is a second; what loads later by import() keeps its own.
          codeSplitting: {
            groups: [
              { name: (id, graph) => (loadsWithPage(id, graph, POPUP) ? 'start' : null), minShareCount: 2, priority: 2 },
              { name: (id, graph) => (loadsWithPage(id, graph) ? 'pages' : null), minShareCount: 2, priority: 1 },
            ],
          },
        },
      },
    },
  }),
  hooks: {
    // The publisher copies the widget bundles into every site it writes, so they ship inside the
    // extension (read back with runtime.getURL, never fetched from elsewhere).
    'build:publicAssets': (wxt, files) => {
      const missing = WIDGET_BUNDLES.filter((name) => !existsSync(resolve(widgetOutput, name)));
      if (missing.length) {
        const message = `Missing ${missing.join(', ')} in .output/widget: run npm run build:widget first (npm run build does).`;
        if (wxt.config.command === 'build') throw new Error(message);
        wxt.logger.warn(message);
        return;
      }
      for (const name of WIDGET_BUNDLES) files.push({ absoluteSrc: resolve(widgetOutput, name), relativeDest: `widget/${name}` });
    },
  },
});
