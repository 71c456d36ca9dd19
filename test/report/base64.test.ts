import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, isBase64 } from '../../src/report/base64';
import { pictureBytes } from './records';

const text = (s: string) => new TextEncoder().encode(s);

describe('base64', () => {
  // RFC 4648 §10 test vectors.
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('%j ⇄ %j', (plain, encoded) => {
    expect(bytesToBase64(text(plain))).toBe(encoded);
    expect(new TextDecoder().decode(base64ToBytes(encoded))).toBe(plain);
  });

  it('round-trips every byte value and pictures bigger than one chunk, as Node encodes them', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const big = pictureBytes(200_001);
    for (const bytes of [all, big]) {
      const encoded = bytesToBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect(Buffer.from(base64ToBytes(encoded)).equals(bytes)).toBe(true);
    }
  });

  it.each([
    ['missing padding', 'Zg'],
    ['short padding', 'Zg='],
    ['a character outside the alphabet', 'Zm9v!A=='],
    ['base64url characters', 'Zm-_'],
    ['a space', 'Zm9 v'],
    ['padding in the middle', 'Zg==Zg=='],
    ['padding only', '===='],
    ['a data: URL instead of its data', 'data:image/png;base64,Zm9v'],
  ])('refuses %s', (_name, input) => {
    expect(isBase64(input)).toBe(false);
    expect(() => base64ToBytes(input)).toThrow(RangeError);
    expect(() => base64ToBytes(input)).toThrow(/^Not base64 data/);
  });
});
