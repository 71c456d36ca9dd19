import type * as z from 'zod';
import type { Publishable } from './site-paths';

// An HTTP body is untrusted until it is parsed: a JSON document must pass the schema the
// publisher itself validates with, so a broken or foreign publisher cannot put a feed on the
// site that every banner then fails to read.

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

/** The first problem with `bytes` as the document at `path`, in one line naming the file; `undefined` when it is fine. */
export function problemWithDocument(path: string, kind: Publishable, bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return `${path} is not UTF-8 text`;
  }
  if (kind.kind === 'text') return undefined;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return `${path} is not valid JSON`;
  }
  const result = kind.schema.safeParse(document);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  const where = pathOf(issue);
  return `${path}${where ? ` at ${where}` : ''}: ${issue.message.replace(/\s+/g, ' ')}`;
}
