import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PAGE_COLOURS, PAGE_CSP, PAGE_SCRIPT, PAGE_SCRIPT_HASH, PAGE_STYLE, PAGE_STYLE_HASH } from '../../../src/feed/build/page-assets';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

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

describe('the inline style and script', () => {
  // When this fails after editing PAGE_STYLE or PAGE_SCRIPT, copy the received hash into page-assets.ts.
  it('are allowed by hashes that match their text', () => {
    expect(PAGE_STYLE_HASH).toBe(sha256(PAGE_STYLE));
    expect(PAGE_SCRIPT_HASH).toBe(sha256(PAGE_SCRIPT));
  });

  it('are the only inline code the policy allows', () => {
    expect(PAGE_CSP).toBe(
      `default-src 'none'; script-src 'self' ${sha256(PAGE_SCRIPT)}; style-src ${sha256(PAGE_STYLE)}; ` +
        "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
    );
    expect(PAGE_CSP).not.toMatch(/unsafe/);
  });
});

describe('page colours', () => {
  const schemes = Object.entries(PAGE_COLOURS);
  it('computes contrast the WCAG way', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
  });

  it.each(schemes.flatMap(([scheme, c]) => (['fg', 'muted', 'link'] as const).map((key) => [scheme, key, c[key], c.bg, c.card])))(
    '%s: %s text meets WCAG AA (4.5:1) on the page and on cards',
    (_scheme, _key, fg, bg, card) => {
      expect(contrast(fg!, bg!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(fg!, card!)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(schemes.flatMap(([scheme, c]) => Object.entries(c.tones).map(([tone, [bg, fg]]) => [scheme, tone, bg, fg])))(
    '%s: the %s badge meets WCAG AA (4.5:1)',
    (_scheme, _tone, bg, fg) => {
      expect(contrast(bg!, fg!)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(schemes.flatMap(([scheme, c]) => c.bars.map((bar, rank) => [scheme, rank, bar, c.bg])))(
    '%s: the bar of status rank %i stands out from the page (3:1, WCAG non-text contrast)',
    (_scheme, _rank, bar, bg) => {
      expect(contrast(bar as string, bg as string)).toBeGreaterThanOrEqual(3);
    },
  );
});
