import * as z from 'zod';
import { Instant } from './instant';

/**
 * The tables whose records are deleted for good (the rest are soft-deleted, or never deleted):
 * a discarded held clip, a removed component, stakeholder or action item.
 */
export const TombstoneTable = z.enum(['heldClips', 'components', 'stakeholders', 'actionItems']);
export type TombstoneTable = z.infer<typeof TombstoneTable>;

/**
 * What is left of a record deleted for good: its id and when. Kept in the log and in backups, so
 * an older backup imported later does not bring the record back, and the deletion reaches a
 * colleague's log like any edit. Ids are UUIDs and never reused, so a deletion is final.
 */
export const Tombstone = z.strictObject({
  table: TombstoneTable,
  id: z.uuid(),
  deletedAt: Instant,
});
export type Tombstone = z.infer<typeof Tombstone>;
