import { describe, expect, it } from 'vitest';
import { TONES } from '../../widget/src/shared/tone.styles';

// WCAG 2.x relative luminance and contrast ratio.
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('tone palette', () => {
  it('computes contrast the WCAG way', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 1);
  });

  const pairs = Object.entries(TONES).flatMap(([tone, [lightBg, lightFg, darkBg, darkFg]]) => [
    [tone, 'light', lightBg, lightFg],
    [tone, 'dark', darkBg, darkFg],
  ]);
  it.each(pairs)('%s in the %s theme meets WCAG AA for text (4.5:1)', (_tone, _theme, bg, fg) => {
    expect(contrast(bg!, fg!)).toBeGreaterThanOrEqual(4.5);
  });
});
