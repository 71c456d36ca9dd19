import { describe, expect, it } from 'vitest';
import { buildEntryHash, copyEntryLink, parseEntryHash } from '../../src/ui/entry-link';

describe('a link to one entry', () => {
  it('round-trips through the hash', () => {
    expect(parseEntryHash(buildEntryHash({ incidentId: 'a', entryId: 'b' }))).toEqual({ incidentId: 'a', entryId: 'b' });
  });

  it('says it was copied, and that it opens in the copier’s own Sitrep only', async () => {
    const written: string[] = [];
    const said = await copyEntryLink('chrome-extension://x/sidepanel.html#incident=a', { writeText: async (t) => void written.push(t) });
    expect(written).toEqual(['chrome-extension://x/sidepanel.html#incident=a']);
    expect(said).toBe('Link copied. It opens this entry in your own Sitrep only: a colleague needs your backup first.');
  });

  it('says so when the browser refuses the clipboard', async () => {
    const said = await copyEntryLink('x', { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    expect(said).toMatch(/^Could not copy the link/);
  });
});
