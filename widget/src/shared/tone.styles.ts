/** What a colour stands for: an indicator or impact word, or the page itself. */
export type Tone = 'none' | 'minor' | 'major' | 'critical' | 'maintenance' | 'page';

/** [light background, light text, dark background, dark text]. */
type Colors = [string, string, string, string];

/** The tones of indicators and impacts, all the banner shows. */
export const EVENT_TONES: Record<Exclude<Tone, 'page'>, Colors> = {
  none: ['#e6f4ea', '#0b3d1f', '#0f2e1a', '#c6efd3'],
  minor: ['#fff3c4', '#3b2f00', '#3a3000', '#ffe89a'],
  major: ['#ffe1c7', '#4a1d00', '#45200a', '#ffd2ad'],
  critical: ['#b42318', '#ffffff', '#7a1710', '#ffffff'],
  maintenance: ['#dde9fd', '#0b2e66', '#0e2a52', '#cfe0ff'],
};

/**
 * Every tone, the page's own too. Every pair meets WCAG AA (4.5:1) —
 * test/widget/tone-contrast.test.ts checks it.
 */
export const TONES: Record<Tone, Colors> = { page: ['#ffffff', '#1f2328', '#0d1117', '#e6edf3'], ...EVENT_TONES };

/** Component states in the tone of the indicator they amount to. */
export const COMPONENT_TONES: Record<string, Tone> = {
  operational: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
  under_maintenance: 'maintenance',
};

// `--sitrep-<tone>-bg` / `-fg` override a tone; the theme class (light, dark, auto) sits on the
// element itself or an ancestor. Written out once here rather than three times in CSS.
const rules = (tones: Partial<Record<Tone, Colors>>, scope: string, i: 0 | 2) =>
  Object.entries(tones)
    .map(([tone, c]) => `${scope} .${tone},${scope}.${tone}{--_bg:var(--sitrep-${tone}-bg,${c[i]});--_fg:var(--sitrep-${tone}-fg,${c[i + 1]})}`)
    .join('');

/** The rules of the tones given, in the light, dark and auto themes. */
export const toneStyles = (tones: Partial<Record<Tone, Colors>>) =>
  rules(tones, '', 0) + rules(tones, '.dark', 2) + `@media(prefers-color-scheme:dark){${rules(tones, '.auto', 2)}}`;
