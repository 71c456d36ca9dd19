// The Content-Security-Policy header sent with a published page. The page carries its own
// policy in a <meta> (it must work from any static host, where no header can be set); the
// header adds what a <meta> cannot say (frame-ancestors) and holds even if an escaping bug let
// markup in ahead of the <meta>. Both policies apply, so the header starts strict and admits
// only the harmless sources the page's own policy asks for: the hashes of its inline scripts
// and styles, `data:` images and fonts, inline styles. Never inline or foreign scripts.

type Policy = Map<string, string[]>;

const STRICT: [string, string[]][] = [
  ['default-src', ["'none'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['manifest-src', ["'self'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

/** The directive a finer one falls back to when the page names it and the header does not. */
const PARENT: Readonly<Record<string, string>> = {
  'script-src-elem': 'script-src',
  'script-src-attr': 'script-src',
  'style-src-elem': 'style-src',
  'style-src-attr': 'style-src',
};

const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/_-]+={0,2}'$/;

function admits(directive: string, source: string): boolean {
  const lower = source.toLowerCase();
  if (lower === "'self'" || lower === "'none'" || HASH.test(source)) return true;
  if (lower === 'data:') return directive === 'img-src' || directive === 'font-src';
  if (lower === "'unsafe-inline'") return directive.startsWith('style-src');
  return false;
}

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // The first occurrence of a directive wins, as browsers read it.
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

const META = /<meta\b[^>]*>/gi;
const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((value) => value !== undefined);

const decodeEntities = (text: string) =>
  text.replace(
    /&(quot|apos|#39|#x27|amp);/gi,
    (entity) => ({ '&quot;': '"', '&apos;': "'", '&#39;': "'", '&#x27;': "'", '&amp;': '&' })[entity.toLowerCase()] ?? entity,
  );

/** The page's own Content-Security-Policy <meta>, if it has one. */
export function metaPolicyOf(html: string): string | undefined {
  for (const [tag] of html.matchAll(META)) {
    if (attribute(tag, 'http-equiv')?.toLowerCase() === 'content-security-policy') {
      const content = attribute(tag, 'content');
      if (content !== undefined) return decodeEntities(content);
    }
  }
  return undefined;
}

/** The header policy for a page whose HTML is `html`. */
export function contentSecurityPolicyFor(html: string): string {
  const header: Policy = new Map(STRICT.map(([name, sources]) => [name, [...sources]]));
  const meta = metaPolicyOf(html);
  if (meta !== undefined) {
    for (const [directive, sources] of parsePolicy(meta)) {
      const base = header.get(directive) ?? header.get(PARENT[directive] ?? '');
      if (!base || ['default-src', 'base-uri', 'form-action', 'frame-ancestors'].includes(directive)) continue;
      const extra = sources.filter((source) => admits(directive, source) && source.toLowerCase() !== "'none'");
      header.set(directive, [...new Set([...base.filter((s) => s !== "'none'" || !extra.length), ...extra])]);
    }
  }
  return [...header].map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
