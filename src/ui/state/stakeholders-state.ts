import { signal } from '@preact/signals';
import {
  deleteStakeholder,
  listStakeholders,
  moveStakeholder,
  saveStakeholder,
  seedDefaultStakeholders,
  type StakeholderInput,
} from '../../db/stakeholders-repo';
import type { SitrepDb } from '../../db/database';
import type { Stakeholder } from '../../model';
import { liveSignal } from './live-signal';

/** The stakeholder register, live; the defaults are written the first time it is opened. */
export function createStakeholdersState(db: SitrepDb) {
  const seedError = signal<Error | undefined>(undefined);
  const seeded = seedDefaultStakeholders(db).catch((e: unknown) => {
    seedError.value = e instanceof Error ? e : new Error(String(e));
    return false;
  });
  const stakeholders = liveSignal<Stakeholder[] | undefined>(() => listStakeholders(db), undefined);
  return {
    /** Undefined until the first read. */
    stakeholders: stakeholders.value,
    loadError: stakeholders.error,
    seedError,
    /** Resolves once the defaults are written (or were, before). */
    seeded,
    /** Adds or changes one; throws a ZodError naming the bad field, saving nothing. */
    save: (input: StakeholderInput) => saveStakeholder(db, input),
    remove: (id: string) => deleteStakeholder(db, id),
    move: (id: string, by: -1 | 1) => moveStakeholder(db, id, by),
    dispose: stakeholders.dispose,
  };
}

export type StakeholdersState = ReturnType<typeof createStakeholdersState>;
