/**
 * Standard base64 (RFC 4648 §4, padded) for the pictures in a backup file. atob/btoa are in every
 * browser and in Node, but they work on "binary strings", so the bytes go through one in chunks:
 * spreading a multi-megabyte array into one call would overflow the stack.
 */

const CHUNK = 0x8000;

/** Padded base64; no nested quantifiers, so a multi-megabyte string is checked in linear time. */
const BASE64_TEXT = /^[A-Za-z0-9+/]*={0,2}$/;

export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64_TEXT.test(text);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Throws a RangeError on anything that is not padded base64, rather than decoding garbage. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  if (!isBase64(text)) throw new RangeError('Not base64 data: expected A–Z, a–z, 0–9, + and /, padded with = to a multiple of 4');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
