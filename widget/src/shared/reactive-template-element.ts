import { render, type CSSResult, type RenderOptions } from 'lit';

/** How an attribute reads as its property: text (the default), a number, or present/absent. */
export interface PropertyDeclaration {
  type?: typeof Number | typeof Boolean;
  /** The attribute's name; by default the property's in kebab case (`linkText` → `link-text`). */
  attribute?: string;
}

/** A declared property: its name, its attribute's, and how the attribute reads. */
type Declared = [name: string, attribute: string, type: PropertyDeclaration['type']];

/** One constructed sheet per element class, shared by all its instances. */
const sheets = new WeakMap<object, CSSStyleSheet>();

/**
 * The base of the widget's elements: Lit's templates (lit-html) and style sheets, rendered into
 * an open shadow root whenever a declared property or its attribute changes. It keeps the part
 * of LitElement's contract the elements use — `static properties` with `declare` fields,
 * `static styles`, `render()`, `willUpdate()`, `updated()`, `requestUpdate()` — and leaves out
 * ReactiveElement's controllers, reflection, converters and decorator support, which cost 1.6 kB
 * of the banner's 12 kB budget (issue #4) and which nothing here uses. Its styles are CSS text
 * (`css` from ./css, or Lit's CSSResult, whose string is its text) made into one constructed
 * sheet per class: Lit's style module, with its ShadyCSS support, is another 0.4 kB.
 *
 * Changes render once, in a microtask, after the first connection. A property the page set
 * before the element was defined wins over the constructor's default, as in Lit.
 */
export class ReactiveTemplateElement extends HTMLElement {
  declare static properties: Record<string, PropertyDeclaration> | undefined;
  static styles: (string | CSSResult)[] = [];

  /** What this class and its ancestors declare; a subclass's declaration wins. */
  static get declared(): Declared[] {
    let declared: Record<string, PropertyDeclaration> = {};
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walks the class chain up from this class
    for (let c = this; c.properties; c = Object.getPrototypeOf(c)) declared = { ...c.properties, ...declared };
    return Object.entries(declared).map(([name, { attribute, type }]) => [
      name,
      attribute ?? name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
      type,
    ]);
  }

  static get observedAttributes(): string[] {
    return this.declared.map((declared) => declared[1]);
  }

  #values = new Map<string, unknown>();
  #early = new Map<string, unknown>();
  #pending?: boolean;
  #root?: ShadowRoot;
  #renderOptions: RenderOptions = { host: this };

  constructor() {
    super();
    for (const [name] of (this.constructor as typeof ReactiveTemplateElement).declared) {
      if (Object.hasOwn(this, name)) {
        this.#early.set(name, this[name as keyof this]);
        delete this[name as keyof this];
      }
      Object.defineProperty(this, name, {
        get: () => this.#values.get(name),
        set: (value: unknown) => {
          if (Object.is(value, this.#values.get(name))) return;
          this.#values.set(name, value);
          this.requestUpdate();
        },
      });
    }
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null) {
    for (const [name, declared, type] of (this.constructor as typeof ReactiveTemplateElement).declared) {
      if (declared === attribute) {
        (this as Record<string, unknown>)[name] = type === Boolean ? value != null : type && value != null ? type(value) : value;
      }
    }
  }

  connectedCallback() {
    if (!this.#root) {
      const root = (this.#root = this.attachShadow({ mode: 'open' }));
      const element = this.constructor as typeof ReactiveTemplateElement;
      const text = element.styles.join('');
      if ('replace' in CSSStyleSheet.prototype) {
        let sheet = sheets.get(element);
        if (!sheet) {
          sheets.set(element, (sheet = new CSSStyleSheet()));
          sheet.replaceSync(text);
        }
        root.adoptedStyleSheets = [sheet];
      } else {
        // Safari before 16.4: a <style> child, the content before it.
        const style = document.createElement('style');
        style.textContent = text;
        this.#renderOptions.renderBefore = root.appendChild(style);
      }
      this.#early.forEach((value, name) => ((this as Record<string, unknown>)[name] = value));
    }
    this.requestUpdate();
  }

  /** Renders again in a microtask; any number of calls before then make one render. */
  requestUpdate() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      if (!this.#root) return;
      this.willUpdate();
      render(this.render(), this.#root, this.#renderOptions);
      this.updated();
    });
  }

  protected willUpdate() {}

  protected updated() {}

  protected render(): unknown {
    return undefined;
  }
}
