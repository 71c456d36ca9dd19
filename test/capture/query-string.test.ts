import { describe, expect, it } from 'vitest';
import { decodeQueryComponent, parseQuery, replaceQueryParams, splitHashRoute } from '../../src/capture/query-string.ts';
import { decodeRison, encodeRisonParam } from '../../src/capture/rison.ts';

describe('replaceQueryParams', () => {
  it('replaces in place, removes with null, appends new keys, and leaves the rest byte for byte', () => {
    expect(replaceQueryParams('?a=1&from=now-1h&b=x%20y&time=5&c', { from: '10', to: '20', time: null })).toBe('a=1&from=10&b=x%20y&c&to=20');
  });

  it('writes a repeated key once', () => {
    expect(replaceQueryParams('from=1&x=2&from=3', { from: '9' })).toBe('from=9&x=2');
  });

  it('matches keys by their decoded name', () => {
    expect(replaceQueryParams('time%2Ewindow=10s&x=1', { 'time.window': null })).toBe('x=1');
  });
});

describe('parseQuery', () => {
  it('decodes like URLSearchParams and keeps the first value', () => {
    const params = parseQuery('?filter=%7Balertname%3D%22X%22%7D&q=a+b&q=second&flag');
    expect(params.get('filter')).toBe('{alertname="X"}');
    expect(params.get('q')).toBe('a b');
    expect(params.get('flag')).toBe('');
  });

  it('keeps a malformed escape literally instead of failing', () => {
    expect(decodeQueryComponent('100%')).toBe('100%');
  });
});

describe('splitHashRoute', () => {
  it.each([
    ['#/view/abc?_g=(x)', { route: '/view/abc', query: '_g=(x)' }],
    ['#?_a=(y)', { route: '', query: '_a=(y)' }],
    ['#/alerts', { route: '/alerts', query: '' }],
    ['', { route: '', query: '' }],
  ])('%s', (hash, expected) => {
    expect(splitHashRoute(hash)).toEqual(expected);
  });
});

describe('rison', () => {
  it('round-trips Kibana state, leaving rison punctuation readable in the URL', () => {
    const state = { filters: [], time: { from: '2026-11-28T08:55:00.000Z', to: 'now' }, query: { language: 'kuery', query: 'a b & c' } };
    const encoded = encodeRisonParam(state);
    expect(encoded).toBe("(filters:!(),query:(language:kuery,query:'a%20b%20%26%20c'),time:(from:'2026-11-28T08:55:00.000Z',to:now))");
    expect(decodeRison(decodeURIComponent(encoded))).toEqual(state);
  });

  it('reads a hashed state key or broken rison as nothing', () => {
    expect(decodeRison('h@44136fa')).toBeUndefined();
    expect(decodeRison("(time:(from:'")).toBeUndefined();
  });
});
