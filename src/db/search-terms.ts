import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/** The longest word kept in the index: longer runs (hashes, tokens) are still found by their first 40 characters. */
const MAX_TERM_LENGTH = 40;
/** Words kept per entry: a 100,000-character paste must not put 20,000 rows into the index. */
const MAX_TERMS = 256;

/** The field, on stored entry rows only, that the multi-entry `*terms` index reads. */
export const TERMS_FIELD = 'terms';

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The normalised words of a text, as the search index holds them: NFKC, lower-cased, split on
 * anything that is not a letter or a digit, distinct, at most 40 characters each. "HTTP 502s on
 * /checkout" → ["http", "502s", "on", "checkout"].
 */
export function termsOf(text: string): string[] {
  const terms = new Set<string>();
  for (const [word] of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    terms.add(word.slice(0, MAX_TERM_LENGTH));
    if (terms.size === MAX_TERMS) break;
  }
  return [...terms];
}

/** A stored entry row with its index terms written from its text. */
function withTerms(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || typeof (row as { text?: unknown }).text !== 'string') return row;
  return { ...row, [TERMS_FIELD]: termsOf((row as { text: string }).text) };
}

/**
 * Keeps every entry row's `terms` in step with its text, whoever writes it (a repository, an
 * import, an upgrade), inside the same transaction: the index can never disagree with the text.
 */
export const searchTermsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'sitrep-search-terms',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'entries') return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type === 'add' || req.type === 'put') return table.mutate({ ...req, values: req.values.map(withTerms) });
            return table.mutate(req);
          },
        };
      },
    };
  },
};

/**
 * Entries are read without their index terms, so a row reads exactly as its schema says (a
 * backup, an edit, a strict parse never meet them). Rows from IndexedDB are fresh copies.
 */
export function withoutTerms<T>(row: T): T {
  if (row && typeof row === 'object') delete (row as Record<string, unknown>)[TERMS_FIELD];
  return row;
}
