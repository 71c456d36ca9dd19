import * as z from 'zod';
import { deleteComponent, listComponents, saveComponent, type ComponentInput, type SitrepDb } from '../../db';
import type { Component } from '../../model';
import { liveSignal } from './live-signal';

/** The component registry as the options page sees it: live from the database. */
export function createComponentsState(db: SitrepDb) {
  const components = liveSignal<Component[] | undefined>(() => listComponents(db), undefined);
  return {
    /** Undefined until the first read. */
    components: components.value,
    /** Set when reading the registry failed. */
    loadError: components.error,
    /** Adds or changes a component; throws a ZodError naming the bad field, saving nothing. */
    save: (input: ComponentInput) => saveComponent(db, input),
    remove: (id: string) => deleteComponent(db, id),
    dispose: components.dispose,
  };
}

export type ComponentsState = ReturnType<typeof createComponentsState>;

/** The fields of the component form, as typed. */
export interface ComponentFormValues {
  name: string;
  owner: string;
  group: string;
  /** One pattern per line. */
  patterns: string;
}

export type ComponentField = keyof ComponentFormValues;

export function formValuesOf(component?: Component): ComponentFormValues {
  return {
    name: component?.name ?? '',
    owner: component?.owner ?? '',
    group: component?.group ?? '',
    patterns: component?.dashboardPatterns.join('\n') ?? '',
  };
}

/** The patterns in the textarea, blank lines skipped, each with its 1-based line for messages. */
export function readPatternLines(text: string): { patterns: string[]; lines: number[] } {
  const patterns: string[] = [];
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    patterns.push(line.trim());
    lines.push(i + 1);
  });
  return { patterns, lines };
}

/** What the repository saves from the form; an empty group is no group. */
export function componentInputOf(values: ComponentFormValues, id?: string): ComponentInput {
  return {
    ...(id !== undefined && { id }),
    name: values.name,
    owner: values.owner,
    ...(values.group.trim() && { group: values.group }),
    dashboardPatterns: readPatternLines(values.patterns).patterns,
  };
}

const FIELD_OF: Record<string, ComponentField> = { name: 'name', owner: 'owner', group: 'group', dashboardPatterns: 'patterns' };

/**
 * A ZodError from saving, as one message per form field (the schema's own words); a pattern's
 * problem names its line in the textarea. Anything else is a message for the whole form.
 */
export function describeSaveError(error: unknown, values: ComponentFormValues): { fields: Partial<Record<ComponentField, string>>; form?: string } {
  if (!(error instanceof z.ZodError)) return { fields: {}, form: error instanceof Error ? error.message : String(error) };
  const { lines } = readPatternLines(values.patterns);
  const fields: Partial<Record<ComponentField, string>> = {};
  const rest: string[] = [];
  for (const issue of error.issues) {
    const [head, index] = issue.path;
    const field = typeof head === 'string' ? FIELD_OF[head] : undefined;
    if (!field) {
      rest.push(issue.message);
      continue;
    }
    const line = field === 'patterns' && typeof index === 'number' ? lines[index] : undefined;
    const message = line === undefined ? issue.message : `Line ${line}: ${issue.message}`;
    fields[field] = fields[field] ? `${fields[field]}\n${message}` : message;
  }
  return { fields, ...(rest.length && { form: rest.join('\n') }) };
}
