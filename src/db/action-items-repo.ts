import { ActionItem, compareText, isOpenActionItem, toInstant, type ActionItemKind, type ActionItemStatus } from '../model';
import type { SitrepDb } from './database';
import { overdueActionItemsOnBadgeItem } from './storage-items';
import { deleteForGood } from './tombstones-repo';

/** What a person writes when adding an action item. */
export interface NewActionItem {
  incidentId: string;
  text: string;
  kind: ActionItemKind;
  owner?: string;
  due?: string;
  status?: ActionItemStatus;
  ticketUrl?: string;
}

/** The fields a person edits afterwards; `undefined` for due or ticketUrl clears it. */
export type ActionItemPatch = Partial<Pick<ActionItem, 'text' | 'kind' | 'owner' | 'due' | 'status' | 'ticketUrl'>>;

/** One row of the backlog: the item and the incident it came from, as the team knows it. */
export interface BacklogRow {
  item: ActionItem;
  incidentKey: string;
  /** The internal title: the backlog never leaves the machine except as an export the user asks for. */
  incidentTitle: string;
  overdue: boolean;
}

/**
 * The calendar day (`YYYY-MM-DD`) it is at `now` in `zone` (IANA; the browser's zone by default).
 * Through Intl, not a fixed offset: the day turns at local midnight whatever DST does.
 */
export function calendarDay(now: Date, zone?: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Due before `today` and still to do: a day is overdue from the day after it. */
export function isOverdue(item: Pick<ActionItem, 'due' | 'status'>, today: string): boolean {
  return isOpenActionItem(item) && item.due !== undefined && item.due < today;
}

/**
 * The backlog's order: overdue first (longest overdue first), then the other open items oldest
 * first (age), then done and won't-do, most recently closed first. Ties by id, so it is stable.
 */
export function compareBacklog(a: ActionItem, b: ActionItem, today: string): number {
  const rank = (i: ActionItem) => (isOverdue(i, today) ? 0 : isOpenActionItem(i) ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return compareText(a.due!, b.due!) || compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
  if (ra === 1) return compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
  return compareText(b.updatedAt, a.updatedAt) || compareText(a.id, b.id);
}

/** Adds an item; throws a ZodError naming the field when it is not valid, saving nothing. */
export async function addActionItem(db: SitrepDb, input: NewActionItem, now = new Date()): Promise<ActionItem> {
  const at = toInstant(now);
  const item = ActionItem.parse({
    id: crypto.randomUUID(),
    incidentId: input.incidentId,
    text: input.text,
    kind: input.kind,
    owner: input.owner ?? '',
    ...(input.due && { due: input.due }),
    status: input.status ?? 'open',
    ...(input.ticketUrl && { ticketUrl: input.ticketUrl }),
    createdAt: at,
    updatedAt: at,
  });
  await db.transaction('rw', db.incidents, db.actionItems, async () => {
    if (!(await db.incidents.get(item.incidentId))) throw new Error('That incident is gone (erased in another window?)');
    await db.actionItems.add(item);
  });
  return item;
}

/** An item with a patch applied and validated; keys set to undefined are removed. */
export function patchActionItem(current: ActionItem, patch: ActionItemPatch, now: Date): ActionItem {
  const next: Record<string, unknown> = { ...current, ...patch, updatedAt: toInstant(now) };
  for (const key of ['due', 'ticketUrl'] as const) if (next[key] === undefined || next[key] === '') delete next[key];
  return ActionItem.parse(next);
}

/** Changes an item; throws when it is gone or the change is not valid (saving nothing). */
export async function updateActionItem(db: SitrepDb, id: string, patch: ActionItemPatch, now = new Date()): Promise<ActionItem> {
  return db.transaction('rw', db.actionItems, async () => {
    const current = await db.actionItems.get(id);
    if (!current) throw new Error('That action item is gone (deleted in another window?)');
    const next = patchActionItem(current, patch, now);
    await db.actionItems.put(next);
    return next;
  });
}

export async function deleteActionItem(db: SitrepDb, id: string, now = new Date()): Promise<void> {
  await deleteForGood(db, 'actionItems', id, now);
}

/** One incident's items, oldest first (the order they were written in the post-mortem). */
export async function listActionItems(db: SitrepDb, incidentId: string): Promise<ActionItem[]> {
  const rows = await db.actionItems.where('incidentId').equals(incidentId).toArray();
  return rows.sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id));
}

/** Every item of every incident in backlog order (see compareBacklog), with its incident's key and title. */
export async function listBacklog(db: SitrepDb, today: string): Promise<BacklogRow[]> {
  return db.transaction('r', db.actionItems, db.incidents, async () => {
    const items = await db.actionItems.toArray();
    const ids = [...new Set(items.map((i) => i.incidentId))];
    const incidents = new Map((await db.incidents.bulkGet(ids)).filter((i) => i !== undefined).map((i) => [i.id, i]));
    return items
      .sort((a, b) => compareBacklog(a, b, today))
      .map((item) => {
        const incident = incidents.get(item.incidentId);
        return {
          item,
          // An item outlives an erased incident: it is still work to do.
          incidentKey: incident?.key ?? '(erased incident)',
          incidentTitle: incident?.title ?? '',
          overdue: isOverdue(item, today),
        };
      });
  });
}

/** How many items are overdue on `today` (the user's calendar day: see calendarDay). */
export async function countOverdueActionItems(db: SitrepDb, today: string): Promise<number> {
  // Only items with a due date can be overdue; the table holds hundreds, read whole.
  return db.actionItems.filter((i) => isOverdue(i, today)).count();
}

/** Writes the items an import changed, all or none. */
export async function saveImportedActionItems(db: SitrepDb, items: readonly ActionItem[]): Promise<void> {
  const valid = items.map((i) => ActionItem.parse(i));
  await db.transaction('rw', db.actionItems, async () => {
    // An item deleted since the preview stays deleted: the import changes, it never resurrects.
    const present = await db.actionItems.bulkGet(valid.map((i) => i.id));
    await db.actionItems.bulkPut(valid.filter((_, n) => present[n] !== undefined));
  });
}

/**
 * The number the toolbar badge shows for action items: how many are overdue today in the user's
 * zone, or 0 while the setting is off. For the background's badge refresh (src/publish/cadence-watch.ts).
 */
export async function overdueActionItemsForBadge(db: SitrepDb, now = new Date(), zone?: string): Promise<number> {
  if (!(await overdueActionItemsOnBadgeItem.getValue())) return 0;
  return countOverdueActionItems(db, calendarDay(now, zone));
}
