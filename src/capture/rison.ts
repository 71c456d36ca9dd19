/**
 * Rison, the URL-friendly JSON that Kibana and OpenSearch Dashboards keep their `_g`, `_a` and `_q`
 * state in. Parsing and printing are rison-node's, the library Kibana's own `@kbn/rison` wraps, so
 * what we read and write is exactly what those apps read and write.
 */
import rison, { type RisonValue } from 'rison-node';
import { isRecord } from '../model/is-record.ts';

export type { RisonValue };
export type RisonObject = { [key: string]: RisonValue };

/** The decoded value, or `undefined` when `text` is not rison (a hashed `h@…` state, a typo). */
export function decodeRison(text: string): RisonValue | undefined {
  try {
    return ownData(rison.decode(text));
  } catch {
    return undefined;
  }
}

/**
 * rison-node builds objects with `o[k] = v`, so a `__proto__` key in a URL sets the object's
 * prototype rather than a property, and everything in it would be read as the state's own. The
 * decoded value is rebuilt from own properties only, on objects with no prototype at all.
 * `__prototype__` keys are dropped: rison-node's encoder calls `encode_rison` on any object that
 * has one, and a URL that names it would make freezing the view throw.
 */
function ownData(value: RisonValue): RisonValue {
  if (Array.isArray(value)) return value.map(ownData);
  if (!isRisonObject(value)) return value;
  const copy = Object.create(null) as RisonObject;
  for (const key of Object.keys(value)) {
    if (key !== '__prototype__') copy[key] = ownData(value[key]!);
  }
  return copy;
}

export function isRisonObject(value: unknown): value is RisonObject {
  return isRecord(value);
}

/**
 * Rison as a URL query value. Kibana leaves rison's own punctuation (`'!:(),`) and `@$/` readable
 * and percent-encodes the rest, spaces as `%20`.
 */
export function encodeRisonParam(value: RisonValue): string {
  return encodeURIComponent(rison.encode(value)).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%40/g, '@').replace(/%24/g, '$').replace(/%2F/g, '/');
}
