import { signal } from '@preact/signals';
import { declareFromHeldClip, discardHeldClip, listHeldClips, placeHeldClip } from '../../db/clips-repo';
import type { SitrepDb } from '../../db/database';
import type { HeldClip, NewIncident } from '../../model';
import { liveSignal } from './live-signal';
import { attemptInto } from './attempt';

/** Clips taken with no active incident, and the actions that give them one. */
export function createHeldClipsState(db: SitrepDb, author: () => string) {
  const held = liveSignal<HeldClip[]>(() => listHeldClips(db), []);
  const error = signal<string | undefined>(undefined);

  const attempt = attemptInto(error);

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
