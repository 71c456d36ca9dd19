import { useEffect } from 'preact/hooks';
import { requestPersistentStorage } from '../../db/persist';

/**
 * Asks once, as the page opens, that the browser never evict the log. Nothing waits for the
 * answer, so a refusal or failure is logged rather than left as an unhandled rejection.
 */
export function usePersistentStorage(request: () => Promise<boolean> = requestPersistentStorage): void {
  useEffect(() => {
    request().catch((error: unknown) => console.warn('Sitrep: could not ask for persistent storage.', error));
  }, []);
}
