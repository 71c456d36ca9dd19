// @vitest-environment happy-dom
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { css } from '../../widget/src/shared/css';
import { ReactiveTemplateElement, type PropertyDeclaration } from '../../widget/src/shared/reactive-template-element';

class Base extends ReactiveTemplateElement {
  static override properties: Record<string, PropertyDeclaration> = { src: {}, poll: { type: Number } };
  declare src: string | null | undefined;
  declare poll: number | null;
  constructor() {
    super();
    this.poll = 60;
  }
}

/** A subclass as the widget's elements are: its own properties on top of its base's, a render that is counted. */
class Probe extends Base {
  static override properties = {
    showOperational: { type: Boolean, attribute: 'show-operational' },
    // No attribute named: kebab case, as every multi-word attribute of the widget is.
    linkText: {},
  };
  static override styles = [css`p{color:red}`];
  declare showOperational: boolean;
  declare linkText: string | null;
  renders = 0;
  constructor() {
    super();
    this.showOperational = false;
    this.linkText = 'Details';
  }
  protected override render() {
    this.renders++;
    return html`<p>${this.src} ${this.poll} ${this.showOperational} ${this.linkText}</p>`;
  }
}
customElements.define('probe-element', Probe);

const settle = () => new Promise<void>((resolve) => setTimeout(resolve));
const text = (element: Element) => element.shadowRoot!.querySelector('p')!.textContent;

async function connected(markup: string) {
  document.body.innerHTML = markup;
  await settle();
  return document.body.firstElementChild as Probe;
}

describe('ReactiveTemplateElement', () => {
  it('observes the attributes its class and its ancestors declare', () => {
    expect(Probe.observedAttributes.sort()).toEqual(['link-text', 'poll', 'show-operational', 'src']);
  });

  it('renders into an open shadow root once connected, with its styles', async () => {
    const element = document.createElement('probe-element') as Probe;
    await settle();
    expect(element.shadowRoot).toBeNull();
    expect(element.renders).toBe(0);
    document.body.replaceChildren(element);
    await settle();
    expect(text(element)).toBe(' 60 false Details');
    expect(element.shadowRoot!.adoptedStyleSheets).toHaveLength(1);
  });

  it.each([
    ['src="https://status.example.com/api/v2/summary.json"', 'src', 'https://status.example.com/api/v2/summary.json'],
    ['poll="30"', 'poll', 30],
    ['poll="soon"', 'poll', NaN],
    ['show-operational', 'showOperational', true],
    ['show-operational="false"', 'showOperational', true],
    ['link-text="Read more"', 'linkText', 'Read more'],
  ])('reads the attribute %s as %s = %j', async (attribute, property, value) => {
    const element = await connected(`<probe-element ${attribute}></probe-element>`);
    expect(element[property as keyof Probe]).toEqual(value);
  });

  it('reads a removed attribute as null, or false for a boolean one', async () => {
    const element = await connected('<probe-element src="/a.json" poll="30" show-operational></probe-element>');
    for (const name of ['src', 'poll', 'show-operational']) element.removeAttribute(name);
    expect([element.src, element.poll, element.showOperational]).toEqual([null, null, false]);
  });

  it('renders once for any number of changes in a row, and not at all for a value that did not change', async () => {
    const element = await connected('<probe-element src="/a.json"></probe-element>');
    const before = element.renders;
    element.src = '/b.json';
    element.setAttribute('poll', '15');
    element.linkText = 'More';
    await settle();
    expect(element.renders).toBe(before + 1);
    expect(text(element)).toBe('/b.json 15 false More');
    element.src = '/b.json';
    element.setAttribute('poll', '15');
    await settle();
    expect(element.renders).toBe(before + 1);
  });

  it('keeps a property the page set before the element was defined, over the default', async () => {
    document.body.innerHTML = '<late-probe></late-probe>';
    const early = document.body.firstElementChild as HTMLElement & { poll?: number; linkText?: string };
    early.poll = 120;
    early.linkText = 'Status';
    customElements.define('late-probe', class extends Probe {});
    await settle();
    expect(text(early)).toBe(' 120 false Status');
    expect(Object.hasOwn(early, 'poll') && Object.getOwnPropertyDescriptor(early, 'poll')!.get).toBeTruthy();
  });
});
