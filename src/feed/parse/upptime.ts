import type { StatusSnapshot } from '../parse';
import { STATES, snapshot } from './derive';
import { id, objects, pick, text, word } from './read';

/** Upptime's words, as the index of the state each means in STATES. */
const WORDS: Record<string, number> = { up: 0, degraded: 1, down: 3 };

/**
 * Upptime's `history/summary.json`: one entry per monitored site. It names no page and keeps
 * incidents as GitHub issues, outside this file. Undefined when no entry is a site.
 */
export function readUpptime(sites: unknown[]): StatusSnapshot | undefined {
  const components: StatusSnapshot['components'] = [];
  for (const site of objects(sites)) {
    const status = STATES[pick(WORDS, word(site.status)) ?? -1];
    const name = text(site.name) ?? id(site.slug);
    if (status && name) components.push({ id: id(site.slug) ?? name, name, status });
  }
  return components.length ? snapshot({ format: 'upptime', components }) : undefined;
}
