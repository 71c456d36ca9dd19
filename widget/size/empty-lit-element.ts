// The size baseline: an element that is all Lit and nothing of ours, built exactly like the widget.
import { html, LitElement } from 'lit';

class EmptyLitElement extends LitElement {
  override render() {
    return html``;
  }
}
customElements.define('empty-lit-element', EmptyLitElement);
