import { computed } from '@preact/signals';
import * as z from 'zod';
import { endMaintenance, listMaintenances, saveMaintenance, type MaintenanceInput } from '../../db/maintenances-repo';
import { listComponents } from '../../db/components-repo';
import type { SitrepDb } from '../../db/database';
import { Maintenance, maintenanceStatus, type Component, type MaintenanceStatus } from '../../model';
import { fromDateTimeInput } from '../format-time';
import { liveSignal } from './live-signal';
import { publishingAfterChange } from './publishing-state';

/**
 * Scheduled maintenance as the options page sees it: every window, live, the public components
 * a window can cover, and the actions. Every change is published, so customers see it.
 */
export function createMaintenanceState(db: SitrepDb, author: () => string) {
  const maintenances = liveSignal<Maintenance[] | undefined>(() => listMaintenances(db), undefined);
  const components = liveSignal<Component[]>(() => listComponents(db), []);
  const publicComponents = computed(() => components.value.value.filter((c) => c.public));
  const componentsById = computed(() => new Map(components.value.value.map((c) => [c.id, c])));
  const { problem: publishProblem, publish } = publishingAfterChange(db);

  return {
    /** Undefined until the first read. */
    maintenances: maintenances.value,
    loadError: maintenances.error,
    /** Set when a change was saved but could not be queued for publishing (the save stands). */
    publishProblem,
    /** What a window can cover: the components on the status page. */
    publicComponents,
    /** Every component, to name the ones a window covers. */
    componentsById,
    /** Schedules or changes one from the form; throws a ZodError naming the field, saving nothing. */
    async save(values: MaintenanceFormValues, id?: string): Promise<Maintenance> {
      const saved = await saveMaintenance(db, maintenanceInputOf(values, id), author());
      await publish();
      return saved;
    },
    /** Finished early: published as completed now. */
    async complete(id: string): Promise<Maintenance> {
      const ended = await endMaintenance(db, id, 'completed');
      await publish();
      return ended;
    },
    /** Called off: published as cancelled, never silently dropped. */
    async cancel(id: string): Promise<Maintenance> {
      const ended = await endMaintenance(db, id, 'cancelled');
      await publish();
      return ended;
    },
    dispose() {
      maintenances.dispose();
      components.dispose();
    },
  };
}

export type MaintenanceState = ReturnType<typeof createMaintenanceState>;

/** The maintenance form, as typed: start and end as `<input type="datetime-local">` values, in the browser's zone. */
export interface MaintenanceFormValues {
  title: string;
  body: string;
  start: string;
  end: string;
  componentIds: string[];
}

export type MaintenanceField = keyof MaintenanceFormValues;

export const MAINTENANCE_FIELDS: readonly MaintenanceField[] = ['title', 'body', 'start', 'end', 'componentIds'];

/** `2026-11-01T01:30`: an instant as a datetime-local input shows it, in the browser's zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  // getTimezoneOffset is per instant, so a date across a DST change gets its own offset.
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function maintenanceFormValuesOf(m?: Maintenance): MaintenanceFormValues {
  return {
    title: m?.title ?? '',
    body: m?.body ?? '',
    start: m ? toLocalInput(m.scheduledFor) : '',
    end: m ? toLocalInput(m.scheduledUntil) : '',
    componentIds: m?.componentIds ?? [],
  };
}

/** A datetime-local value read in the browser's zone, stored as a UTC instant. */
const LocalTime = (message: string) =>
  z.string().transform((value, ctx) => {
    const iso = fromDateTimeInput(value.trim(), 'local');
    if (iso === undefined) ctx.addIssue({ code: 'custom', message, input: value });
    return iso ?? z.NEVER;
  });

const MaintenanceForm = z
  .strictObject({
    title: Maintenance.shape.title,
    body: Maintenance.shape.body,
    componentIds: Maintenance.shape.componentIds,
    scheduledFor: LocalTime('When does it start? Pick a day and a time'),
    scheduledUntil: LocalTime('When does it end? Pick a day and a time'),
  })
  .refine((m) => m.scheduledFor < m.scheduledUntil, { path: ['scheduledUntil'], message: 'The window must end after it starts' });

/**
 * What the repository saves from the form: the local times as UTC instants. Throws a ZodError
 * (paths as the model names them) when a field is not valid.
 */
export function maintenanceInputOf(values: MaintenanceFormValues, id?: string): MaintenanceInput {
  const parsed = MaintenanceForm.parse({
    title: values.title,
    body: values.body,
    componentIds: values.componentIds,
    scheduledFor: values.start,
    scheduledUntil: values.end,
  });
  return { ...(id !== undefined && { id }), ...parsed };
}

const FIELD_OF: Record<string, MaintenanceField> = {
  title: 'title',
  body: 'body',
  componentIds: 'componentIds',
  scheduledFor: 'start',
  scheduledUntil: 'end',
};

/** A failed save as one message per form field; anything else is a message for the form. */
export function describeMaintenanceError(error: unknown): { fields: Partial<Record<MaintenanceField, string>>; form?: string } {
  if (!(error instanceof z.ZodError)) return { fields: {}, form: error instanceof Error ? error.message : String(error) };
  const fields: Partial<Record<MaintenanceField, string>> = {};
  const rest: string[] = [];
  for (const issue of error.issues) {
    const head = issue.path[0];
    const field = typeof head === 'string' ? FIELD_OF[head] : undefined;
    if (!field) rest.push(issue.message);
    else fields[field] = fields[field] ? `${fields[field]}\n${issue.message}` : issue.message;
  }
  return { fields, ...(rest.length && { form: rest.join('\n') }) };
}

/** The list's three parts: soonest first while open, most recently ended first once completed. */
export function groupMaintenances(all: readonly Maintenance[], now: Date): Record<MaintenanceStatus, Maintenance[]> {
  const groups: Record<MaintenanceStatus, Maintenance[]> = { scheduled: [], in_progress: [], completed: [] };
  for (const m of all) groups[maintenanceStatus(m, now)].push(m);
  groups.scheduled.sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor));
  groups.in_progress.sort((a, b) => a.scheduledUntil.localeCompare(b.scheduledUntil));
  groups.completed.sort((a, b) => endOf(b).localeCompare(endOf(a)));
  return groups;
}

/** When a maintenance stopped: called off, finished early, or its window ran out. */
export function endOf(m: Maintenance): string {
  return m.cancelledAt ?? m.completedAt ?? m.scheduledUntil;
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * A window in the browser's zone: `Sat, 28 Nov 2026, 14:00 – 16:00 EST`, the end's date when it
 * ends another day, and each end's zone name when they differ (a window across a DST change).
 * Formatters are made per call: the zone may change while the page is open.
 */
export function formatWindow(fromIso: string, untilIso: string, locale?: string): string {
  const from = new Date(fromIso);
  const until = new Date(untilIso);
  const zoneName = (d: Date) => new Intl.DateTimeFormat(locale, { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const [fromZone, untilZone] = [zoneName(from), zoneName(until)];
  const sameDay = from.toDateString() === until.toDateString();
  const start = new Intl.DateTimeFormat(locale, { ...DAY, ...CLOCK }).format(from);
  const end = new Intl.DateTimeFormat(locale, sameDay ? CLOCK : { ...DAY, ...CLOCK }).format(until);
  return fromZone === untilZone ? `${start} – ${end} ${untilZone}` : `${start} ${fromZone} – ${end} ${untilZone}`;
}

/** The browser's zone, named: `America/New_York`. */
export function localZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
