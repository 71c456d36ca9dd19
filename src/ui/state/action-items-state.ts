import { computed, signal, type Signal } from '@preact/signals';
import * as z from 'zod';
import {
  addActionItem,
  calendarDay,
  deleteActionItem,
  listActionItems,
  listBacklog,
  saveImportedActionItems,
  updateActionItem,
  type ActionItemPatch,
  type BacklogRow,
  type NewActionItem,
} from '../../db/action-items-repo';
import type { SitrepDb } from '../../db/database';
import { overdueActionItemsOnBadgeItem } from '../../db/storage-items';
import type { ActionItem, ActionItemKind, ActionItemStatus } from '../../model';
import { actionItemsToCsv, planActionItemsImport, type ImportReport } from '../../report/action-items-csv';
import { actionItemsToGithubMarkdown, actionItemsToJira } from '../../report/action-items-markdown';
import { attemptInto } from './attempt';
import { liveSignal } from './live-signal';
import { storageSignal } from './storage-signal';

/** The action-item form, as typed: every field text, empty meaning none. */
export interface ActionItemFormValues {
  text: string;
  kind: ActionItemKind;
  owner: string;
  due: string;
  status: ActionItemStatus;
  ticketUrl: string;
}

export const EMPTY_ACTION_ITEM: ActionItemFormValues = { text: '', kind: 'hotfix', owner: '', due: '', status: 'open', ticketUrl: '' };

export function actionItemFormValuesOf(item: ActionItem): ActionItemFormValues {
  return { text: item.text, kind: item.kind, owner: item.owner, due: item.due ?? '', status: item.status, ticketUrl: item.ticketUrl ?? '' };
}

/** The form read into a patch: empty due date or ticket clears it. */
export function actionItemPatchOf(values: ActionItemFormValues): ActionItemPatch {
  return {
    text: values.text,
    kind: values.kind,
    owner: values.owner.trim(),
    due: values.due.trim() || undefined,
    status: values.status,
    ticketUrl: values.ticketUrl.trim() || undefined,
  };
}

/**
 * One incident's action items, for the post-mortem editor: live, and the actions to add, edit and
 * delete. A refused save leaves its reason in `problem` and throws nothing.
 */
export function createIncidentActionItemsState(db: SitrepDb, incidentId: string, now: () => Date = () => new Date()) {
  const items = liveSignal<ActionItem[] | undefined>(() => listActionItems(db, incidentId), undefined);
  const problem = signal<string | undefined>(undefined);
  const attempt = readableAttempt(problem);
  return {
    items: items.value,
    loadError: items.error,
    problem,
    today: () => calendarDay(now()),
    add: (values: ActionItemFormValues) => {
      const input: NewActionItem = { incidentId, ...actionItemPatchOf(values), text: values.text, kind: values.kind };
      return attempt(() => addActionItem(db, input, now()));
    },
    update: (id: string, values: ActionItemFormValues) => attempt(() => updateActionItem(db, id, actionItemPatchOf(values), now())),
    /** A quick status change from the list. */
    setStatus: (id: string, status: ActionItemStatus) => attempt(() => updateActionItem(db, id, { status }, now())),
    remove: (id: string) => attempt(() => deleteActionItem(db, id, now())),
    dispose() {
      items.dispose();
    },
  };
}

export type IncidentActionItemsState = ReturnType<typeof createIncidentActionItemsState>;

/** Like attemptInto, with a refused field said in the model's own words rather than as a ZodError dump. */
function readableAttempt(problem: Signal<string | undefined>) {
  const attempt = attemptInto(problem);
  return async <T>(write: () => Promise<T>): Promise<T | undefined> =>
    attempt(async () => {
      try {
        return await write();
      } catch (e) {
        if (e instanceof z.ZodError)
          throw new Error(e.issues.map((i) => (i.path.length ? `${FIELD_WORDS[String(i.path[0])] ?? String(i.path[0])}: ${i.message}` : i.message)).join('\n'));
        throw e;
      }
    });
}

const FIELD_WORDS: Record<string, string> = { text: 'What must be done', kind: 'Kind', owner: 'Owner', due: 'Due', status: 'Status', ticketUrl: 'Ticket link' };

/** Which items the backlog shows: all, those still to do, or one status. */
export type StatusFilter = 'all' | 'to-do' | ActionItemStatus;
export type KindFilter = 'all' | ActionItemKind;

export type ExportFormat = 'csv' | 'github' | 'jira';

export const EXPORT_FILES: Record<ExportFormat, { name: string; type: string }> = {
  csv: { name: 'sitrep-action-items.csv', type: 'text/csv;charset=utf-8' },
  github: { name: 'sitrep-action-items.md', type: 'text/markdown;charset=utf-8' },
  jira: { name: 'sitrep-action-items-jira.txt', type: 'text/plain;charset=utf-8' },
};

/** An import read and checked, waiting for the person to apply it. */
export interface ImportPreview {
  fileName: string;
  report: ImportReport;
}

/**
 * The backlog across incidents, for the options page: every item, overdue first (in the user's
 * zone, today as `now` says), filtered by status and kind; exports of what the filters show; a
 * CSV import previewed before anything is saved; and the badge setting.
 */
export function createBacklogState(db: SitrepDb, now: () => Date = () => new Date(), zone?: string) {
  const today = () => calendarDay(now(), zone);
  const rows = liveSignal<BacklogRow[] | undefined>(() => listBacklog(db, today()), undefined);
  const status = signal<StatusFilter>('to-do');
  const kind = signal<KindFilter>('all');
  const problem = signal<string | undefined>(undefined);
  const preview = signal<ImportPreview | undefined>(undefined);
  const applied = signal<string | undefined>(undefined);
  const badge = storageSignal(overdueActionItemsOnBadgeItem, (v) => v === true);
  const attempt = attemptInto(problem);

  const shown = computed(() =>
    (rows.value.value ?? []).filter(
      ({ item }) =>
        (status.value === 'all' || (status.value === 'to-do' ? item.status === 'open' || item.status === 'in-progress' : item.status === status.value)) &&
        (kind.value === 'all' || item.kind === kind.value),
    ),
  );
  const overdueCount = computed(() => (rows.value.value ?? []).filter((r) => r.overdue).length);

  return {
    rows: rows.value,
    loadError: rows.error,
    shown,
    overdueCount,
    status,
    kind,
    problem,
    preview,
    /** What the last applied import did, in words. */
    applied,
    badge: badge.value,
    /** Resolves once the badge setting has been read. */
    badgeReady: badge.ready,
    setBadge: (on: boolean) => attempt(() => badge.set(on)),
    setStatus: (id: string, next: ActionItemStatus) => attempt(() => updateActionItem(db, id, { status: next }, now())),
    /** What the filters show, in a format. */
    exportText(format: ExportFormat): string {
      const list = shown.value;
      return format === 'csv' ? actionItemsToCsv(list) : format === 'github' ? actionItemsToGithubMarkdown(list) : actionItemsToJira(list);
    },
    /** Reads a CSV against every item (not only those shown) and keeps the report for review; saves nothing. */
    async previewImport(fileName: string, text: string): Promise<void> {
      applied.value = undefined;
      await attempt(async () => {
        const items = await db.actionItems.toArray();
        preview.value = { fileName, report: planActionItemsImport(text, items, now()) };
      });
    },
    /** Saves the changes the preview shows. */
    async applyImport(): Promise<void> {
      const current = preview.value;
      if (!current) return;
      const saved = await attempt(() =>
        saveImportedActionItems(
          db,
          current.report.changed.map((c) => c.after),
        ),
      );
      if (saved === undefined && problem.value) return;
      applied.value = `Updated ${current.report.changed.length} action item(s) from ${current.fileName}.`;
      preview.value = undefined;
    },
    cancelImport() {
      preview.value = undefined;
    },
    dispose() {
      rows.dispose();
      badge.dispose();
    },
  };
}

export type BacklogState = ReturnType<typeof createBacklogState>;
