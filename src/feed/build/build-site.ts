import { maintenanceStatus, type ComponentStatus, type Maintenance } from '../../model';
import {
  ComponentsJson,
  IncidentsJson,
  ScheduledMaintenancesJson,
  SiteState,
  StatusJson,
  SummaryJson,
  UnresolvedIncidentsJson,
  type Component as ComponentDoc,
  type Page,
} from '../schema';
import { componentHistories, historyWindow } from './component-history';
import { componentTree, leafRecords, worseStatus, type LeafRecord } from './components';
import { advanceMaintenance, incidentDoc, isMaintenance, maintenanceDoc, refreshComponents, type DocContext, type SiteEvent } from './event-docs';
import { historyFeeds } from './history-feeds';
import { incidentPage } from './incident-page';
import { overallStatus } from './overall-status';
import { CONTENT_TYPES, jsonFile, LIVE_CACHE, STATE_CACHE, type SiteFile } from './site-files';
import type { SiteInput } from './site-input';
import { statusPage } from './status-page';

export type { SiteFile };

export interface SiteBuild {
  files: SiteFile[];
  /** What sitrep-site.json holds: the merged site, for the next publisher to merge with. */
  state: SiteState;
}

/** Statuspage's incidents.json and scheduled-maintenances.json list this many, newest first. */
const LISTED = 50;

const OPEN_INCIDENT = new Set(['investigating', 'identified', 'monitoring']);
const OPEN_MAINTENANCE = new Set(['scheduled', 'in_progress', 'verifying']);

/**
 * The published site from its public input, merged with what the site already holds (`previous`,
 * its sitrep-site.json as read back): what another incident manager published and this input does
 * not hold is kept; ours replaces theirs by id; anything that ended before the history window is
 * dropped, unless it is still open. Pure: the same input and `now` give the same bytes.
 * Throws if a document would not match its schema (src/feed/schema.ts), naming the file and field.
 */
export function buildSite(input: SiteInput, previous?: SiteState): SiteBuild {
  const { now } = input;
  const t = now.toISOString();
  const base = siteBase(input.page.url);
  const period = historyWindow(now, input.historyDays);
  const cutoff = new Date(period.start).toISOString();
  const withheld = new Set(input.withheldIds);
  const pageId = input.page.id;

  // Components: ours, then theirs that we neither hold nor withhold.
  const theirLeaves = previous ? leafRecords(previous.components) : [];
  const theirLeafById = new Map(theirLeaves.map((l) => [l.id, l]));
  const leaves: LeafRecord[] = input.components.map((c) => {
    const published = theirLeafById.get(c.id)?.createdAt;
    return {
      id: c.id,
      name: c.name,
      description: c.description || null,
      group: c.group,
      position: c.order + 1,
      status: c.status,
      createdAt: published && published < c.updatedAt ? published : c.updatedAt,
      updatedAt: c.updatedAt,
    };
  });
  const ours = new Set([...leaves.map((l) => l.id), ...input.incidents.map((i) => i.id), ...input.maintenances.map((m) => m.id)]);
  const keep = (id: string) => !ours.has(id) && !withheld.has(id);
  for (const leaf of theirLeaves) if (keep(leaf.id)) leaves.push(leaf);

  // A component in a maintenance that is running shows under maintenance, unless an incident has
  // marked it worse (its status then already is).
  const theirMaintenances = (previous?.scheduled_maintenances ?? []).filter((m) => keep(m.id));
  const inMaintenance = new Set<string>();
  for (const m of input.maintenances) {
    if (maintenanceStatus(m as Maintenance, now) == 'in_progress') for (const id of m.componentIds) inMaintenance.add(id);
  }
  for (const m of theirMaintenances) {
    if (m.status != 'completed' && m.scheduled_for <= t && t < m.scheduled_until) for (const c of m.components) inMaintenance.add(c.id);
  }
  for (const leaf of leaves) if (inMaintenance.has(leaf.id)) leaf.status = worseStatus(leaf.status, 'under_maintenance');

  const components = componentTree(leaves, pageId);
  const leafDocs = new Map<string, ComponentDoc>();
  for (const c of components) if (!c.group) leafDocs.set(c.id, c);
  const context: DocContext = { pageId, base, leaves: leafDocs, now };

  const inPeriod = (e: SiteEvent) =>
    e.updated_at >= cutoff || (e.resolved_at !== null && e.resolved_at >= cutoff) || (isMaintenance(e) ? OPEN_MAINTENANCE : OPEN_INCIDENT).has(e.status);

  const incidents = [
    ...input.incidents.map((i) => incidentDoc(i, context)),
    ...(previous?.incidents ?? []).filter((i) => keep(i.id)).map((i) => ({ ...i, components: refreshComponents(i.components, leafDocs) })),
  ]
    .filter(inPeriod)
    .sort((a, b) => compareDesc(a.started_at, b.started_at) || compareDesc(a.id, b.id));
  const maintenances = [...input.maintenances.map((m) => maintenanceDoc(m, context)), ...theirMaintenances.map((m) => advanceMaintenance(m, context))]
    .filter(inPeriod)
    .sort((a, b) => compareDesc(a.scheduled_for, b.scheduled_for) || compareDesc(a.id, b.id));

  const openIncidents = incidents.filter((i) => OPEN_INCIDENT.has(i.status));
  // In progress first, then the soonest.
  const openMaintenances = maintenances
    .filter((m) => OPEN_MAINTENANCE.has(m.status))
    .sort((a, b) => Number(a.status == 'scheduled') - Number(b.status == 'scheduled') || compareDesc(b.scheduled_for, a.scheduled_for));

  const leafList = [...leafDocs.values()];
  const page: Page = {
    id: pageId,
    name: input.page.name,
    url: base,
    time_zone: input.page.timeZone,
    updated_at: lastChange([...leafList, ...incidents, ...maintenances]) ?? t,
  };
  const status = overallStatus(openIncidents, openMaintenances.some((m) => m.status != 'scheduled'), leafList);

  const state: SiteState = {
    format: 'sitrep-site',
    version: 1,
    updated_at: page.updated_at,
    components,
    incidents,
    scheduled_maintenances: maintenances,
  };

  const files: SiteFile[] = [
    jsonFile('api/v2/summary.json', SummaryJson, { page, status, components, incidents: openIncidents, scheduled_maintenances: openMaintenances }),
    jsonFile('api/v2/status.json', StatusJson, { page, status }),
    jsonFile('api/v2/components.json', ComponentsJson, { page, components }),
    jsonFile('api/v2/incidents.json', IncidentsJson, { page, incidents: incidents.slice(0, LISTED) }),
    jsonFile('api/v2/incidents/unresolved.json', UnresolvedIncidentsJson, { page, incidents: openIncidents }),
    jsonFile('api/v2/scheduled-maintenances.json', ScheduledMaintenancesJson, { page, scheduled_maintenances: maintenances.slice(0, LISTED) }),
    jsonFile('sitrep-site.json', SiteState, state, STATE_CACHE),
  ];

  const events = [...incidents, ...maintenances].sort((a, b) => compareDesc(a.updated_at, b.updated_at) || compareDesc(a.id, b.id));
  const feeds = historyFeeds(page, base, events);
  files.push(
    { path: 'history.atom', body: feeds.atom, contentType: CONTENT_TYPES.atom, cacheControl: LIVE_CACHE },
    { path: 'history.rss', body: feeds.rss, contentType: CONTENT_TYPES.rss, cacheControl: LIVE_CACHE },
  );

  const current = new Map<string, ComponentStatus>(leafList.map((c) => [c.id, c.status]));
  const histories = componentHistories(current, incidents, maintenances, period);
  files.push({
    path: 'index.html',
    body: statusPage({ page, status, components, openIncidents, openMaintenances, events, histories, period }),
    contentType: CONTENT_TYPES.html,
    cacheControl: LIVE_CACHE,
  });
  for (const event of events) {
    files.push({ path: `incidents/${event.id}.html`, body: incidentPage(page, event), contentType: CONTENT_TYPES.html, cacheControl: LIVE_CACHE });
  }
  return { files, state };
}

const compareDesc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/** The latest `updated_at` of anything on the page: the page changes only when its content does. */
function lastChange(items: readonly { updated_at: string }[]): string | undefined {
  let last: string | undefined;
  for (const item of items) if (last === undefined || item.updated_at > last) last = item.updated_at;
  return last;
}

/** The site's URL as the base of its links: no query or fragment, ending in `/`. */
export function siteBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('The status site URL is not a valid URL');
  }
  parsed.search = parsed.hash = '';
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.href;
}
