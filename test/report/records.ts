import type { Incident, TimelineEntry } from '../../src/model';

/** A fixed, valid UUID per number, so expected outputs can name records. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: uuid(1),
    key: 'INC-1',
    title: 'Checkout errors after deploy',
    severity: 'SEV2',
    status: 'investigating',
    impact: '',
    manager: 'Ana',
    startedAt: '2026-11-28T09:00:00.000Z',
    createdAt: '2026-11-28T09:00:00.000Z',
    updatedAt: '2026-11-28T09:00:00.000Z',
    ...overrides,
  };
}

let nextEntry = 1000;

export function makeEntry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  const at = overrides.at ?? '2026-11-28T09:10:00.000Z';
  return {
    id: uuid(nextEntry++),
    incidentId: uuid(1),
    at,
    recordedAt: at,
    author: 'Ana',
    kind: 'note',
    text: 'A note',
    starred: false,
    updatedAt: at,
    ...overrides,
  };
}
