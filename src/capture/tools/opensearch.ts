/**
 * OpenSearch Dashboards: the Kibana 7.10 fork keeps Kibana's `_g`/`_a` rison state and adds `_q` in
 * its Data Explorer (`/app/data-explorer/discover#?_a=(discover:(…),metadata:(…))&_g=(…)&_q=(…)`).
 * It is told from Kibana by shape: the Data Explorer and `discover-legacy` apps, Amazon OpenSearch
 * Service's `/_dashboards/` base path, or "opensearch" in the host or path.
 */
import type { Recognized } from '../recognized.ts';
import { isKibanaApp } from './kibana.ts';
import { hasKibanaState, recognizeKibanaState } from './kibana-state.ts';

export function recognizeOpenSearch(url: URL, now: Date): Recognized | undefined {
  if (!isKibanaApp(url) || !isOpenSearchDashboards(url)) return undefined;
  return recognizeKibanaState(url, now, 'opensearch');
}

function isOpenSearchDashboards(url: URL): boolean {
  const segments = url.pathname.split('/');
  if (segments.includes('_dashboards') || /opensearch/i.test(url.hostname + url.pathname)) return true;
  const app = segments[segments.indexOf('app') + 1];
  return (app === 'data-explorer' || app === 'discover-legacy') && hasKibanaState(url);
}
