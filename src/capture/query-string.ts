/**
 * Query strings edited in place. Freezing a URL changes only its time parameters; every other
 * parameter keeps its exact bytes, order and encoding, so the frozen link differs from the original
 * in nothing but the range.
 */

/** Decodes one query component the way URLSearchParams does (`+` is a space). */
export function decodeQueryComponent(raw: string): string {
  const spaced = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A stray `%` is kept literally rather than losing the whole parameter.
    return spaced;
  }
}

/** Decodes every valid `%XX` run and keeps malformed ones literally (`+` stays a plus). */
export function lenientDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Parameters of `query` (with or without its leading `?`), decoded. First value wins. */
export function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const segment of stripQuestionMark(query).split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const key = decodeQueryComponent(eq === -1 ? segment : segment.slice(0, eq));
    if (params.has(key)) continue;
    params.set(key, eq === -1 ? '' : decodeQueryComponent(segment.slice(eq + 1)));
  }
  return params;
}

/**
 * Returns `query` (without `?`) with each key in `updates` set to its already-encoded value, or
 * removed when the value is `null`. Existing keys keep their position; new keys go last.
 */
export function replaceQueryParams(query: string, updates: Record<string, string | null>): string {
  const pending = new Map(Object.entries(updates));
  // Keys come from the URL: `constructor=…` must not be taken for an update (`key in updates`
  // would find the one every object inherits, and drop the parameter).
  const updated = new Set(pending.keys());
  const out: string[] = [];
  for (const segment of stripQuestionMark(query).split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const key = decodeQueryComponent(eq === -1 ? segment : segment.slice(0, eq));
    if (!updated.has(key)) {
      out.push(segment);
      continue;
    }
    const value = pending.get(key);
    // A repeated key is written once: the first occurrence takes the new value, the rest go.
    if (value !== undefined && value !== null) out.push(`${encodeURIComponent(key)}=${value}`);
    pending.delete(key);
  }
  for (const [key, value] of pending) {
    if (value !== null && value !== undefined) out.push(`${encodeURIComponent(key)}=${value}`);
  }
  return out.join('&');
}

/** Splits a `#/path?query` fragment (with or without `#`) into its route and its query. */
export function splitHashRoute(hash: string): { route: string; query: string } {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = body.indexOf('?');
  return q === -1 ? { route: body, query: '' } : { route: body.slice(0, q), query: body.slice(q + 1) };
}

function stripQuestionMark(query: string): string {
  return query.startsWith('?') ? query.slice(1) : query;
}
