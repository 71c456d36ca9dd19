import { liveQuery } from '../../db/live-query';
import { signal, type ReadonlySignal } from '@preact/signals';

export interface LiveSignal<T> {
  value: ReadonlySignal<T>;
  /** Set when the query failed; the last good value stays. */
  error: ReadonlySignal<Error | undefined>;
  dispose(): void;
}

/** Bridges a Dexie liveQuery to a signal: the UI re-renders whenever the rows it read change. */
export function liveSignal<T>(query: () => Promise<T>, initial: T): LiveSignal<T> {
  const value = signal(initial);
  const error = signal<Error | undefined>(undefined);
  const sub = liveQuery(query).subscribe({
    next: (v) => {
      value.value = v;
      error.value = undefined;
    },
    error: (e: unknown) => {
      error.value = e instanceof Error ? e : new Error(String(e));
    },
  });
  return { value, error, dispose: () => sub.unsubscribe() };
}
