import type { StatusIndicator, StatusSnapshot } from '../parse';
import { componentState, feedEvent, impactOfState, openEvents, snapshot, worst } from './derive';
import { isRecord } from './is-record';
import { id, objects, pick, shown, str, text, time, url, word, type Obj } from './read';

/** Instatus maintenance states in Statuspage's words, so readers deal with one vocabulary. */
const MAINTENANCE: Record<string, string> = { notstartedyet: 'scheduled', inprogress: 'in_progress' };

/**
 * The end of an Instatus maintenance: it states a start and a `duration` in minutes (a string
 * in summary.json, a number in its API), never an end.
 */
const windowEnd = (start: string | undefined, duration: unknown) => {
  const minutes = Number(str(duration));
  return start && minutes > 0 ? time(Date.parse(start) + minutes * 6e4) : undefined;
};

/**
 * Instatus's `summary.json`: the page state plus active incidents and maintenance, the lists
 * left out entirely when empty. It carries no components and no update texts.
 */
export function readInstatus(doc: Obj): StatusSnapshot {
  const page = isRecord(doc.page) ? doc.page : {};
  const events = (v: unknown, maintenance: boolean) =>
    openEvents(
      objects(v, 100).map((e) => {
        const status = word(e.status);
        const state = componentState(e.impact);
        const name = text(e.name) ?? (maintenance ? 'Scheduled maintenance' : 'Incident');
        const startedAt = time(maintenance ? e.start : e.started);
        return feedEvent({
          id: id(e.id) ?? url(e.url) ?? name,
          name,
          status: maintenance ? (pick(MAINTENANCE, status) ?? status ?? 'scheduled') : (status ?? 'investigating'),
          impact: maintenance ? 'maintenance' : state ? impactOfState(state) : 'minor',
          url: url(e.url),
          startedAt,
          endsAt: maintenance ? windowEnd(startedAt, e.duration) : undefined,
          updatedAt: time(e.updatedAt),
        });
      }),
      maintenance,
    );
  const incidents = events(doc.activeIncidents, false);
  const pageStatus = word(page.status);
  return snapshot({
    format: 'instatus',
    name: page.name,
    url: url(page.url),
    indicator:
      pageStatus === 'up'
        ? 'none'
        : pageStatus === 'undermaintenance'
          ? 'maintenance'
          : pageStatus === 'hasissues'
            ? incidents.reduce<StatusIndicator>((w, e) => worst(w, e.impact as StatusIndicator), 'minor')
            : undefined,
    why: `page.status is ${shown(page.status)}`,
    incidents,
    maintenances: events(doc.activeMaintenances, true),
  });
}
