import { browser } from 'wxt/browser';
import type { SiteFile } from '../feed/build/site-files';

/** Bundles change only when the extension is updated: five minutes of caching costs readers nothing. */
const BUNDLE_CACHE = 'public, max-age=300';

/** The widget bundles packed into the extension at build time (see wxt.config.ts). */
export async function loadBundles(): Promise<SiteFile[]> {
  return Promise.all(
    ['sitrep-banner.js', 'sitrep-status.js'].map(async (name) => {
      // Built into the extension by a WXT hook, so WXT's typed list of public paths does not name them.
      const url = (browser.runtime.getURL as (path: string) => string)(`/widget/${name}`);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The extension is missing widget/${name}: rebuild it with npm run build`);
      return { path: name, body: await response.text(), contentType: 'text/javascript; charset=utf-8', cacheControl: BUNDLE_CACHE };
    }),
  );
}
