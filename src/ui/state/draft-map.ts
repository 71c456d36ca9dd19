/** The drafts with `incidentId`'s set to `text`, or removed when `text` is empty; `drafts` is left as it was. */
export function withDraft(drafts: Readonly<Record<string, string>>, incidentId: string, text: string): Record<string, string> {
  const next = { ...drafts };
  if (text) next[incidentId] = text;
  else delete next[incidentId];
  return next;
}
