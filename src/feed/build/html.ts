// HTML written as text: every interpolated value is escaped unless it is markup this module built.
// One escape function and one template tag, so no page can forget to escape a published string.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/g;

/** Text as HTML text or a quoted attribute value: `&`, `<`, `>` and both quotes become entities. */
export function escapeHtml(text: string): string {
  SPECIAL.lastIndex = 0;
  return SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ESCAPES[c]!) : text;
}

/** Markup that is already safe: built by `html`, never from a published string directly. */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = Markup | string | number | false | null | undefined | readonly Part[];

function write(part: Part): string {
  if (part instanceof Markup) return part.value;
  if (typeof part === 'string') return escapeHtml(part);
  if (typeof part === 'number') return String(part);
  if (Array.isArray(part)) {
    let out = '';
    for (const p of part as readonly Part[]) out += write(p);
    return out;
  }
  return '';
}

/** A template whose values are escaped text; `Markup` values (other `html` results) go in as they are. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += write(values[i]) + strings[i + 1]!;
  return new Markup(out);
}

/**
 * A bare http(s) URL in running text. It stops at whitespace, quotes and angle brackets; trailing
 * sentence punctuation is left out below.
 */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/**
 * Plain text (a status update's body) as HTML: escaped, with bare http(s) URLs made links. Nothing
 * else becomes a link: `javascript:`, `data:` or markup in the text stay visible text.
 */
export function textWithLinks(text: string): Markup {
  // Most updates hold no link: skip the scan (this runs for every update on every page).
  if (!/https?:\/\//i.test(text)) return new Markup(escapeHtml(text));
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const found = match[0].replace(/[.,;:!?)\]}]+$/, '');
    const start = match.index;
    const href = webLink(found);
    if (!href) continue;
    out += escapeHtml(text.slice(last, start)) + `<a href="${escapeHtml(href)}" rel="nofollow noopener">${escapeHtml(found)}</a>`;
    last = start + found.length;
  }
  return new Markup(out + escapeHtml(text.slice(last)));
}

/** The URL as a link target if it is http(s) without credentials, else undefined. */
export function webLink(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) && !parsed.username && !parsed.password ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
