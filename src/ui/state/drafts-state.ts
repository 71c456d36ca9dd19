import type { WxtStorageItem } from 'wxt/utils/storage';
import { noteDraftsItem } from '../../db/storage-items';
import { storageSignal } from './storage-signal';

/**
 * Half-typed text (notes by default; status updates with their own item), per incident, written to extension storage on every keystroke so closing
 * the popup mid-sentence loses nothing.
 */
export function createDraftsState(item: WxtStorageItem<Record<string, string>, {}> = noteDraftsItem) {
  const drafts = storageSignal<Record<string, string>, Record<string, string>>(item, (v) =>
    v && typeof v === 'object' ? v : {},
  );
  return {
    ready: drafts.ready,
    get: (incidentId: string) => drafts.value.value[incidentId] ?? '',
    set(incidentId: string, text: string) {
      const next = { ...drafts.value.value };
      if (text) next[incidentId] = text;
      else delete next[incidentId];
      return drafts.set(next);
    },
    dispose: drafts.dispose,
  };
}

export type DraftsState = ReturnType<typeof createDraftsState>;
