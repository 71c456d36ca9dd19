import type { Transaction } from 'dexie';

/**
 * Version 7 (search index). Rewriting each entry lets the search-terms middleware (see
 * search-terms.ts) write its `terms`, the words the `*terms` index finds it by; nothing else changes.
 */
export async function upgradeToSearchTerms(tx: Transaction): Promise<void> {
  await tx
    .table('entries')
    .toCollection()
    // modify() puts every row it visits, changed or not: the middleware writes each one's terms.
    .modify(() => undefined);
}
