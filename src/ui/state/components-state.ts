import * as z from 'zod';
import { deleteComponent, listComponents, moveComponent, saveComponent, type ComponentInput } from '../../db/components-repo';
import type { SitrepDb } from '../../db/database';
import type { Component, ComponentStatus } from '../../model';
import { liveSignal } from './live-signal';
import { publishingAfterChange } from './publishing-state';

/**
 * The component registry as the options page sees it: live from the database. What the status
 * page shows of a component changes with it, so every change asks for a publish.
 */
export function createComponentsState(db: SitrepDb) {
  const components = liveSignal<Component[] | undefined>(() => listComponents(db), undefined);
  const { problem: publishProblem, publish } = publishingAfterChange(db);
  return {
    /** Undefined until the first read. */
    components: components.value,
    /** Set when reading the registry failed. */
    loadError: components.error,
    /** Set when a change was saved but could not be queued for publishing (the save stands). */
    publishProblem,
    /** Adds or changes a component; throws a ZodError naming the bad field, saving nothing. */
    async save(input: ComponentInput) {
      const saved = await saveComponent(db, input);
      await publish();
      return saved;
    },
    async remove(id: string) {
      await deleteComponent(db, id);
      await publish();
    },
    /** Moves a component one place up (-1) or down (+1) on the status page. */
    async move(id: string, by: -1 | 1) {
      if (await moveComponent(db, id, by)) await publish();
    },
    dispose: components.dispose,
  };
}

export type ComponentsState = ReturnType<typeof createComponentsState>;

/** The fields of the component form, as typed. */
export interface ComponentFormValues {
  name: string;
  description: string;
  owner: string;
  group: string;
  /** Listed on the public status page. */
  public: boolean;
  status: ComponentStatus;
  escalationName: string;
  /** https://… or mailto:… */
  escalationReach: string;
  /** One pattern per line. */
  patterns: string;
}

export type ComponentField = keyof ComponentFormValues;

/** The form's fields in the order they are shown: the first one in error gets the focus. */
export const COMPONENT_FIELDS: readonly ComponentField[] = [
  'name',
  'description',
  'group',
  'public',
  'status',
  'owner',
  'escalationName',
  'escalationReach',
  'patterns',
];

export function formValuesOf(component?: Component): ComponentFormValues {
  return {
    name: component?.name ?? '',
    description: component?.description ?? '',
    owner: component?.owner ?? '',
    group: component?.group ?? '',
    public: component?.public ?? true,
    status: component?.status ?? 'operational',
    escalationName: component?.escalation?.name ?? '',
    escalationReach: component?.escalation?.reach ?? '',
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

/**
 * What the repository saves from the form: an empty group is no group, and an escalation contact
 * with neither name nor link is none (half of one is an error the schema names).
 */
export function componentInputOf(values: ComponentFormValues, id?: string): ComponentInput {
  const hasEscalation = values.escalationName.trim() !== '' || values.escalationReach.trim() !== '';
  return {
    ...(id !== undefined && { id }),
    name: values.name,
    description: values.description,
    owner: values.owner,
    ...(values.group.trim() && { group: values.group }),
    public: values.public,
    status: values.status,
    ...(hasEscalation && { escalation: { name: values.escalationName, reach: values.escalationReach } }),
    dashboardPatterns: readPatternLines(values.patterns).patterns,
  };
}

/** The form field a schema path points at, if the form has one. */
function fieldOf(path: readonly PropertyKey[]): ComponentField | undefined {
  const [head, next] = path;
  if (head === 'escalation') return next === 'name' ? 'escalationName' : 'escalationReach';
  if (head === 'dashboardPatterns') return 'patterns';
  return typeof head === 'string' && (COMPONENT_FIELDS as readonly string[]).includes(head) ? (head as ComponentField) : undefined;
}

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
    const field = fieldOf(issue.path);
    if (!field) {
      rest.push(issue.message);
      continue;
    }
    const index = issue.path[1];
    const line = field === 'patterns' && typeof index === 'number' ? lines[index] : undefined;
    const message = line === undefined ? issue.message : `Line ${line}: ${issue.message}`;
    fields[field] = fields[field] ? `${fields[field]}\n${message}` : message;
  }
  return { fields, ...(rest.length && { form: rest.join('\n') }) };
}

/** A contact link we render as a link: http(s) or mailto, nothing else (imported data included). */
export function contactHref(reach: string): string | undefined {
  try {
    return /^(https?|mailto):$/.test(new URL(reach).protocol) ? reach : undefined;
  } catch {
    return undefined;
  }
}
