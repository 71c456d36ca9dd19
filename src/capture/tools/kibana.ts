/**
 * Kibana: Discover (`/app/discover#/?_g=(…)&_a=(…)`, `#/view/<id>`), Dashboards
 * (`/app/dashboards#/view/<id>?_g=…&_a=…`), Visualize, Lens, Maps, the 6.x/7.x
 * `/app/kibana#/discover?_g=…` shell, and the Observability apps' `rangeFrom`/`rangeTo` — under
 * any host, base path and space (`/s/<space>/app/…`). OpenSearch Dashboards, Kibana's fork, is
 * told apart in opensearch.ts and must be tried first.
 */
import type { Recognized } from '../recognized.ts';
import { hasKibanaState, recognizeKibanaState } from './kibana-state.ts';

export function recognizeKibana(url: URL, now: Date): Recognized | undefined {
  if (!isKibanaApp(url)) return undefined;
  if (!hasKibanaState(url) && !/kibana/i.test(url.hostname + url.pathname)) return undefined;
  return recognizeKibanaState(url, now, 'kibana');
}

/** True for `…/app/<app-id>…` paths, the shell every Kibana-family app lives under. */
export function isKibanaApp(url: URL): boolean {
  const segments = url.pathname.split('/');
  const app = segments.indexOf('app');
  return app !== -1 && (segments[app + 1] ?? '') !== '';
}
