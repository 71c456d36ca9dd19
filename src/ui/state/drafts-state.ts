import type { WxtStorageItem } from 'wxt/utils/storage';
import { noteDraftsItem } from '../../db/storage-items';
import { withDraft } from './draft-map';
import { storageSignal } from './storage-signal';

/**
 * Half-typed text (notes by default; status updates with their own item), per incident, written to extension storage on every keystroke so closing
 * the popup mid-sentence loses nothing.
 */
export function createDraftsState(item: WxtStorageItem<Record<string, string>, Record<string, unknown>> = noteDraftsItem) {
  const drafts = storageSignal<Record<string, string>, Record<string, string>>(item, (v) => (v && typeof v === 'object' ? v : {}));
  let warned = false;
  return {
    ready: drafts.ready,
    get: (incidentId: string) => drafts.value.value[incidentId] ?? '',
    /** Keeps the draft; never rejects: a draft storage refuses is still on screen, and said once. */
    async set(incidentId: string, text: string): Promise<void> {
      try {
        await drafts.set(withDraft(drafts.value.value, incidentId, text));
      } catch (error) {
        if (!warned) console.warn('Sitrep: a draft could not be kept in storage; it stays on screen.', error);
        warned = true;
      }
    },
    dispose: drafts.dispose,
  };
}

export type DraftsState = ReturnType<typeof createDraftsState>;
