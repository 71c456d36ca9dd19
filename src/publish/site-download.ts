import { readPublishableLog, type SitrepDb } from '../db';
import { buildSite, selectPublic } from '../feed/build';
import { loadBundles } from './bundles';
import { buildSiteZip } from './site-zip';
import { loadPublishing } from './target-store';

/**
 * The whole status site as a zip, for any static host: built from the log exactly as a publish
 * would be, widget bundles included. Links start at `siteUrl` (where it will be served).
 */
export async function buildSiteDownload(db: SitrepDb, siteUrl: string, now = new Date()): Promise<{ name: string; bytes: Uint8Array }> {
  const [{ site }, log, bundles] = await Promise.all([loadPublishing(), readPublishableLog(db), loadBundles()]);
  const { files } = buildSite(selectPublic(log, { settings: site, url: siteUrl }, now));
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  return { name: `sitrep-status-site-${stamp}Z.zip`, bytes: buildSiteZip([...files, ...bundles], now) };
}
