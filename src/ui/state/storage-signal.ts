import { signal, type Signal } from '@preact/signals';
import type { WxtStorageItem } from 'wxt/utils/storage';

export interface StorageSignal<T> {
  value: Signal<T>;
  /** Resolves once the stored value has been read (or could not be: the fallback stays); never rejects. */
  ready: Promise<void>;
  set(value: T): Promise<void>;
  dispose(): void;
}

/** Mirrors an extension storage item in a signal, following changes from other pages. */
export function storageSignal<S, T>(
  item: WxtStorageItem<S, Record<string, unknown>>,
  read: (stored: S) => T,
  write: (value: T) => S = (v) => v as unknown as S,
): StorageSignal<T> {
  const value = signal(read(item.fallback));
  // A storage that cannot be read leaves the fallback in place: said once, never an unhandled rejection.
  const ready = item.getValue().then(
    (v) => {
      value.value = read(v);
    },
    (error: unknown) => console.warn(`Sitrep: could not read ${item.key}; using the default.`, error),
  );
  const unwatch = item.watch((v) => {
    value.value = read(v);
  });
  return {
    value,
    ready,
    async set(next) {
      value.value = next;
      await item.setValue(write(next));
    },
    dispose: unwatch,
  };
}
