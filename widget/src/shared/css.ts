import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The tag for the elements' static style sheets. Lit's own `css` also vets interpolated values,
 * which a sheet without interpolations never has: this one costs nothing in the bundle. Named
 * `css` so that the build still minifies the templates it tags (widget/vite.config.ts).
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]!);
