import type { Signal } from '@preact/signals';

/**
 * Wraps writes so a failure becomes a message in `error` (shown by the UI) instead of an
 * unhandled rejection; what was saved before is untouched. Success clears the message.
 */
export function attemptInto(error: Signal<string | undefined>) {
  return async function attempt<T>(write: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await write();
      error.value = undefined;
      return result;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      return undefined;
    }
  };
}
