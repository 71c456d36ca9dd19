/**
 * Text from pages, feeds and colleagues' backups may carry Unicode direction controls that make
 * what a person reads differ from what is there: U+202E RIGHT-TO-LEFT OVERRIDE shows "‮gnp.exe"
 * as "exe.png", and leaks into whatever follows it on the line. Views isolate such text (`<bdi>`,
 * `unicode-bidi: isolate`); these helpers cover what isolation cannot: plain-text places (tooltips,
 * `<option>`s, exports) and the overrides that reverse letters inside the isolated text itself.
 */

/** Every Bidi_Control character (UAX #9): ALM, LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI. */
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;
/**
 * The explicit embeddings and overrides (LRE, RLE, PDF, LRO, RLO). Unlike the marks and isolates
 * that right-to-left writing uses, they can make letters read backwards, and are what spoofing uses.
 */
const EMBEDDINGS_AND_OVERRIDES = /[\u202A-\u202E]/g;

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';

/** The text without any direction control: for exports read where nothing isolates it. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * The text as a view shows it inside an isolating element: embeddings and overrides removed, so
 * letters read in their real order; isolates and marks, which right-to-left text needs, kept.
 */
export function withoutBidiOverrides(text: string): string {
  return text.replace(EMBEDDINGS_AND_OVERRIDES, '');
}

/**
 * The text for a plain-text place inside other text (a tooltip, an `<option>`, an alt text):
 * stripped of controls, then wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so its
 * own right-to-left letters cannot move the words around it either.
 */
export function isolatePlainText(text: string): string {
  return `${FIRST_STRONG_ISOLATE}${stripBidiControls(text)}${POP_DIRECTIONAL_ISOLATE}`;
}
