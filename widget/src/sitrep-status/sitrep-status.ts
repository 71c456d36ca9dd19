import { SitrepStatus } from './sitrep-status.component';

export { SitrepStatus };
export type { SitrepChangeDetail } from '../shared/feed-element';

// Safe to load twice: first one wins.
if (!customElements.get('sitrep-status')) customElements.define('sitrep-status', SitrepStatus);

declare global {
  interface HTMLElementTagNameMap {
    'sitrep-status': SitrepStatus;
  }
}
