import { fitText } from '../capture/build-clip';
import {
  CLIP_TOOL_LABELS,
  ClipSighting,
  ENTRY_KIND_OF_REF,
  HeldClip,
  Incident,
  MAX_SIGHTINGS,
  Screenshot,
  TimelineEntry,
  compareEntries,
  compareText,
  toInstant,
  type Clip,
  type ClipDraft,
  type ClipRef,
  type HeldScreenshot,
  type NewIncident,
} from '../model';
import { clipRefLabel, sameClipRef } from '../model/clip-ref';
import type { SitrepDb } from './database';
import { buildEntry, listEntriesOfKind } from './entries-repo';
import { declareIncident } from './incidents-repo';
import { deleteForGood } from './tombstones-repo';

export interface ClipToStore {
  /** The entry's id: a placed held clip keeps its own, so a backup still holding it is not placed twice. */
  id?: string;
  incidentId: string;
  author: string;
  draft: ClipDraft;
  screenshot?: HeldScreenshot;
  /** When the clip was taken (held clips are placed later, but happened then). */
  takenAt?: Date | string;
}

/**
 * Writes a clip as a timeline entry, with its screenshot, in one transaction: the entry never
 * points at a picture that was not saved, and a failure leaves nothing half-written.
 */
export async function addClip(db: SitrepDb, toStore: ClipToStore, now = new Date()): Promise<TimelineEntry> {
  const ref = toStore.draft.clip.ref;
  if (ref) return addRefClip(db, toStore, ref, now);
  const { id, incidentId, author, draft, screenshot, takenAt } = toStore;
  const screenshotId = screenshot ? crypto.randomUUID() : undefined;
  // One parse validates the whole entry, clip included: this is the hot path of every clip.
  const built = buildEntry(
    {
      incidentId,
      kind: 'clip',
      text: draft.text,
      author,
      ...(takenAt !== undefined && { at: takenAt }),
      ...(draft.sourceUrl && { sourceUrl: draft.sourceUrl }),
      clip: { ...draft.clip, ...(screenshotId && { screenshotId }) },
    },
    now,
  );
  // A placed held clip keeps its id (a UUID, validated when it was held).
  const entry = id === undefined ? built : { ...built, id };
  const shot = screenshot && screenshotId ? Screenshot.parse({ id: screenshotId, incidentId, ...screenshot, takenAt: entry.at }) : undefined;
  // Issued together, one round trip; a missing incident throws, which aborts the whole write.
  // A plain callback returning Dexie's promise (no async/await inside) spares Dexie's zone
  // bookkeeping on the hot path of every clip.
  await db.transaction('rw', shot ? [db.incidents, db.entries, db.screenshots] : [db.incidents, db.entries], () =>
    Promise.all([db.incidents.get(incidentId), db.entries.add(entry), shot && db.screenshots.add(shot)]).then(([incident]) => {
      if (!incident) throw new Error(`No incident with id ${incidentId}`);
    }),
  );
  return entry;
}

/**
 * A clip of one alert, ticket or change. The first on an incident becomes an entry of its kind
 * (`alert`, `report`, `code`) named after the thing (`PagerDuty PT4KHLK: Error rate above 5%`);
 * each later clip of the same thing (same tool and ref) on that incident is a sighting of that
 * entry, with its own time, selection and screenshot, so one alert seen five times stays one
 * alert. A deleted entry is not seen again: the next clip starts a new one.
 */
async function addRefClip(db: SitrepDb, { id, incidentId, author, draft, screenshot, takenAt }: ClipToStore, ref: ClipRef, now: Date): Promise<TimelineEntry> {
  const at = toInstant(takenAt ?? now);
  const screenshotId = screenshot ? crypto.randomUUID() : undefined;
  const shot = screenshot && screenshotId ? Screenshot.parse({ id: screenshotId, incidentId, ...screenshot, takenAt: at }) : undefined;
  return db.transaction('rw', [db.incidents, db.entries, db.screenshots], async () => {
    if (!(await db.incidents.get(incidentId))) throw new Error(`No incident with id ${incidentId}`);
    const seen = await findRefEntry(db, incidentId, draft.clip);
    let entry: TimelineEntry;
    if (seen?.clip) {
      const selection = selectedText(draft);
      const sighting = ClipSighting.parse({ at, ...(selection && { text: selection }), ...(screenshotId && { screenshotId }) });
      const sightings = [...(seen.clip.sightings ?? []), sighting].sort((a, b) => compareText(a.at, b.at));
      // A page that showed the alert's time this time (and not the first) still dates it.
      const alertedAt = seen.clip.alertedAt ?? draft.clip.alertedAt;
      entry = TimelineEntry.parse({ ...seen, clip: { ...seen.clip, ...(alertedAt && { alertedAt }), sightings }, updatedAt: toInstant(now) });
      await db.entries.put(entry);
    } else {
      // A clip just taken has been seen once: any sightings a draft claims are not its own.
      const { sightings: _notYet, ...clip } = draft.clip;
      const built = buildEntry(
        {
          incidentId,
          kind: ENTRY_KIND_OF_REF[ref.kind],
          text: refEntryText(draft, ref),
          author,
          at,
          ...(draft.sourceUrl && { sourceUrl: draft.sourceUrl }),
          clip: { ...clip, ...(screenshotId && { screenshotId }) },
        },
        now,
      );
      entry = id === undefined ? built : { ...built, id };
      await db.entries.add(entry);
    }
    if (shot) await db.screenshots.add(shot);
    return entry;
  });
}

/** The incident's live entry for the same alert, ticket or change, if it can take one more sighting. */
async function findRefEntry(db: SitrepDb, incidentId: string, clip: Clip): Promise<TimelineEntry | undefined> {
  // Only entries of the kind this ref makes, read by index: never the whole timeline on a clip.
  const rows = clip.ref ? await listEntriesOfKind(db, incidentId, ENTRY_KIND_OF_REF[clip.ref.kind]) : [];
  const matches = rows.filter((e) => sameClipRef(e.clip, clip) && (e.clip?.sightings?.length ?? 0) < MAX_SIGHTINGS);
  return matches.sort(compareEntries)[0];
}

/**
 * What a clip's text says beyond the page it names: the person's selection (or the link or
 * image clipped), or nothing when the text is just the page's own title, as `buildClip` writes
 * it for a page clipped with nothing selected.
 */
export function selectedText(draft: ClipDraft): string | undefined {
  const { clip } = draft;
  const where = [clip.panelTitle, clip.dashboardTitle ?? clip.pageTitle].filter(Boolean).join(' — ');
  return draft.text === (where || clip.pageUrl) ? undefined : draft.text || undefined;
}

/**
 * The entry text of a clip of an alert, ticket or change: the thing and its title first, as
 * people name it (`Zendesk #8812: Checkout fails with 500`), then on the next line what the
 * person selected, if anything. The title is the one page facts read (the alert title, the
 * ticket subject, the commit subject: `panelTitle`), else, with nothing selected, the page's
 * (unless it is just the tool's name).
 */
export function refEntryText(draft: ClipDraft, ref: ClipRef): string {
  const label = clipRefLabel({ ...draft.clip, ref });
  const selection = selectedText(draft);
  const { clip } = draft;
  const pageTitle = clip.dashboardTitle || clip.pageTitle;
  // A tab titled only "PagerDuty" says nothing the name does not.
  const saysMore = pageTitle.trim().toLowerCase() !== CLIP_TOOL_LABELS[clip.tool].toLowerCase();
  const title = clip.panelTitle || (selection === undefined && saysMore ? pageTitle : undefined);
  const headline = title ? `${label}: ${title}` : label;
  return fitText(selection === undefined ? headline : `${headline}\n${selection}`, 100_000);
}

/**
 * How many customers reported the incident: its live `report` entries, one per ticket (two
 * entries of the same ticket, as a merged colleague's backup can bring, count once).
 */
export async function countCustomerReports(db: SitrepDb, incidentId: string): Promise<number> {
  const reports = await listEntriesOfKind(db, incidentId, 'report');
  const tickets = new Set(reports.map((e) => (e.clip?.ref ? `${e.clip.tool}\u0000${e.clip.ref.id}` : e.id)));
  return tickets.size;
}

/**
 * The incident's code changes (commits, pull or merge requests, CI runs; `code` entries), in the
 * order they happened: the candidates a post-mortem offers as the trigger.
 */
export function listCodeChanges(db: SitrepDb, incidentId: string): Promise<TimelineEntry[]> {
  return listEntriesOfKind(db, incidentId, 'code');
}

/** Keeps a clip that has no incident yet; the popup asks where it belongs. */
export async function holdClip(db: SitrepDb, { author, draft, screenshot }: Omit<ClipToStore, 'incidentId' | 'takenAt'>, now = new Date()): Promise<HeldClip> {
  const held = HeldClip.parse({
    id: crypto.randomUUID(),
    takenAt: toInstant(now),
    author,
    draft,
    ...(screenshot && { screenshot }),
  });
  await db.heldClips.add(held);
  return held;
}

/** Held clips, oldest first. */
export function listHeldClips(db: SitrepDb): Promise<HeldClip[]> {
  return db.heldClips.orderBy('takenAt').toArray();
}

/** How many clips wait for an incident: the toolbar badge's number. */
export function countHeldClips(db: SitrepDb): Promise<number> {
  return db.heldClips.count();
}

/** Puts a held clip on an incident's timeline at the time it was taken. */
export async function placeHeldClip(db: SitrepDb, heldId: string, incidentId: string): Promise<TimelineEntry> {
  return db.transaction('rw', [db.incidents, db.entries, db.screenshots, db.heldClips], async () => {
    const held = await db.heldClips.get(heldId);
    if (!held) throw new Error('That held clip is gone (placed from another window?)');
    const entry = await addClip(db, {
      id: held.id,
      incidentId,
      author: held.author,
      draft: held.draft,
      takenAt: held.takenAt,
      ...(held.screenshot && { screenshot: held.screenshot }),
    });
    await db.heldClips.delete(heldId);
    return entry;
  });
}

/**
 * Declares an incident from a held clip: the clip becomes its first evidence, and the incident
 * counts as started and detected when the clip was taken, not when someone got to declaring it.
 * A clip of an alert page that showed when the alert fired (`alertedAt`) dates detection from the
 * alert instead, and the start no later than it; an alert time after the declaration (a page's
 * clock ahead) is not believed.
 */
export async function declareFromHeldClip(db: SitrepDb, heldId: string, input: NewIncident, author: string, now = new Date()) {
  return db.transaction('rw', [db.incidents, db.entries, db.screenshots, db.heldClips, db.meta], async () => {
    const held = await db.heldClips.get(heldId);
    if (!held) throw new Error('That held clip is gone (placed from another window?)');
    const declared = await declareIncident(db, input, { author, now });
    const alertedAt = held.draft.clip.alertedAt;
    const detectedAt = alertedAt !== undefined && alertedAt < declared.startedAt ? alertedAt : held.takenAt;
    const startedAt = detectedAt < held.takenAt ? detectedAt : held.takenAt;
    const incident = startedAt < declared.startedAt ? { ...declared, startedAt, detectedAt } : declared;
    if (incident !== declared) await db.incidents.put(Incident.parse(incident));
    await placeHeldClip(db, heldId, incident.id);
    return incident;
  });
}

/** Discards a held clip for good: a backup made before it does not bring it back. */
export function discardHeldClip(db: SitrepDb, heldId: string, now = new Date()): Promise<void> {
  return deleteForGood(db, 'heldClips', heldId, now);
}

export function getScreenshot(db: SitrepDb, id: string): Promise<Screenshot | undefined> {
  return db.screenshots.get(id);
}
