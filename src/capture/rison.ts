/**
 * Rison, the URL-friendly JSON that Kibana and OpenSearch Dashboards keep their `_g`, `_a` and `_q`
 * state in. Parsing and printing are rison-node's, the library Kibana's own `@kbn/rison` wraps, so
 * what we read and write is exactly what those apps read and write.
 */
import rison, { type RisonValue } from 'rison-node';

export type { RisonValue };
export type RisonObject = { [key: string]: RisonValue };

/** The decoded value, or `undefined` when `text` is not rison (a hashed `h@…` state, a typo). */
export function decodeRison(text: string): RisonValue | undefined {
  try {
    return rison.decode(text);
  } catch {
    return undefined;
  }
}

export function isRisonObject(value: unknown): value is RisonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Rison as a URL query value. Kibana leaves rison's own punctuation (`'!:(),`) and `@$/` readable
 * and percent-encodes the rest, spaces as `%20`.
 */
export function encodeRisonParam(value: RisonValue): string {
  return encodeURIComponent(rison.encode(value))
    .replace(/%2C/g, ',')
    .replace(/%3A/g, ':')
    .replace(/%40/g, '@')
    .replace(/%24/g, '$')
    .replace(/%2F/g, '/');
}
