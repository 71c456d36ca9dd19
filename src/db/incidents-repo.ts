import Dexie from 'dexie';
import {
  Incident,
  IncidentKey,
  MAX_INCIDENT_NUMBER,
  NewIncident,
  STATUS_LABELS,
  incidentKeyOf,
  incidentNumber,
  severityName,
  toInstant,
  type Severity,
} from '../model';
import type { SitrepDb } from './database';
import { IMPORT_UNDO_TABLE } from './schema';
import { buildEntry } from './entries-repo';

/** The meta row holding the next INC number to hand out; erasing the log resets it. */
export const NEXT_INCIDENT_NUMBER = 'nextIncidentNumber';

/** The fields of an incident the manager edits after declaring it. */
export type IncidentPatch = Partial<
  Pick<
    Incident,
    | 'title'
    | 'severity'
    | 'status'
    | 'impact'
    | 'publicTitle'
    | 'publicImpact'
    | 'manager'
    | 'startedAt'
    | 'detectedAt'
    | 'acknowledgedAt'
    | 'mitigatedAt'
    | 'resolvedAt'
  >
>;

export interface Who {
  author: string;
  now?: Date;
}

/**
 * An import moves the counter past the keys it brings only up to here. A file holding
 * INC-999999999 keeps that key (people call it that in chat) but cannot use up the key space:
 * after any import, some 900 million more incidents can still be declared.
 */
export const LARGEST_KEY_RESERVED_BY_IMPORT = 99_999_999;

/** Why no key could be handed out, in one sentence. */
export class IncidentKeyError extends Error {
  override name = 'IncidentKeyError';
}

/**
 * The next INC number to try. A stored value this Sitrep never writes (past the key format or
 * not a whole number, as an older import could leave it) is rebuilt from the keys in the log.
 */
export async function nextIncidentNumber(db: SitrepDb): Promise<number> {
  const value = (await db.meta.get(NEXT_INCIDENT_NUMBER))?.value;
  if (value === undefined) return 1;
  if (Number.isSafeInteger(value) && value >= 1 && value <= MAX_INCIDENT_NUMBER) return value;
  let highest = 0;
  for (const key of (await db.incidents.orderBy('key').keys()) as string[]) {
    const n = IncidentKey.safeParse(key).success ? incidentNumber(key) : 0;
    if (n <= LARGEST_KEY_RESERVED_BY_IMPORT && n > highest) highest = n;
  }
  return highest + 1;
}

async function keyTaken(db: SitrepDb, n: number): Promise<boolean> {
  return (await db.incidents.where('key').equals(incidentKeyOf(n)).count()) > 0;
}

/**
 * Takes the next INC number inside the caller's transaction (which must include incidents and
 * meta). Numbers are never handed out twice: a key already in the log (kept from an import
 * beyond the reserved range) is skipped. The counter never passes MAX_INCIDENT_NUMBER.
 */
export async function takeIncidentKey(db: SitrepDb): Promise<IncidentKey> {
  let next = await nextIncidentNumber(db);
  while (await keyTaken(db, next)) {
    if (next >= MAX_INCIDENT_NUMBER) {
      throw new IncidentKeyError(
        `Every incident key up to INC-${MAX_INCIDENT_NUMBER} is already used in this log, so a new incident cannot get one; export a backup and erase the log to start again at INC-1.`,
      );
    }
    next++;
  }
  await db.meta.put({ name: NEXT_INCIDENT_NUMBER, value: Math.min(next + 1, MAX_INCIDENT_NUMBER) });
  return incidentKeyOf(next);
}

/**
 * Makes sure keys already in the log (e.g. from an import) are not handed out again by moving
 * the counter past them, up to LARGEST_KEY_RESERVED_BY_IMPORT; larger keys are skipped when
 * the counter reaches them.
 */
export async function reserveIncidentKey(db: SitrepDb, key: IncidentKey): Promise<void> {
  const n = incidentNumber(key);
  if (n > LARGEST_KEY_RESERVED_BY_IMPORT) return;
  if ((await nextIncidentNumber(db)) <= n) await db.meta.put({ name: NEXT_INCIDENT_NUMBER, value: n + 1 });
}

/** Declares an incident: a new key, status investigating, and a first timeline entry saying so. */
export async function declareIncident(db: SitrepDb, input: NewIncident, { author, now = new Date() }: Who): Promise<Incident> {
  const { title, severity } = NewIncident.parse(input);
  const at = toInstant(now);
  return db.transaction('rw', db.incidents, db.entries, db.meta, async () => {
    const incident = Incident.parse({
      id: crypto.randomUUID(),
      key: await takeIncidentKey(db),
      title,
      severity,
      status: 'investigating',
      impact: '',
      publicTitle: '',
      publicImpact: '',
      manager: author,
      startedAt: at,
      detectedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    await db.incidents.add(incident);
    await db.entries.add(buildEntry({ incidentId: incident.id, kind: 'change', text: `Declared ${severity}: ${title}`, author }, now));
    return incident;
  });
}

/** All incidents, newest first. */
export async function listIncidents(db: SitrepDb): Promise<Incident[]> {
  return db.incidents.orderBy('startedAt').reverse().toArray();
}

export async function getIncident(db: SitrepDb, id: string): Promise<Incident | undefined> {
  return db.incidents.get(id);
}

/**
 * Changes an incident. Every change is written to the timeline as well (one `change` entry), so
 * the post-mortem can tell when the response changed gear or hands; resolving stamps resolvedAt.
 */
export async function updateIncident(db: SitrepDb, id: string, patch: IncidentPatch, { author, now = new Date() }: Who): Promise<Incident> {
  return db.transaction('rw', db.incidents, db.entries, async () => {
    const current = await db.incidents.get(id);
    if (!current) throw new Error(`No incident with id ${id}`);
    const valid = patchIncident(current, patch, now);
    await db.incidents.put(valid);
    const changes = describeChanges(current, valid, patch);
    if (changes.length) {
      await db.entries.add(buildEntry({ incidentId: id, kind: 'change', text: changes.join(' · '), author }, now));
    }
    return valid;
  });
}

/**
 * An incident with a patch applied, validated. A status change stamps what it implies: resolving
 * sets resolvedAt, reopening clears it, leaving `investigating` acknowledges.
 */
export function patchIncident(current: Incident, patch: IncidentPatch, now: Date): Incident {
  const at = toInstant(now);
  const next: Incident = { ...current, ...patch, updatedAt: at };
  // A time cleared in the details is absent, as it is on an incident that never had it.
  for (const field of ['detectedAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt'] as const) if (next[field] === undefined) delete next[field];
  if (patch.status && patch.status !== current.status) {
    if (patch.status === 'resolved' && !patch.resolvedAt) next.resolvedAt = at;
    if (patch.status !== 'resolved' && !patch.resolvedAt) delete next.resolvedAt;
    if (current.status === 'investigating' && !next.acknowledgedAt) next.acknowledgedAt = at;
  }
  return Incident.parse(next);
}

/** The incident's times a person sets in its details, as the timeline names them. */
const TIME_FIELD_NAMES = {
  startedAt: 'Start',
  detectedAt: 'Detection',
  acknowledgedAt: 'Acknowledgement',
  mitigatedAt: 'Mitigation',
  resolvedAt: 'Resolution',
} as const satisfies Partial<Record<keyof Incident, string>>;

/**
 * What changed, one phrase each, for the timeline: every field a person edits is logged, so a
 * handover or a corrected start time is on the record. Times a status change stamps by itself
 * (resolving, acknowledging) are not repeated; times set by hand are, in UTC so the text means
 * the same wherever it is read.
 */
export function describeChanges(before: Incident, after: Incident, patch: IncidentPatch = after): string[] {
  const out: string[] = [];
  if (before.title !== after.title) out.push(`Title: “${after.title}”`);
  if (before.severity !== after.severity) {
    out.push(`Severity ${before.severity} → ${after.severity} (${severityName(after.severity as Severity)})`);
  }
  if (before.status !== after.status) out.push(`Status: ${STATUS_LABELS[after.status]}`);
  if (before.manager !== after.manager) {
    if (!after.manager) out.push(`Incident manager removed (was ${before.manager})`);
    else out.push(before.manager ? `Incident manager: ${before.manager} → ${after.manager}` : `Incident manager: ${after.manager}`);
  }
  if (before.impact !== after.impact) out.push(after.impact.trim() ? `Impact: “${after.impact}”` : 'Impact removed');
  if (before.publicTitle !== after.publicTitle) out.push(after.publicTitle ? `Public title: “${after.publicTitle}”` : 'Public title removed');
  if (before.publicImpact !== after.publicImpact) out.push(after.publicImpact ? `Public impact: “${after.publicImpact}”` : 'Public impact removed');
  for (const [field, name] of Object.entries(TIME_FIELD_NAMES) as [keyof typeof TIME_FIELD_NAMES, string][]) {
    if (!(field in patch) || before[field] === after[field]) continue;
    const at = after[field];
    out.push(at ? `${name} time ${before[field] ? 'changed to' : 'set to'} ${formatUtc(at)}` : `${name} time removed`);
  }
  return out;
}

/** `2026-11-28 09:58:00 UTC` */
function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/**
 * When the incident's first entry (not deleted) happened, or undefined for an empty timeline:
 * what "use the earliest entry's time" sets the start to. Read by index, not the whole timeline.
 */
export async function earliestEntryAt(db: SitrepDb, incidentId: string): Promise<string | undefined> {
  const first = await db.entries
    .where('[incidentId+at]')
    .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey])
    .filter((e) => !e.deletedAt)
    .first();
  return first?.at;
}

/**
 * Erases every incident, entry, status update, held clip and screenshot, and each incident's
 * post-mortem, checklist and action items (after an export, or when handing a machine over), and
 * the copies an import replaced (kept for its undo): they are log too. The INC counter starts again
 * at INC-1, as on a new machine. The component registry, the stakeholder register and maintenances
 * stay, as they describe the service and the team, not an incident. What was published stays
 * published: the next publish keeps it as history.
 */
export async function eraseLog(db: SitrepDb): Promise<void> {
  const undo = db.table(IMPORT_UNDO_TABLE);
  const perIncident = [db.postmortems, db.checklists, db.actionItems];
  await db.transaction('rw', [db.incidents, db.entries, db.updates, db.screenshots, db.heldClips, db.meta, undo, ...perIncident], async () => {
    await Promise.all([
      ...perIncident.map((table) => table.clear()),
      db.incidents.clear(),
      db.entries.clear(),
      db.updates.clear(),
      db.screenshots.clear(),
      db.heldClips.clear(),
      undo.clear(),
      db.meta.delete(NEXT_INCIDENT_NUMBER),
    ]);
  });
}
