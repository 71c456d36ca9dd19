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
