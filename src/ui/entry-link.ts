/** Links to one entry: `sidepanel.html#incident=<id>&entry=<id>`, opened by the side panel. */

export interface EntryTarget {
  incidentId: string;
  entryId?: string;
}

export function buildEntryHash({ incidentId, entryId }: EntryTarget): string {
  const params = new URLSearchParams({ incident: incidentId });
  if (entryId) params.set('entry', entryId);
  return `#${params}`;
}

export function parseEntryHash(hash: string): EntryTarget | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const incidentId = params.get('incident');
  if (!incidentId) return undefined;
  const entryId = params.get('entry') ?? undefined;
  return entryId ? { incidentId, entryId } : { incidentId };
}

/**
 * Copies a link to one entry and says what happened, in words: the link is a chrome-extension://
 * address, so it opens in the copier's own Sitrep only (a colleague needs the backup first).
 */
export async function copyEntryLink(url: string, clipboard: Pick<Clipboard, 'writeText'> = navigator.clipboard): Promise<string> {
  try {
    await clipboard.writeText(url);
    return 'Link copied. It opens this entry in your own Sitrep only: a colleague needs your backup first.';
  } catch {
    return 'Could not copy the link: the browser refused the clipboard. Try again with the side panel focused.';
  }
}
