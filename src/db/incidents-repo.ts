import {
  Incident,
  NewIncident,
  SEVERITY_DEFINITIONS,
  STATUS_LABELS,
  incidentNumber,
  toInstant,
  type IncidentKey,
  type Severity,
} from '../model';
import type { SitrepDb } from './database';
import { buildEntry } from './entries-repo';

/** The meta row holding the next INC number; it outlives deleted incidents. */
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
    | 'resolvedAt'
  >
>;

export interface Who {
  author: string;
  now?: Date;
}

/** Takes the next INC number inside the caller's transaction; numbers are never handed out twice. */
export async function takeIncidentKey(db: SitrepDb): Promise<IncidentKey> {
  const row = await db.meta.get(NEXT_INCIDENT_NUMBER);
  const next = row?.value ?? 1;
  await db.meta.put({ name: NEXT_INCIDENT_NUMBER, value: next + 1 });
  return `INC-${next}`;
}

/** Makes sure keys already in the log (e.g. from an import) are never handed out again. */
export async function reserveIncidentKey(db: SitrepDb, key: IncidentKey): Promise<void> {
  const row = await db.meta.get(NEXT_INCIDENT_NUMBER);
  const n = incidentNumber(key);
  if ((row?.value ?? 1) <= n) await db.meta.put({ name: NEXT_INCIDENT_NUMBER, value: n + 1 });
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
    await db.entries.add(
      buildEntry({ incidentId: incident.id, kind: 'change', text: `Declared ${severity}: ${title}`, author }, now),
    );
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
 * Changes an incident. Severity and status changes are written to the timeline as well, so the
 * post-mortem can tell when the response changed gear; resolving stamps resolvedAt.
 */
export async function updateIncident(
  db: SitrepDb,
  id: string,
  patch: IncidentPatch,
  { author, now = new Date() }: Who,
): Promise<Incident> {
  return db.transaction('rw', db.incidents, db.entries, async () => {
    const current = await db.incidents.get(id);
    if (!current) throw new Error(`No incident with id ${id}`);
    const valid = patchIncident(current, patch, now);
    await db.incidents.put(valid);
    const changes = describeChanges(current, valid);
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
  if (patch.status && patch.status !== current.status) {
    if (patch.status === 'resolved' && !patch.resolvedAt) next.resolvedAt = at;
    if (patch.status !== 'resolved' && !patch.resolvedAt) delete next.resolvedAt;
    if (current.status === 'investigating' && !next.acknowledgedAt) next.acknowledgedAt = at;
  }
  return Incident.parse(next);
}

function describeChanges(before: Incident, after: Incident): string[] {
  const out: string[] = [];
  if (before.severity !== after.severity) {
    out.push(`Severity ${before.severity} → ${after.severity} (${SEVERITY_DEFINITIONS[after.severity as Severity].split(':')[0]})`);
  }
  if (before.status !== after.status) out.push(`Status: ${STATUS_LABELS[after.status]}`);
  if (before.publicTitle !== after.publicTitle) out.push(after.publicTitle ? `Public title: “${after.publicTitle}”` : 'Public title removed');
  if (before.publicImpact !== after.publicImpact) out.push(after.publicImpact ? `Public impact: “${after.publicImpact}”` : 'Public impact removed');
  return out;
}

/**
 * Erases every incident, entry, status update, held clip and screenshot (after an export,
 * or when handing a machine over). The INC counter stays, so a key is still never handed out
 * twice; the component registry and maintenances stay too, as they describe the service, not an
 * incident. What was published stays published: the next publish keeps it as history.
 */
export async function eraseLog(db: SitrepDb): Promise<void> {
  await db.transaction('rw', [db.incidents, db.entries, db.updates, db.screenshots, db.heldClips], async () => {
    await Promise.all([db.incidents.clear(), db.entries.clear(), db.updates.clear(), db.screenshots.clear(), db.heldClips.clear()]);
  });
}
