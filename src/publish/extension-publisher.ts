import { browser } from 'wxt/browser';
import type { SitrepDb } from '../db';
import type { SiteFile } from '../feed/build/site-files';
import { createPublisher } from './publisher';
import { loadPublishing, loadSecret } from './target-store';
import { createHostTarget } from './targets/host-target';

/** Bundles change only with the extension: a long cache is safe once the page names a version. */
const BUNDLE_CACHE = 'public, max-age=300';

/** The widget bundles packed into the extension at build time (see wxt.config.ts). */
async function loadBundles(): Promise<SiteFile[]> {
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

/** The publisher wired to the browser: storage for targets and secrets, alarms, fetch. */
export function createExtensionPublisher(db: SitrepDb) {
  return createPublisher(db, {
    loadPublishing,
    loadSecret,
    loadBundles,
    openTarget: (target, secret) => createHostTarget(target, secret),
    alarms: {
      create: (name, info) => browser.alarms.create(name, info),
      clear: (name) => browser.alarms.clear(name),
    },
  });
}

