import { SitrepBanner } from './sitrep-banner.component';

export { SitrepBanner };
export type { SitrepChangeDetail } from '../shared/feed-element';

// Safe to load twice (two script tags, or the npm entry beside the CDN file): first one wins.
if (!customElements.get('sitrep-banner')) customElements.define('sitrep-banner', SitrepBanner);

declare global {
  interface HTMLElementTagNameMap {
    'sitrep-banner': SitrepBanner;
  }
}
