/**
 * What the recognizers of pages about one thing (an alert, a ticket, a code change) share. Such
 * pages show no time window, so their frozen URL is the page itself, less the parameters that
 * only say how the person got there (a chat notification, a share button), which would make the
 * same alert look like another link.
 */
import { decodeQueryComponent } from '../query-string.ts';

/** The path's segments as written (not decoded), empty ones dropped: `/a//b/` → `['a', 'b']`. */
export function pathSegments(pathname: string): string[] {
  return pathname.split('/').filter((s) => s !== '');
}

/**
 * The URL without `utm_*` campaign parameters nor the tool's own tracking `keys`; everything else
 * keeps its bytes and order. The URL's `href` when there is nothing to drop.
 */
export function withoutTracking(url: URL, keys: readonly string[] = []): string {
  if (url.search === '') return url.href;
  const drop = new Set(keys);
  const kept: string[] = [];
  let dropped = false;
  for (const segment of url.search.slice(1).split('&')) {
    const eq = segment.indexOf('=');
    const key = decodeQueryComponent(eq === -1 ? segment : segment.slice(0, eq));
    if (drop.has(key) || /^utm_/i.test(key)) {
      dropped = true;
      continue;
    }
    kept.push(segment);
  }
  if (!dropped) return url.href;
  const query = kept.filter((s) => s !== '').join('&');
  return `${url.origin}${url.pathname}${query === '' ? '' : `?${query}`}${url.hash}`;
}
