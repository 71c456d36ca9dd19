import { beforeEach, describe, expect, it } from 'vitest';
import {
  addEntry,
  declareIncident,
  deleteEntry,
  describeChanges,
  earliestEntryAt,
  editEntry,
  listEntries,
  updateIncident,
  type IncidentPatch,
  type SitrepDb,
} from '../../src/db';
import type { Incident } from '../../src/model';
import { freshDb } from './fresh-db';

const T0 = new Date('2026-11-28T09:00:00.000Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
let db: SitrepDb;

beforeEach(() => {
  db = freshDb();
});

const declared = () => declareIncident(db, { title: 'Checkout errors', severity: 'SEV2' }, { author: 'Ana', now: T0 });

/** The text of the incident's change entries after the declaration, oldest first. */
async function changesLogged(incidentId: string): Promise<string[]> {
  return (await listEntries(db, incidentId))
    .filter((e) => e.kind === 'change')
    .slice(1)
    .map((e) => e.text);
}

describe('updateIncident logs every field change', () => {
  it.each<[string, IncidentPatch, string]>([
    ['a handover', { manager: 'Bo' }, 'Incident manager: Ana → Bo'],
    ['the manager removed', { manager: '' }, 'Incident manager removed (was Ana)'],
    ['the impact', { impact: 'EU card payments fail' }, 'Impact: “EU card payments fail”'],
    ['the title', { title: 'Card payments failing' }, 'Title: “Card payments failing”'],
    ['the public title', { publicTitle: 'Payments degraded' }, 'Public title: “Payments degraded”'],
    ['the public impact', { publicImpact: 'Some payments fail' }, 'Public impact: “Some payments fail”'],
    ['the severity', { severity: 'SEV1' }, 'Severity SEV2 → SEV1 (Critical)'],
    ['the status', { status: 'identified' }, 'Status: Identified'],
    ['the start', { startedAt: '2026-11-28T08:58:00.000Z' }, 'Start time changed to 2026-11-28 08:58:00 UTC'],
    ['the detection', { detectedAt: '2026-11-28T08:59:30.000Z' }, 'Detection time changed to 2026-11-28 08:59:30 UTC'],
    ['the acknowledgement', { acknowledgedAt: '2026-11-28T09:03:00.000Z' }, 'Acknowledgement time set to 2026-11-28 09:03:00 UTC'],
    ['the detection cleared', { detectedAt: undefined }, 'Detection time removed'],
  ])('%s', async (_name, patch, logged) => {
    const incident = await declared();
    await updateIncident(db, incident.id, patch, { author: 'Ana', now: at(5) });
    const entries = (await listEntries(db, incident.id)).filter((e) => e.kind === 'change');
    expect(entries.at(-1)).toMatchObject({ text: logged, author: 'Ana', at: at(5).toISOString() });
    expect(entries).toHaveLength(2);
  });

  it('logs nothing when nothing changed', async () => {
    const incident = await declared();
    await updateIncident(db, incident.id, { manager: 'Ana', impact: '', startedAt: T0.toISOString() }, { author: 'Ana', now: at(5) });
    expect(await changesLogged(incident.id)).toEqual([]);
  });

  it('does not repeat the times a status change stamps by itself', async () => {
    const incident = await declared();
    await updateIncident(db, incident.id, { status: 'identified' }, { author: 'Ana', now: at(5) });
    await updateIncident(db, incident.id, { status: 'resolved' }, { author: 'Ana', now: at(9) });
    expect(await changesLogged(incident.id)).toEqual(['Status: Identified', 'Status: Resolved']);
  });

  it('keeps a handover on the record with its time, several at once in one entry', async () => {
    const incident = await declared();
    await updateIncident(db, incident.id, { manager: 'Bo', impact: 'EU only' }, { author: 'Bo', now: at(30) });
    const [entry] = (await listEntries(db, incident.id)).filter((e) => e.kind === 'change').slice(1);
    expect(entry).toMatchObject({ text: 'Incident manager: Ana → Bo · Impact: “EU only”', author: 'Bo', at: at(30).toISOString() });
  });

  it('stores a cleared time as absent, not as undefined', async () => {
    const incident = await declared();
    const saved = await updateIncident(db, incident.id, { detectedAt: undefined }, { author: 'Ana', now: at(1) });
    expect('detectedAt' in saved).toBe(false);
    expect('detectedAt' in (await db.incidents.get(incident.id))!).toBe(false);
  });
});

describe('describeChanges', () => {
  const base: Incident = {
    id: '0b5e7a3e-4a8e-4b7e-9a53-3f1f7a0c1d2e',
    key: 'INC-1',
    title: 'x',
    severity: 'SEV3',
    status: 'investigating',
    impact: '',
    publicTitle: '',
    publicImpact: '',
    manager: '',
    startedAt: T0.toISOString(),
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
  };
  it('names a first manager without an arrow', () => {
    expect(describeChanges(base, { ...base, manager: 'Bo' })).toEqual(['Incident manager: Bo']);
  });
  it('leaves out times not in the patch', () => {
    expect(describeChanges(base, { ...base, acknowledgedAt: at(3).toISOString() }, {})).toEqual([]);
  });
});

describe('earliestEntryAt', () => {
  it('is the first entry in time, skipping deleted ones and other incidents', async () => {
    const incident = await declared();
    const other = await declareIncident(db, { title: 'Other', severity: 'SEV4' }, { author: 'Ana', now: at(-60) });
    await addEntry(db, { incidentId: other.id, kind: 'note', text: 'elsewhere', author: '' }, at(-90));
    const gone = await addEntry(db, { incidentId: incident.id, kind: 'note', text: 'typo', author: '' }, at(1));
    await editEntry(db, gone.id, { at: at(-20).toISOString() });
    await deleteEntry(db, gone.id);
    const alert = await addEntry(db, { incidentId: incident.id, kind: 'alert', text: 'fired', author: '' }, at(2));
    await editEntry(db, alert.id, { at: at(-12).toISOString() });
    expect(await earliestEntryAt(db, incident.id)).toBe(at(-12).toISOString());
  });

  it('is undefined for an incident without entries', async () => {
    expect(await earliestEntryAt(db, '0b5e7a3e-4a8e-4b7e-9a53-3f1f7a0c1d2e')).toBeUndefined();
  });
});
