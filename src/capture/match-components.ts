import type { Component } from '../model';

/**
 * Whole-URL glob match, case-insensitive, `*` = any run of characters. Iterative with one
 * backtrack point, so a pattern full of stars costs O(url × pattern), never exponential time
 * (a RegExp of `.*` runs can backtrack for minutes on a long URL).
 */
export function matchesGlob(url: string, pattern: string): boolean {
  const text = url.toLowerCase();
  const glob = pattern.toLowerCase();
  let t = 0;
  let g = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (g < glob.length && glob[g] !== '*' && glob[g] === text[t]) {
      t++;
      g++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      resume = t;
    } else if (star !== -1) {
      g = star + 1;
      t = ++resume;
    } else return false;
  }
  while (glob[g] === '*') g++;
  return g === glob.length;
}

/** Characters a URL may use inside a name (RFC 3986 "unreserved"): a prefix may not end among them. */
const NAME_CHAR = /[A-Za-z0-9._~-]/;

/**
 * A prefix match that stops at a boundary: `/d/payments` matches `/d/payments/overview?from=…`
 * but not `/d/payments-eu`, another dashboard (and `https://grafana.example.com` does not match
 * `https://grafana.example.com.evil.test`). A pattern that ends in `/` or `=` is a plain prefix.
 */
export function matchesPrefix(url: string, prefix: string): boolean {
  if (url.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return false;
  const next = url.charAt(prefix.length);
  return next === '' || !NAME_CHAR.test(prefix.at(-1) ?? '') || !NAME_CHAR.test(next);
}

/**
 * The components whose dashboard patterns match a clipped URL. A pattern without `*` is a
 * prefix, so pasting a dashboard's address matches it with any time range or variables.
 */
export function matchComponents(url: string, components: readonly Component[]): Component[] {
  return components.filter((c) => matchesAnyPattern(url, c.dashboardPatterns));
}

/** True when one of the dashboard patterns matches the URL (the rules above). */
export function matchesAnyPattern(url: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => (pattern.includes('*') ? matchesGlob(url, pattern) : matchesPrefix(url, pattern)));
}
