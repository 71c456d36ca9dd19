/**
 * What went wrong with a clip, in one sentence a person can read on the toolbar tooltip or the
 * popup. Error messages from storage and schemas can be pages of JSON and regular expressions;
 * none of that reaches the person.
 */

const NO_ROOM = 'The browser has no room left to store the clip.';
const UNSTORABLE = 'What this page gave could not be stored.';
const GENERIC = 'The clip could not be saved.';
const MAX_SENTENCE = 160;
/** Characters that mean the message is code, JSON or a pattern rather than a sentence. */
const NOT_PROSE = /[{}[\]\\^$<>`|]/;

/** One readable sentence for any error or error text; a fixed one when the text is not prose. */
export function describeClipError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /\bquota\b/i.test(message)) return NO_ROOM;
  if (name === 'ZodError' || name === '$ZodError') return UNSTORABLE;
  return firstSentence(message) ?? GENERIC;
}

/** The message's first sentence when it is short prose, else `undefined`. */
export function firstSentence(message: string): string | undefined {
  const line = message.split(/\r?\n/, 1)[0]?.trim() ?? '';
  const sentence = /^.*?[.!?](?=\s|$)/.exec(line)?.[0] ?? line;
  if (sentence === '' || sentence.length > MAX_SENTENCE || NOT_PROSE.test(sentence)) return undefined;
  return sentence;
}
