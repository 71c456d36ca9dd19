// rison-node ships no types. This is the slice of its API Sitrep uses (the same calls Kibana's
// own @kbn/rison wraps).
declare module 'rison-node' {
  export type RisonValue = null | boolean | number | string | RisonValue[] | { [key: string]: RisonValue };
  /** Parses a rison string; throws an Error with a `rison parser error` message on bad input. */
  export function decode(input: string): RisonValue;
  export function encode(input: RisonValue): string;
  const rison: { decode: typeof decode; encode: typeof encode };
  export default rison;
}
