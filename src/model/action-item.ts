import * as z from 'zod';
import { Instant, WebUrl } from './instant';

/** Why the item exists: the hotfix now, the real fix tracked as debt until it is killed. */
export const ActionItemKind = z.enum(['hotfix', 'tech-debt', 'prevention', 'process']);
export type ActionItemKind = z.infer<typeof ActionItemKind>;

export const ACTION_ITEM_KIND_LABELS: Record<ActionItemKind, string> = {
  hotfix: 'Hotfix',
  'tech-debt': 'Technical debt',
  prevention: 'Prevention',
  process: 'Process',
};

export const ActionItemStatus = z.enum(['open', 'in-progress', 'done', 'wont-do']);
export type ActionItemStatus = z.infer<typeof ActionItemStatus>;

export const ACTION_ITEM_STATUS_LABELS: Record<ActionItemStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  'wont-do': "Won't do",
};

/** Statuses that still need someone to act. */
export function isOpenActionItem(item: Pick<ActionItem, 'status'>): boolean {
  return item.status === 'open' || item.status === 'in-progress';
}

/** A follow-up from an incident: one row of the backlog across incidents. */
export const ActionItem = z.strictObject({
  /** Global identity (UUID): what a CSV edited elsewhere is matched by. */
  id: z.uuid(),
  incidentId: z.uuid(),
  text: z.string().trim().min(1, 'Say what must be done').max(2000),
  kind: ActionItemKind,
  owner: z.string().trim().max(200),
  /** The day it is due (YYYY-MM-DD, the owner's calendar day); overdue the day after. */
  due: z.iso.date().optional(),
  status: ActionItemStatus,
  /** The ticket tracking it (Jira, GitHub…). */
  ticketUrl: WebUrl.optional(),
  createdAt: Instant,
  /** Last change: merge and CSV import keep the newer copy. */
  updatedAt: Instant,
});
export type ActionItem = z.infer<typeof ActionItem>;
