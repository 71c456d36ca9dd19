import { useEffect, useState } from 'preact/hooks';
import { liveSignal } from '../state/live-signal';

/**
 * A database read kept current while the component shows it (re-run when `deps` change). A read
 * that fails shows as `undefined`: a figure beside the incident must never fail the page.
 */
export function useLiveQuery<T>(query: (() => Promise<T>) | undefined, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    setValue(undefined);
    if (!query) return;
    const live = liveSignal<T | undefined>(query, undefined);
    const stopValue = live.value.subscribe((v) => setValue(() => v));
    const stopError = live.error.subscribe((e) => e && setValue(undefined));
    return () => {
      stopValue();
      stopError();
      live.dispose();
    };
  }, deps);
  return value;
}
