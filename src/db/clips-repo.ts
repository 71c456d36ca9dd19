import {
  HeldClip,
  Incident,
  Screenshot,
  toInstant,
  type ClipDraft,
  type HeldScreenshot,
  type NewIncident,
  type TimelineEntry,
} from '../model';
import type { SitrepDb } from './database';
import { buildEntry } from './entries-repo';
import { declareIncident } from './incidents-repo';

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
export async function addClip(db: SitrepDb, { id, incidentId, author, draft, screenshot, takenAt }: ClipToStore, now = new Date()): Promise<TimelineEntry> {
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

/** Keeps a clip that has no incident yet; the popup asks where it belongs. */
export async function holdClip(
  db: SitrepDb,
  { author, draft, screenshot }: Omit<ClipToStore, 'incidentId' | 'takenAt'>,
  now = new Date(),
): Promise<HeldClip> {
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
 */
export async function declareFromHeldClip(db: SitrepDb, heldId: string, input: NewIncident, author: string, now = new Date()) {
  return db.transaction('rw', [db.incidents, db.entries, db.screenshots, db.heldClips, db.meta], async () => {
    const held = await db.heldClips.get(heldId);
    if (!held) throw new Error('That held clip is gone (placed from another window?)');
    const declared = await declareIncident(db, input, { author, now });
    const incident = held.takenAt < declared.startedAt ? { ...declared, startedAt: held.takenAt, detectedAt: held.takenAt } : declared;
    if (incident !== declared) await db.incidents.put(Incident.parse(incident));
    await placeHeldClip(db, heldId, incident.id);
    return incident;
  });
}

export function discardHeldClip(db: SitrepDb, heldId: string): Promise<void> {
  return db.heldClips.delete(heldId);
}

export function getScreenshot(db: SitrepDb, id: string): Promise<Screenshot | undefined> {
  return db.screenshots.get(id);
}
