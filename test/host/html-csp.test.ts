import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyFor, metaPolicyOf } from '../../widget/host/html-csp';

const STRICT =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const page = (meta: string) => `<!doctype html><html><head><meta charset="utf-8">${meta}<title>x</title></head><body></body></html>`;

describe('metaPolicyOf', () => {
  it.each<[string, string | undefined]>([
    [page(''), undefined],
    [page(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`), "default-src 'none'"],
    [page(`<meta content="script-src 'self'" http-equiv='content-security-policy'>`), "script-src 'self'"],
    [page(`<meta http-equiv=Content-Security-Policy content="style-src &#39;sha256-x&#39;">`), "style-src 'sha256-x'"],
    [page(`<meta name="description" content="script-src *">`), undefined],
  ])('%#', (html, policy) => {
    expect(metaPolicyOf(html)).toBe(policy);
  });
});

describe('contentSecurityPolicyFor', () => {
  it('is strict for a page without a policy of its own', () => {
    expect(contentSecurityPolicyFor(page(''))).toBe(STRICT);
  });

  it.each<[string, string, string[], string[]]>([
    ['script hashes', "script-src 'sha256-abc='", ["script-src 'self' 'sha256-abc='"], []],
    ['style hashes and inline styles', "style-src 'self' 'sha384-xyz' 'unsafe-inline'", ["style-src 'self' 'sha384-xyz' 'unsafe-inline'"], []],
    ['data: images', 'img-src data:', ["img-src 'self' data:"], []],
    ['a finer directive, from its parent', "style-src-attr 'unsafe-inline'", ["style-src-attr 'self' 'unsafe-inline'"], []],
    ['no inline or foreign scripts', "script-src 'unsafe-inline' 'unsafe-eval' https: *", ["script-src 'self'"], ['unsafe-inline', 'unsafe-eval', 'https:']],
    ['no foreign connections', 'connect-src https://evil.example', ["connect-src 'self'"], ['evil']],
    [
      'no loosening of default-src, base-uri or frame-ancestors',
      'default-src *; base-uri *; frame-ancestors *',
      ["default-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"],
      ['*'],
    ],
    ['no data: scripts', 'script-src data:', ["script-src 'self'"], []],
  ])('admits %s', (_label, meta, includes, excludes) => {
    const policy = contentSecurityPolicyFor(page(`<meta http-equiv="Content-Security-Policy" content="${meta}">`));
    for (const part of includes) expect(policy.split('; ')).toContain(part);
    for (const part of excludes) expect(policy).not.toContain(part);
  });
});
