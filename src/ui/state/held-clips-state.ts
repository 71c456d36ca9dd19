import { signal } from '@preact/signals';
import { declareFromHeldClip, discardHeldClip, listHeldClips, placeHeldClip, type SitrepDb } from '../../db';
import type { HeldClip, NewIncident } from '../../model';
import { liveSignal } from './live-signal';

/** Clips taken with no active incident, and the actions that give them one. */
export function createHeldClipsState(db: SitrepDb, author: () => string) {
  const held = liveSignal<HeldClip[]>(() => listHeldClips(db), []);
  const error = signal<string | undefined>(undefined);

  async function attempt<T>(write: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await write();
      error.value = undefined;
      return result;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
      return undefined;
    }
  }

  return {
    held: held.value,
    error,
    place: (heldId: string, incidentId: string) => attempt(() => placeHeldClip(db, heldId, incidentId)),
    declareFrom: (heldId: string, input: NewIncident) => attempt(() => declareFromHeldClip(db, heldId, input, author())),
    discard: (heldId: string) => attempt(() => discardHeldClip(db, heldId)),
    dispose: held.dispose,
  };
}

export type HeldClipsState = ReturnType<typeof createHeldClipsState>;
