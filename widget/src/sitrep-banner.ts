import { LitElement, html } from 'lit';

export class SitrepBanner extends LitElement {
  override render() {
    return html``;
  }
}
if (!customElements.get('sitrep-banner')) customElements.define('sitrep-banner', SitrepBanner);
