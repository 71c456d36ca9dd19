import { describe, expect, it } from 'vitest';
import { entityTagOf, preconditionsHold } from '../../widget/host/entity-tag';

const A = '"aaa"';

describe('entityTagOf', () => {
  it('is a quoted SHA-256 of the bytes, the same for the same bytes', () => {
    const bytes = new TextEncoder().encode('hello');
    expect(entityTagOf(bytes)).toBe('"LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ"');
    expect(entityTagOf(new TextEncoder().encode('hello!'))).not.toBe(entityTagOf(bytes));
  });
});

describe('preconditionsHold', () => {
  it.each<[string | undefined, string | undefined, string | undefined, boolean]>([
    // current, If-Match, If-None-Match → may write
    [undefined, undefined, undefined, true],
    [A, undefined, undefined, true],
    [A, A, undefined, true],
    [A, '"zzz", "aaa"', undefined, true],
    [A, '*', undefined, true],
    [A, '"zzz"', undefined, false],
    [A, 'W/"aaa"', undefined, false],
    [undefined, A, undefined, false],
    [undefined, '*', undefined, false],
    [undefined, undefined, '*', true],
    [A, undefined, '*', false],
    [A, undefined, ' * ', false],
    [A, undefined, '"zzz"', true],
    [A, undefined, 'W/"aaa"', false],
    [A, A, '"zzz"', true],
  ])('current %s, If-Match %s, If-None-Match %s → %s', (current, ifMatch, ifNoneMatch, holds) => {
    expect(preconditionsHold(current, ifMatch, ifNoneMatch)).toBe(holds);
  });
});
