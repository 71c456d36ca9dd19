import type * as z from 'zod';
import { maintenanceStatus, type ComponentStatus, type Maintenance } from '../../model';
import {
  Component as ComponentSchema,
  ComponentsJson,
  documentsOfCheckedEvents as checkedDocs,
  Incident,
  IncidentsJson,
  ScheduledMaintenance,
  ScheduledMaintenancesJson,
  SiteState,
  StatusJson,
  SummaryJson,
  UnresolvedIncidentsJson,
  Page,
  type Component as ComponentDoc,
  type Incident as IncidentDoc,
} from '../schema';
import { componentHistories, historyWindow } from './component-history';
import { componentTree, leafRecords, worseStatus, type LeafRecord } from './components';
import { advanceMaintenance, incidentDoc, isMaintenance, maintenanceDoc, refreshComponents, type DocContext, type SiteEvent } from './event-docs';
import { processMemo, type EventOutput, type MemoEntry, type SiteBuildMemo, type SiteMemo } from './event-memo';
import { feedEntry, historyFeeds } from './history-feeds';
import { incidentPage } from './incident-page';
import { overallStatus } from './overall-status';
import { CONTENT_TYPES, jsonFile, LIVE_CACHE, STATE_CACHE, type SiteFile } from './site-files';
import { frozenCopy, sameData, stringifyReusing } from './plain-data';
import type { PublicIncident, SiteInput } from './site-input';
import { pastEvent, statusPage } from './status-page';

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
 * `memo` keeps what this build wrote, so the next build of the same site writes only what changed
 * (the bytes are the same as a build from nothing).
 */
export function buildSite(input: SiteInput, previous?: SiteState, memo: SiteBuildMemo = processMemo): SiteBuild {
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
    if (maintenanceStatus(m as Maintenance, now) === 'in_progress') for (const id of m.componentIds) inMaintenance.add(id);
  }
  for (const m of theirMaintenances) {
    if (m.status !== 'completed' && m.scheduled_for <= t && t < m.scheduled_until) for (const c of m.components) inMaintenance.add(c.id);
  }
  for (const leaf of leaves) if (inMaintenance.has(leaf.id)) leaf.status = worseStatus(leaf.status, 'under_maintenance');

  // What every file depends on besides the events: a change of any of these rebuilds everything.
  const memoKey = JSON.stringify([base, pageId, input.page.name]);
  const before = memo.read(memoKey);
  const after: SiteMemo = { events: new Map(), components: new Map() };

  // Equal component documents are the very object of the last build, so an event showing them can
  // tell it is unchanged by identity.
  const freshComponents: ComponentDoc[] = [];
  const components = componentTree(leaves, pageId).map((c) => {
    const known = before.components.get(c.id);
    if (known && sameData(known, c)) {
      after.components.set(c.id, known);
      return known;
    }
    const doc = frozenCopy(c);
    freshComponents.push(doc);
    after.components.set(c.id, doc);
    return doc;
  });
  const leafDocs = new Map<string, ComponentDoc>();
  for (const c of components) if (!c.group) leafDocs.set(c.id, c);
  const context: DocContext = { pageId, base, leaves: leafDocs, now };

  // Each event: the document, JSON and page written last time if it is unchanged, else a new one.
  const ourIncident = (incident: PublicIncident): Built<IncidentDoc> => {
    const entry = before.events.get(incident.id);
    const touched = entry?.touched;
    if (touched && touched.leaves.every((leaf, i) => leafDocs.get(touched.ids[i]!) === leaf) && sameData(entry.source, incident)) {
      return { doc: entry.output.doc as IncidentDoc, entry, fresh: false };
    }
    const ids = [...new Set(incident.updates.flatMap((u) => u.components.map((c) => c.id)))];
    const doc = frozenCopy(incidentDoc(incident, context));
    return { doc, entry: newEntry(doc, frozenCopy(incident), { ids, leaves: ids.map((id) => leafDocs.get(id)) }), fresh: true };
  };
  const anyEvent = <D extends SiteEvent>(built: D): Built<D> => {
    const entry = before.events.get(built.id);
    if (entry && !entry.touched && sameData(entry.source, built)) return { doc: entry.output.doc as D, entry, fresh: false };
    const doc = frozenCopy(built);
    return { doc, entry: newEntry(doc, doc), fresh: true };
  };

  const inPeriod = ({ doc: e }: Built<SiteEvent>) =>
    e.updated_at >= cutoff || (e.resolved_at !== null && e.resolved_at >= cutoff) || (isMaintenance(e) ? OPEN_MAINTENANCE : OPEN_INCIDENT).has(e.status);

  const builtIncidents = [
    ...input.incidents.map(ourIncident),
    ...(previous?.incidents ?? []).filter((i) => keep(i.id)).map((i) => anyEvent({ ...i, components: refreshComponents(i.components, leafDocs) })),
  ]
    .filter(inPeriod)
    .sort(({ doc: a }, { doc: b }) => compareDesc(a.started_at, b.started_at) || compareDesc(a.id, b.id));
  const builtMaintenances = [
    ...input.maintenances.map((m) => anyEvent(maintenanceDoc(m, context))),
    ...theirMaintenances.map((m) => anyEvent(advanceMaintenance(m, context))),
  ]
    .filter(inPeriod)
    .sort(({ doc: a }, { doc: b }) => compareDesc(a.scheduled_for, b.scheduled_for) || compareDesc(a.id, b.id));
  const incidents = builtIncidents.map((b) => b.doc);
  const maintenances = builtMaintenances.map((b) => b.doc);

  const openIncidents = incidents.filter((i) => OPEN_INCIDENT.has(i.status));
  // In progress first, then the soonest.
  const openMaintenances = maintenances
    .filter((m) => OPEN_MAINTENANCE.has(m.status))
    .sort((a, b) => Number(a.status === 'scheduled') - Number(b.status === 'scheduled') || compareDesc(b.scheduled_for, a.scheduled_for));

  const leafList = [...leafDocs.values()];
  const page: Page = {
    id: pageId,
    name: input.page.name,
    url: base,
    time_zone: input.page.timeZone,
    updated_at: lastChange([...leafList, ...incidents, ...maintenances]) ?? t,
  };
  const status = overallStatus(
    openIncidents,
    openMaintenances.some((m) => m.status !== 'scheduled'),
    leafList,
  );

  const state: SiteState = {
    format: 'sitrep-site',
    version: 1,
    updated_at: page.updated_at,
    components,
    incidents,
    scheduled_maintenances: maintenances,
  };

  const documents: PublishedDocument[] = [
    {
      path: 'api/v2/summary.json',
      schema: SummaryJson,
      checked: checkedDocs.SummaryJson,
      doc: { page, status, components, incidents: openIncidents, scheduled_maintenances: openMaintenances },
    },
    { path: 'api/v2/status.json', schema: StatusJson, checked: checkedDocs.StatusJson, doc: { page, status } },
    { path: 'api/v2/components.json', schema: ComponentsJson, checked: checkedDocs.ComponentsJson, doc: { page, components } },
    { path: 'api/v2/incidents.json', schema: IncidentsJson, checked: checkedDocs.IncidentsJson, doc: { page, incidents: incidents.slice(0, LISTED) } },
    {
      path: 'api/v2/incidents/unresolved.json',
      schema: UnresolvedIncidentsJson,
      checked: checkedDocs.UnresolvedIncidentsJson,
      doc: { page, incidents: openIncidents },
    },
    {
      path: 'api/v2/scheduled-maintenances.json',
      schema: ScheduledMaintenancesJson,
      checked: checkedDocs.ScheduledMaintenancesJson,
      doc: { page, scheduled_maintenances: maintenances.slice(0, LISTED) },
    },
    { path: 'sitrep-site.json', schema: SiteState, checked: checkedDocs.SiteState, doc: state, cacheControl: STATE_CACHE },
  ];

  // Only new event documents are checked against their schema: a kept one passed when it was new.
  // If one fails, the documents are checked in full, for the error that names the file and field.
  const fresh = [...builtIncidents, ...builtMaintenances].filter((b) => b.fresh);
  const valid = [
    Page.safeParse(page).success,
    ...freshComponents.map((c) => ComponentSchema.safeParse(c).success),
    ...fresh.map(({ doc }) => (isMaintenance(doc) ? ScheduledMaintenance : Incident).safeParse(doc).success),
  ];
  if (valid.includes(false)) {
    for (const d of documents) jsonFile(d.path, d.schema, d.doc);
    throw new Error('A site document is not valid');
  }
  for (const { doc, entry } of fresh) entry.output.json = JSON.stringify(doc);
  const known = new Map<object, string>();
  for (const { doc, entry } of [...builtIncidents, ...builtMaintenances]) known.set(doc, entry.output.json);
  const files: SiteFile[] = documents.map((d) => jsonFile(d.path, d.checked, d.doc, d.cacheControl, (doc) => stringifyReusing(doc, known)));

  const events = [...incidents, ...maintenances].sort((a, b) => compareDesc(a.updated_at, b.updated_at) || compareDesc(a.id, b.id));
  const outputOf = new Map<SiteEvent, EventOutput>();
  for (const { doc, entry } of [...builtIncidents, ...builtMaintenances]) outputOf.set(doc, entry.output);
  const feeds = historyFeeds(page, base, events, (event) => {
    const output = outputOf.get(event)!;
    return (output.feedEntry ??= feedEntry(event));
  });
  files.push(
    { path: 'history.atom', body: feeds.atom, contentType: CONTENT_TYPES.atom, cacheControl: LIVE_CACHE },
    { path: 'history.rss', body: feeds.rss, contentType: CONTENT_TYPES.rss, cacheControl: LIVE_CACHE },
  );

  const current = new Map<string, ComponentStatus>(leafList.map((c) => [c.id, c.status]));
  const histories = componentHistories(current, incidents, maintenances, period);
  files.push({
    path: 'index.html',
    body: statusPage({
      page,
      status,
      components,
      openIncidents,
      openMaintenances,
      events,
      histories,
      period,
      pastEventOf: (event) => {
        const output = outputOf.get(event)!;
        return (output.pastEvent ??= pastEvent(event));
      },
    }),
    contentType: CONTENT_TYPES.html,
    cacheControl: LIVE_CACHE,
  });
  for (const { doc, entry } of fresh) entry.output.page = incidentPage(page, doc);
  const pageOf = new Map<string, string>();
  for (const { doc, entry } of [...builtIncidents, ...builtMaintenances]) {
    pageOf.set(doc.id, entry.output.page);
    after.events.set(doc.id, entry);
  }
  for (const event of events) {
    files.push({ path: `incidents/${event.id}.html`, body: pageOf.get(event.id)!, contentType: CONTENT_TYPES.html, cacheControl: LIVE_CACHE });
  }
  memo.write(memoKey, after);
  return { files, state };
}

/** One event of this build, and whether its document is new (not yet checked, its JSON and page not yet written). */
interface Built<D extends SiteEvent> {
  doc: D;
  entry: MemoEntry;
  fresh: boolean;
}

const newEntry = (doc: SiteEvent, source: unknown, touched?: MemoEntry['touched']): MemoEntry => ({
  source,
  ...(touched && { touched }),
  output: { doc, json: '', page: '' },
});

interface PublishedDocument {
  path: string;
  /** Its schema, checking every event in it. */
  schema: z.ZodType;
  /** The same, taking its events as already checked. */
  checked: z.ZodType;
  doc: unknown;
  cacheControl?: string;
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
