import * as z from 'zod';
import { Clip, type ClipRef } from './clip';
import { Instant, WebUrl } from './instant';
import { StakeholderChannel } from './stakeholder';

/** What kind of thing happened; filters and exports use it. */
export const EntryKind = z.enum(['note', 'clip', 'status', 'change', 'comms', 'decision', 'alert', 'action', 'report', 'code']);
export type EntryKind = z.infer<typeof EntryKind>;

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  note: 'Note',
  clip: 'Clip',
  /** A public status update, as published (its StatusUpdate is named by `updateId`). */
  status: 'Status update',
  /** An internal change to the incident: severity, status, manager. Never published. */
  change: 'Change',
  /** Who was told about an update, how, and whether it reached them. */
  comms: 'Comms',
  decision: 'Decision',
  /** An alert from an alerting or monitoring tool; clipped ones name it (`PagerDuty PT4KHLK`). */
  alert: 'Alert',
  action: 'Action',
  /** A customer's report (a service-desk ticket): the incident counts them. */
  report: 'Customer report',
  /**
   * A code change in a repository (commit, pull or merge request, CI run), a candidate trigger.
   * Not `change`, which is an internal change to the incident itself.
   */
  code: 'Code change',
};

/** The kind of entry a clip of an alert, ticket or change page becomes. */
export const ENTRY_KIND_OF_REF = {
  alert: 'alert',
  ticket: 'report',
  change: 'code',
} as const satisfies Record<ClipRef['kind'], EntryKind>;

export const TimelineEntry = z.strictObject({
  /** Global identity (UUID): importing the same entry twice never duplicates it. */
  id: z.uuid(),
  incidentId: z.uuid(),
  /** When it happened: editable, may be backdated; the timeline is ordered by it. */
  at: Instant,
  /** When it was written down; never changes. */
  recordedAt: Instant,
  author: z.string().max(200),
  kind: EntryKind,
  text: z.string().max(100_000),
  sourceUrl: WebUrl.optional(),
  starred: z.boolean(),
  /** What a clip captured: tool, frozen range, panel, screenshot (kind `clip`). */
  clip: Clip.optional(),
  /** The public status update this entry records (kind `status`). */
  updateId: z.uuid().optional(),
  /** Who was told, how, and about which update (kind `comms`, recorded from the communication checklist). */
  told: z.strictObject({ stakeholderId: z.uuid(), channel: StakeholderChannel, updateId: z.uuid().optional() }).optional(),
  /** An escalation to a component's contact from a clip (kind `comms`): whom, how, and from which entry. */
  escalation: z.strictObject({ componentId: z.uuid(), contact: z.string().max(100), entryId: z.uuid() }).optional(),
  /** Soft deletion: undo clears it, merge propagates it. */
  deletedAt: Instant.optional(),
  /** Last change: merge keeps the newer copy. */
  updatedAt: Instant,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** The fields a person edits on an existing entry. */
export const EntryEdit = TimelineEntry.pick({ at: true, text: true, kind: true, starred: true }).partial();
export type EntryEdit = z.infer<typeof EntryEdit>;

/** Time order; ties go to the order of writing, then the id, so every view and export agrees. */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return compareText(a.at, b.at) || compareText(a.recordedAt, b.recordedAt) || compareText(a.id, b.id);
}

/** Code-unit order of two strings (ISO instants sort as text). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
