import type { FeedEvent, StatusSnapshot } from '../parse';
import { componentState, feedEvent, indicator, openEvents, snapshot } from './derive';
import { id, isObj, list, shown, sortBy, text, time, url, word, type Obj } from './read';

/** Statuspage v2 `summary.json` or `status.json`: Atlassian's, incident.io's compatible one, or ours. */
export function readStatuspage(doc: Obj): StatusSnapshot {
  const page = isObj(doc.page) ? doc.page : {};
  const status = isObj(doc.status) ? doc.status : {};
  const pageUrl = url(page.url);
  const updatedAt = time(page.updated_at);
  const all = list(doc.components).filter(isObj);
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
      list(v, 100)
        .filter(isObj)
        .map((e): FeedEvent | undefined => {
          const eventId = id(e.id);
          const name = text(e.name) ?? (maintenance ? 'Scheduled maintenance' : 'Incident');
          const state = word(e.status) ?? (maintenance ? 'scheduled' : 'investigating');
          const at = (u: Obj) => time(u.display_at) ?? time(u.created_at) ?? time(u.updated_at) ?? '';
          const update = sortBy(list(e.incident_updates).filter(isObj), at, true).find((u) => text(u.body));
          const startedAt = maintenance ? (time(e.scheduled_for) ?? time(e.started_at)) : (time(e.started_at) ?? time(e.created_at));
          const latestAt = update && (at(update) || time(e.updated_at) || startedAt || updatedAt);
          return feedEvent(
            {
              id: eventId ?? name,
              name,
              status: state,
              impact: indicator(e.impact) ?? (maintenance ? 'maintenance' : 'none'),
              // Statuspage (and incident.io, which leaves shortlink null) serve each incident at <page>/incidents/<id>.
              url:
                url(e.shortlink) ??
                (pageUrl && eventId ? url(`${pageUrl.replace(/[?#].*$/, '').replace(/\/?$/, '/')}incidents/${encodeURIComponent(eventId)}`) : undefined),
              startedAt,
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
