/**
 * Asks the browser never to evict the log under storage pressure. Extensions with
 * unlimitedStorage are usually granted at once; the answer is returned for the UI to show.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist();
}
