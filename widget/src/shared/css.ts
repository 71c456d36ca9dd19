/**
 * The tag for the elements' static style sheets: the sheet's text. Lit's `css` wraps it in a
 * CSSResult and vets interpolated values, which a sheet without interpolations never has; the
 * base element makes the sheet itself (reactive-template-element.ts), so Lit's style module stays
 * out of the bundle. Named `css` so that the build still minifies the templates it tags
 * (widget/vite.config.ts).
 */
export const css = (strings: TemplateStringsArray): string => strings[0]!;
