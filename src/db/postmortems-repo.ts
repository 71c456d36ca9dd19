import {
  Postmortem,
  compareText,
  isOpenActionItem,
  toInstant,
  type ActionItem,
  type Incident,
  type PostmortemSections,
  type PostmortemStatus,
  type PublicPostmortemText,
  type Screenshot,
  type StatusUpdate,
  type TimelineEntry,
} from '../model';
import { draftPostmortem } from '../report/postmortem-draft';
import type { SitrepDb } from './database';
import { listEntries } from './entries-repo';
import { listUpdates } from './updates-repo';

/** What a person changes in one go: a section as typed, the status, the authors… */
export interface PostmortemPatch {
  status?: PostmortemStatus;
  authors?: string[];
  timeline?: Postmortem['timeline'];
  sections?: Partial<PostmortemSections>;
  public?: Partial<PublicPostmortemText>;
}

export function getPostmortem(db: SitrepDb, incidentId: string): Promise<Postmortem | undefined> {
  return db.postmortems.get(incidentId);
}

/** Stores a whole post-mortem; throws a ZodError naming the bad field, saving nothing. */
export async function savePostmortem(db: SitrepDb, postmortem: Postmortem): Promise<Postmortem> {
  const valid = Postmortem.parse(postmortem);
  await db.postmortems.put(valid);
  return valid;
}

/**
 * Applies what was typed to the stored post-mortem, in one transaction: two sections saved at
 * once (two debounced fields, two windows) both land, since each names only what it changed.
 */
export async function patchPostmortem(db: SitrepDb, incidentId: string, patch: PostmortemPatch, now = new Date()): Promise<Postmortem> {
  return db.transaction('rw', db.postmortems, async () => {
    const current = await db.postmortems.get(incidentId);
    if (!current) throw new Error('That post-mortem is gone (the log was erased in another window?)');
    const next = Postmortem.parse({
      ...current,
      ...(patch.status && { status: patch.status }),
      ...(patch.authors && { authors: patch.authors.map((a) => a.trim()).filter(Boolean) }),
      ...(patch.timeline && { timeline: patch.timeline }),
      sections: { ...current.sections, ...patch.sections },
      public: { ...current.public, ...patch.public },
      updatedAt: toInstant(now),
    });
    await db.postmortems.put(next);
    return next;
  });
}

/**
 * "Draft post-mortem": drafts one from the incident's log and stores it. An incident that has one
 * already keeps it (nothing written is ever replaced by a draft) and gets it back.
 */
export async function createPostmortemDraft(
  db: SitrepDb,
  incidentId: string,
  { authors, now = new Date() }: { authors?: string[]; now?: Date } = {},
): Promise<Postmortem> {
  const existing = await db.postmortems.get(incidentId);
  if (existing) return existing;
  const incident = await db.incidents.get(incidentId);
  if (!incident) throw new Error('That incident is gone (erased in another window?)');
  const [entries, updates, components] = await Promise.all([listEntries(db, incidentId), listUpdates(db, incidentId), db.components.toArray()]);
  const named = [...new Set([incident.manager, ...(authors ?? [])].map((a) => a.trim()).filter(Boolean))];
  const drafted = draftPostmortem({ incident, entries, updates, components, authors: named, now });
  return db.transaction('rw', db.postmortems, async () => {
    // Drafted in another window meanwhile: theirs stands.
    const raced = await db.postmortems.get(incidentId);
    if (raced) return raced;
    await db.postmortems.add(drafted);
    return drafted;
  });
}

/** An incident's action items, oldest first. */
export async function listIncidentActionItems(db: SitrepDb, incidentId: string): Promise<ActionItem[]> {
  const rows = await db.actionItems.where('incidentId').equals(incidentId).toArray();
  return rows.sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id));
}

/** One row of the options page's list. */
export interface PostmortemListing {
  incidentId: string;
  key: string;
  title: string;
  startedAt: string;
  status: PostmortemStatus;
  updatedAt: string;
  openActionItems: number;
  actionItems: number;
}

/** Every post-mortem with its incident and how many of its action items are still open; newest incident first. */
export async function listPostmortems(db: SitrepDb): Promise<PostmortemListing[]> {
  return db.transaction('r', [db.postmortems, db.incidents, db.actionItems], async () => {
    const postmortems = await db.postmortems.toArray();
    const incidents = await db.incidents.bulkGet(postmortems.map((p) => p.incidentId));
    const listings = await Promise.all(
      postmortems.map(async (pm, i): Promise<PostmortemListing | undefined> => {
        const incident = incidents[i];
        if (!incident) return undefined;
        const items = await db.actionItems.where('incidentId').equals(pm.incidentId).toArray();
        return {
          incidentId: pm.incidentId,
          key: incident.key,
          title: incident.title,
          startedAt: incident.startedAt,
          status: pm.status,
          updatedAt: pm.updatedAt,
          openActionItems: items.filter(isOpenActionItem).length,
          actionItems: items.length,
        };
      }),
    );
    return listings.filter((l): l is PostmortemListing => !!l).sort((a, b) => compareText(b.startedAt, a.startedAt) || compareText(a.key, b.key));
  });
}

/** Everything an export of one post-mortem shows. */
export interface PostmortemExportData {
  incident: Incident;
  postmortem: Postmortem;
  entries: TimelineEntry[];
  updates: StatusUpdate[];
  actionItems: ActionItem[];
}

export async function loadPostmortemExport(db: SitrepDb, incidentId: string): Promise<PostmortemExportData> {
  const [incident, postmortem, entries, updates, actionItems] = await Promise.all([
    db.incidents.get(incidentId),
    db.postmortems.get(incidentId),
    listEntries(db, incidentId),
    listUpdates(db, incidentId),
    listIncidentActionItems(db, incidentId),
  ]);
  if (!incident || !postmortem) throw new Error('There is no post-mortem for that incident yet: draft one first.');
  return { incident, postmortem, entries, updates, actionItems };
}

/** The screenshots these entries took, by id (for the HTML export). */
export async function loadScreenshots(db: SitrepDb, entries: readonly TimelineEntry[]): Promise<Map<string, Screenshot>> {
  const ids = [
    ...new Set(entries.flatMap((e) => [e.clip?.screenshotId, ...(e.clip?.sightings ?? []).map((s) => s.screenshotId)]).filter((id): id is string => !!id)),
  ];
  const rows = await db.screenshots.bulkGet(ids);
  return new Map(rows.filter((s): s is Screenshot => !!s).map((s) => [s.id, s]));
}
