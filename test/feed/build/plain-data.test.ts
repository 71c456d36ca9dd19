import { afterEach, describe, expect, it } from 'vitest';
import { frozenCopy, sameData } from '../../../src/feed/build/plain-data';

const update = { id: 'u1', status: 'identified', body: 'Found it.', components: [{ id: 'c1', name: 'API' }] };
const incident = { id: 'i1', name: 'Errors', updates: [update, { ...update, id: 'u2' }] };

describe('sameData', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['an equal copy', incident, structuredClone(incident), true],
    ['the frozen copy a build keeps', frozenCopy(incident), structuredClone(incident), true],
    ['a changed leaf deep inside', incident, { ...incident, updates: [update, { ...update, id: 'u2', components: [{ id: 'c1', name: 'Web' }] }] }, false],
    ['the same keys in another order', { a: 1, b: 2 }, { b: 2, a: 1 }, false],
    ['a key more on the right', { a: 1 }, { a: 1, b: 2 }, false],
    ['a key more on the left', { a: 1, b: 2 }, { a: 1 }, false],
    ['another key of the same value', { a: 1 }, { b: 1 }, false],
    ['an array one longer', [1, 2], [1, 2, 3], false],
    ['an array and an object of its keys', [1], { 0: 1 }, false],
    ['null and an empty object', null, {}, false],
    ['a number and its text', 1, '1', false],
    ['two equal Dates (not plain data)', new Date(0), new Date(0), false],
  ])('%s', (_label, a, b, same) => {
    expect(sameData(a, b)).toBe(same);
  });

  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('calls objects different, never the same, when Object.prototype has an enumerable key', () => {
    (Object.prototype as Record<string, unknown>).polluted = 1;
    expect(sameData({ a: 1 }, { a: 1 })).toBe(false);
  });
});
