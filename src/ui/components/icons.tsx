/**
 * Icons as one masked box each (the shapes are in styles.css): no icon font or emoji to depend
 * on, they follow currentColor, and a timeline row adds no SVG subtree per button.
 */
export type IconName = 'edit' | 'link' | 'trash';

export function Icon({ name }: { name: IconName }) {
  return <span class={`icon-glyph icon-glyph--${name}`} aria-hidden="true" />;
}
