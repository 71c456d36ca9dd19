import type { StatusSnapshot } from '../parse';
import { componentState, feedEvent, indicator, openEvents, snapshot } from './derive';
import { isRecord } from './is-record';
import { id, objects, shown, sortBy, text, time, url, word, type Obj } from './read';

/** The first of the values that is a time. */
const firstTime = (...values: unknown[]) => values.map(time).find(Boolean);

/** Statuspage v2 `summary.json` or `status.json`: Atlassian's, incident.io's compatible one, or ours. */
export function readStatuspage(doc: Obj): StatusSnapshot {
  const page = isRecord(doc.page) ? doc.page : {};
  const status = isRecord(doc.status) ? doc.status : {};
  const pageUrl = url(page.url);
  const updatedAt = time(page.updated_at);
  const all = objects(doc.components);
  const isGroup = (c: Obj) => c.group === true || c.group === 'true';

  // Groups are containers, not components: their names label their children.
  const groups = new Map(all.filter(isGroup).map((c) => [id(c.id), text(c.name)]));
  const components: StatusSnapshot['components'] = [];
  for (const c of all) {
    const state = componentState(c.status);
    const name = text(c.name) ?? id(c.id);
    const groupId = id(c.group_id);
    const group = groupId && groups.get(groupId);
    if (!isGroup(c) && state && name) components.push({ id: id(c.id) ?? name, name, status: state, ...(group && { group }) });
  }

  const events = (v: unknown, maintenance: boolean) =>
    openEvents(
      objects(v, 100).map((e) => {
        const eventId = id(e.id);
        const name = text(e.name) ?? (maintenance ? 'Scheduled maintenance' : 'Incident');
        const state = word(e.status) ?? (maintenance ? 'scheduled' : 'investigating');
        const at = (u: Obj) => firstTime(u.display_at, u.created_at, u.updated_at) ?? '';
        const update = sortBy(objects(e.incident_updates), at, true).find((u) => text(u.body));
        const startedAt = maintenance ? firstTime(e.scheduled_for, e.started_at) : firstTime(e.started_at, e.created_at);
        const latestAt = update && (at(update) || time(e.updated_at) || startedAt || updatedAt);
        return feedEvent(
          {
            id: eventId ?? name,
            name,
            status: state,
            impact: indicator(e.impact) ?? (maintenance ? 'maintenance' : 'none'),
            // Statuspage (and incident.io, which leaves shortlink null) serve each incident at <page>/incidents/<id>.
            url: url(e.shortlink) ?? (pageUrl && eventId ? url(`${pageUrl.replace(/\/?([?#].*)?$/, '/')}incidents/${encodeURIComponent(eventId)}`) : undefined),
            startedAt,
            // Read on incidents too: Statuspage keeps a maintenance as an incident with scheduled_for/until, and incidents.json lists it so.
            endsAt: time(e.scheduled_until),
            updatedAt: time(e.updated_at),
            latest: latestAt ? { status: word(update.status) ?? state, body: text(update.body, 5000, true)!, at: latestAt } : undefined,
          },
          updatedAt,
        );
      }),
      maintenance,
    );

  return snapshot({
    format: 'statuspage',
    name: page.name,
    url: pageUrl,
    indicator: indicator(status.indicator),
    why: `status.indicator is ${shown(status.indicator)}`,
    description: status.description,
    components,
    incidents: events(doc.incidents, false),
    maintenances: events(doc.scheduled_maintenances, true),
    updatedAt,
  });
}
