import type { Incident, Stakeholder, StatusUpdate, TimelineEntry } from '../../src/model';

let n = 0;
/** A fresh, valid UUID-shaped id (tests only need them distinct). */
export const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export function incidentAt(patch: Partial<Incident> = {}): Incident {
  const at = patch.createdAt ?? '2026-03-28T10:00:00.000Z';
  return {
    id: uuid(),
    key: 'INC-1',
    title: 'Checkout down',
    severity: 'SEV2',
    status: 'investigating',
    impact: '',
    publicTitle: 'Payments failing',
    publicImpact: '',
    manager: 'Ana',
    startedAt: at,
    detectedAt: at,
    createdAt: at,
    updatedAt: at,
    ...patch,
  };
}

export function updateAt(incident: Incident, at: string, patch: Partial<StatusUpdate> = {}): StatusUpdate {
  return { id: uuid(), incidentId: incident.id, status: 'investigating', body: 'Looking into it', components: [], at, author: 'Ana', updatedAt: at, ...patch };
}

export function commsAt(incident: Incident, at: string, patch: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: uuid(),
    incidentId: incident.id,
    at,
    recordedAt: at,
    author: 'Ana',
    kind: 'comms',
    text: 'Told someone',
    starred: false,
    updatedAt: at,
    ...patch,
  };
}

export function stakeholder(patch: Partial<Stakeholder> = {}): Stakeholder {
  return {
    id: uuid(),
    name: 'Management',
    power: 'high',
    interest: 'high',
    channels: ['email'],
    reach: '',
    fromSeverity: 'SEV2',
    order: 0,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...patch,
  };
}
