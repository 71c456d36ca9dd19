import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

/** The widget bundles a published site serves; `npm run build:widget` makes them first. */
const WIDGET_BUNDLES = ['sitrep-banner.js', 'sitrep-status.js'];
const widgetOutput = resolve(import.meta.dirname, '.output/widget');

type ModuleGraph = { getModuleInfo(id: string): { isEntry: boolean; importers: string[] } | null };

/**
 * Whether a module loads with a root: a chain of static imports leads to it from a module that
 * `isRoot` accepts (an entry, or a module a page imports on start), not an import().
 */
function loadsFrom(id: string, graph: ModuleGraph, isRoot: (id: string, isEntry: boolean) => boolean, seen = new Set<string>()): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  const info = graph.getModuleInfo(id);
  if (!info) return false;
  if (isRoot(id, info.isEntry)) return true;
  return info.importers.some((importer) => loadsFrom(importer, graph, isRoot, seen));
}

/** The popup's entry (its index.html): main.tsx, which squares the shell with storage, and what that imports statically. */
const POPUP_ENTRY = /\/entrypoints\/popup\//;
/** The popup's app, which its entry starts loading at once by import(). */
const POPUP_APP = /\/entrypoints\/popup\/app\.tsx$/;

/**
 * The popup's module loads after its first frame. Vite puts the module script and its preloads in
 * the head, where Chromium fetches them beside the stylesheet and the shell's script and held the
 * first frame for them (about 10 ms here): the shell (src/ui/popup-shell.ts) was ready, but shown
 * only once main.tsx had loaded. The script becomes a `<meta name="sitrep-module">` that the
 * shell's script turns into a module script once that frame is out (`loadModuleAfterFirstFrame`).
 */
const popupModuleAfterFirstFrame: Plugin = {
  name: 'sitrep:popup-module-after-first-frame',
  transformIndexHtml: {
    order: 'post',
    handler(html, { path }) {
      if (!/\/popup\/index\.html$/.test(path)) return html;
      const scripts = [...html.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>\s*/g)];
      if (scripts.length !== 1) throw new Error(`popup.html: expected one module script, found ${scripts.length}`);
      return html.replace(scripts[0]![0], `<meta name="sitrep-module" content="${scripts[0]![1]}">\n    `).replace(/<link rel="modulepreload"[^>]*>\s*/g, '');
    },
  },
};

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
    plugins: [preact(), popupModuleAfterFirstFrame],
    build: {
      rolldownOptions: {
        output: {
          // An extension page loads each chunk as its own request to the browser process, and the
          // popup's start needed nine (about 50 ms of waiting on this machine). So shared code is
          // grouped by when it is needed: what the popup's entry needs to square its shell with
          // storage (popup.html paints the shell itself: src/ui/popup-shell.ts) in one chunk; what
          // its app needs and another page shares (Preact, Dexie, zod, the state) in a second;
          // what only the side panel and options page share at start in a third; what loads
          // later by import() keeps its own.
          codeSplitting: {
            groups: [
              { name: (id, graph) => (loadsFrom(id, graph, (m, entry) => entry && POPUP_ENTRY.test(m)) ? 'start' : null), minShareCount: 2, priority: 3 },
              { name: (id, graph) => (loadsFrom(id, graph, (m) => POPUP_APP.test(m)) ? 'popup-app' : null), minShareCount: 2, priority: 2 },
              { name: (id, graph) => (loadsFrom(id, graph, (_, entry) => entry) ? 'pages' : null), minShareCount: 2, priority: 1 },
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
