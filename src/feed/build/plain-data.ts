// Helpers over plain JSON data (objects, arrays, strings, numbers, booleans, null): what the site's
// documents and their public input are made of. They let a publish reuse what an earlier one wrote.

const isPlainObject = (value: object) => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * Whether two values would be written as the same JSON, keys in the same order. Anything that is not
 * plain data (a Date, a Map) is the same only as itself: a false "different" costs a rebuild, a
 * false "same" would publish stale text.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // A publish compares every incident it holds with the last one's: equal leaves (most of them)
  // are told apart here, without a call each.
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x: unknown = a[i];
      const y: unknown = b[i];
      if (x !== y && !sameData(x, y)) return false;
    }
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(a) || !isPlainObject(b)) return false;
  // for-in reads a plain object's own keys in Object.keys order, and reads its values fastest; an
  // enumerable key on Object.prototype would show up as an extra key: "different", which is safe.
  const keysB = Object.keys(b);
  let i = 0;
  for (const key in a) {
    if (key !== keysB[i++]) return false;
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (x !== y && !sameData(x, y)) return false;
  }
  return i === keysB.length;
}

/** A copy that shares nothing mutable with the original, frozen: a kept copy no caller can change. */
export function frozenCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Object.isFrozen(value)) return value;
  const copy: unknown = Array.isArray(value) ? value.map(frozenCopy) : Object.fromEntries(Object.entries(value).map(([key, v]) => [key, frozenCopy(v)]));
  return Object.freeze(copy) as T;
}

/**
 * `JSON.stringify(value)`, except that objects `known` holds are written as the text it holds for
 * them (which must be their `JSON.stringify`): a document of 500 incidents costs as much as the
 * few that changed. Same bytes as `JSON.stringify` for plain data.
 */
export function stringifyReusing(value: unknown, known: ReadonlyMap<object, string>): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const text = known.get(value);
  if (text !== undefined) return text;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out += (i ? ',' : '') + (item === undefined || typeof item === 'function' ? 'null' : stringifyReusing(item, known));
    }
    return out + ']';
  }
  if (!isPlainObject(value) || 'toJSON' in value) return JSON.stringify(value);
  let out = '{';
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + stringifyReusing(item, known);
    first = false;
  }
  return out + '}';
}
