import type { FeedEvent, StatusSnapshot } from '../parse';
import { LEVELS, STATES, feedEvent, openEvents, snapshot } from './derive';
import { id, objects, shown, str, text, time, url, word, type Obj } from './read';

/** cState's four words, in step with LEVELS and STATES: ok ↔ none ↔ operational, and so on. */
const WORDS = ['ok', 'notice', 'disrupted', 'down'];
const level = (v: unknown) => WORDS.indexOf(word(v) ?? '');

/**
 * cState's `index.json` (Hugo): systems with their state, each carrying its unresolved issues.
 * An issue that affects several systems is listed under each; it is one incident.
 */
export function readCstate(doc: Obj): StatusSnapshot {
  const components: StatusSnapshot['components'] = [];
  const issues = new Map<string, FeedEvent | undefined>();
  for (const system of objects(doc.systems)) {
    const name = text(system.name);
    // API 1.0 (cState v4) lists systems without a state; cState itself shows those as ok.
    const state = STATES[word(system.status) ? level(system.status) : 0];
    const group = text(system.category);
    if (!name || !state) continue;
    components.push({ id: id(system.name)!, name, status: state, ...(group && { group }) });
    for (const issue of objects(system.unresolvedIssues, 100)) {
      const key = url(issue.permalink) ?? id(issue.filename) ?? id(issue.title);
      if (!key || issues.has(key) || issue.resolved === true || word(issue.resolved) === 'true') continue;
      issues.set(
        key,
        feedEvent({
          id: key,
          name: text(issue.title) ?? 'Incident',
          status: word(issue.status) ?? 'investigating',
          impact: issue.informational === true ? 'none' : (LEVELS[level(issue.severity)] ?? 'minor'),
          url: url(issue.permalink),
          startedAt: time(issue.createdAt),
          updatedAt: time(issue.lastMod),
        }),
      );
    }
  }
  return snapshot({
    format: 'cstate',
    name: doc.title,
    url: url(doc.baseURL),
    indicator: LEVELS[level(doc.summaryStatus)],
    why: `summaryStatus is ${shown(doc.summaryStatus)}`,
    components,
    incidents: openEvents([...issues.values()], false),
    // Hugo writes the build time in the site's zone; only a UTC one is unambiguous.
    updatedAt: /^(UTC|GMT|Z)$/i.test(str(doc.buildTimezone) ?? '') ? time(`${str(doc.buildDate)}T${str(doc.buildTime)}Z`) : undefined,
  });
}
