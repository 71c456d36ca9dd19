import { createHash } from 'node:crypto';

// Strong entity tags from content, so the same bytes carry the same tag across restarts and
// a publisher's `If-Match` names exactly the version it read.

/** The strong ETag of a file's bytes. */
export function entityTagOf(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url')}"`;
}

const TAG = /(?:W\/)?"[^"]*"/g;

/**
 * Whether a write may go ahead under the request's preconditions (RFC 9110 §13.1.1–2), given
 * the current file's tag (`undefined` when there is none). `If-Match` compares strongly, so a
 * weak tag never matches; `*` matches any existing file.
 */
export function preconditionsHold(current: string | undefined, ifMatch: string | undefined, ifNoneMatch: string | undefined): boolean {
  if (ifMatch !== undefined) {
    if (current === undefined) return false;
    if (ifMatch.trim() !== '*' && !(ifMatch.match(TAG) ?? ([] as string[])).includes(current)) return false;
  }
  if (ifNoneMatch !== undefined && current !== undefined) {
    if (ifNoneMatch.trim() === '*') return false;
    const tags = (ifNoneMatch.match(TAG) ?? ([] as string[])).map((tag) => tag.replace(/^W\//, ''));
    if (tags.includes(current)) return false;
  }
  return true;
}
