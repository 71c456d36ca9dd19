import { storage } from 'wxt/utils/storage';
import { activeIncidentIdItem, noteDraftsItem, popupSnapshotItem, type PopupSnapshot } from '../../db/storage-items';

/** What the first paint knows, from one read of extension storage: no database, no schemas. */
export interface FirstPaintState {
  /** The active incident, when the snapshot still describes it and it takes notes. */
  incident?: PopupSnapshot;
  drafts: Record<string, string>;
}

/** Reads the active incident's snapshot and the note drafts, in one storage call. */
export async function readFirstPaintState(): Promise<FirstPaintState> {
  const [active, drafts, snapshot] = await storage.getItems([activeIncidentIdItem, noteDraftsItem, popupSnapshotItem]);
  const id: unknown = active?.value;
  const known = snapshot?.value as Partial<PopupSnapshot> | null | undefined;
  const stored: unknown = drafts?.value;
  const incident =
    typeof id === 'string' && known?.id === id && typeof known.key === 'string' && known.resolved === false
      ? { id, key: known.key, resolved: false }
      : undefined;
  return { incident, drafts: stored && typeof stored === 'object' ? (stored as Record<string, string>) : {} };
}
