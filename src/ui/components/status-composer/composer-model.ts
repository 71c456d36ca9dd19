import type { Component, ComponentStatus, StatusUpdate } from '../../../model';

/** Components' new statuses as chosen in the composer, by id; a component not in it keeps its own. */
export type ChosenStatuses = Readonly<Record<string, ComponentStatus>>;

/** The components this incident's earlier updates changed: the ones it affects. */
export function affectedBy(updates: readonly StatusUpdate[]): Set<string> {
  const ids = new Set<string>();
  for (const update of updates) for (const c of update.components) if (c.from !== c.to) ids.add(c.componentId);
  return ids;
}

/**
 * Resolving proposes every component this incident changed, or the composer is changing now, back
 * to operational; the person can still pick otherwise before publishing.
 */
export function proposeResolved(components: readonly Component[], chosen: ChosenStatuses, affected: ReadonlySet<string>): ChosenStatuses {
  const next: Record<string, ComponentStatus> = { ...chosen };
  for (const c of components) {
    const changing = chosen[c.id] !== undefined && chosen[c.id] !== c.status;
    if (affected.has(c.id) || changing) next[c.id] = 'operational';
  }
  return next;
}

/**
 * What the update says about components: every one whose status it changes, and every one this
 * incident affects (so each update lists them, as Statuspage's `affected_components` does).
 */
export function componentsToPost(
  components: readonly Component[],
  chosen: ChosenStatuses,
  affected: ReadonlySet<string>,
): { componentId: string; status: ComponentStatus }[] {
  return components.flatMap((c) => {
    const status = chosen[c.id] ?? c.status;
    return status !== c.status || affected.has(c.id) ? [{ componentId: c.id, status }] : [];
  });
}

/** An error as one sentence: a schema's own words for a validation error, the message otherwise. */
export function errorSentence(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    const message = (error.issues[0] as { message?: unknown } | undefined)?.message;
    if (typeof message === 'string' && message) return message;
  }
  return error instanceof Error ? error.message : String(error);
}
