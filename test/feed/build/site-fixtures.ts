import type { Component, Incident, Maintenance, SiteSettings, StatusUpdate } from '../../../src/model';
import type { IncidentLog, SiteTarget } from '../../../src/feed/build/select-public';

/** A fixed, valid UUID per number, so expected outputs can name records. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export const NOW = new Date('2026-03-10T15:00:00.000Z');

export const SETTINGS: SiteSettings = { pageId: 'acme-status', name: 'Acme', timeZone: 'Europe/Berlin', historyDays: 90 };
export const SITE: SiteTarget = { settings: SETTINGS, url: 'https://status.acme.example/' };

export function makeComponent(n: number, overrides: Partial<Component> = {}): Component {
  return {
    id: uuid(n),
    name: `Component ${n}`,
    description: '',
    owner: 'Platform team',
    order: n,
    public: true,
    status: 'operational',
    dashboardPatterns: [],
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function makeIncident(n: number, overrides: Partial<Incident> = {}): Incident {
  return {
    id: uuid(n),
    key: `INC-${n}`,
    title: `Internal title ${n}`,
    severity: 'SEV2',
    status: 'investigating',
    impact: '',
    publicTitle: `Public incident ${n}`,
    publicImpact: '',
    manager: 'Ana',
    startedAt: '2026-03-10T09:00:00.000Z',
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:00:00.000Z',
    ...overrides,
  };
}

let nextUpdate = 10_000;

export function makeUpdate(incidentId: string, overrides: Partial<StatusUpdate> = {}): StatusUpdate {
  const at = overrides.at ?? '2026-03-10T09:05:00.000Z';
  return {
    id: uuid(nextUpdate++),
    incidentId,
    status: 'investigating',
    body: 'We are investigating.',
    components: [],
    at,
    author: 'Ana',
    updatedAt: at,
    ...overrides,
  };
}

export function makeMaintenance(n: number, overrides: Partial<Maintenance> = {}): Maintenance {
  return {
    id: uuid(n),
    title: `Maintenance ${n}`,
    body: 'We will upgrade the database. Expect short pauses.',
    componentIds: [],
    scheduledFor: '2026-03-10T14:00:00.000Z',
    scheduledUntil: '2026-03-10T16:00:00.000Z',
    author: 'Ben',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

const API = uuid(1);
const WEB = uuid(2);
const BILLING = uuid(3);

/** A small but complete log: groups, a private component, open and resolved incidents, maintenance. */
export function sampleLog(): IncidentLog {
  const components = [
    makeComponent(1, { name: 'API', group: 'Platform', order: 0, status: 'major_outage', description: 'REST and GraphQL' }),
    makeComponent(2, { name: 'Web', group: 'Platform', order: 1 }),
    makeComponent(3, { name: 'Billing', order: 2 }),
    makeComponent(4, { name: 'Ledger DB', order: 3, public: false }),
  ];
  const resolved = makeIncident(100, { publicTitle: 'Checkout errors', severity: 'SEV3', startedAt: '2026-03-05T10:00:00.000Z' });
  const open = makeIncident(101, { publicTitle: 'API unavailable', severity: 'SEV1', startedAt: '2026-03-10T13:00:00.000Z' });
  const unpublished = makeIncident(102, { publicTitle: '' });
  const updates = [
    makeUpdate(resolved.id, {
      at: '2026-03-05T10:05:00.000Z',
      body: 'Some checkouts fail.',
      components: [{ componentId: BILLING, name: 'Billing', from: 'operational', to: 'partial_outage' }],
    }),
    makeUpdate(resolved.id, { at: '2026-03-05T11:00:00.000Z', status: 'monitoring', body: 'A fix is deployed.' }),
    makeUpdate(resolved.id, {
      at: '2026-03-05T12:00:00.000Z',
      status: 'resolved',
      body: 'Resolved.',
      components: [{ componentId: BILLING, name: 'Billing', from: 'partial_outage', to: 'operational' }],
    }),
    makeUpdate(open.id, {
      at: '2026-03-10T13:10:00.000Z',
      body: 'The API is down.',
      components: [
        { componentId: API, name: 'API', from: 'operational', to: 'major_outage' },
        { componentId: uuid(4), name: 'Ledger DB', from: 'operational', to: 'major_outage' },
      ],
    }),
    makeUpdate(unpublished.id, { body: 'Not public yet' }),
  ];
  const maintenances = [makeMaintenance(200, { title: 'Web upgrade', componentIds: [WEB, uuid(4)] })];
  return { incidents: [resolved, open, unpublished], updates, components, maintenances };
}

/** The built site as a map of path → body, for reading one file back. */
export function bodies(files: { path: string; body: string }[]): Map<string, string> {
  return new Map(files.map((f) => [f.path, f.body]));
}

/** A file's body, failing loudly when the site has no such file. */
export function fileBody(files: { path: string; body: string }[], path: string): string {
  const body = bodies(files).get(path);
  if (body === undefined) throw new Error(`The site has no ${path}; it has ${files.map((f) => f.path).join(', ')}`);
  return body;
}

export const json = (files: { path: string; body: string }[], path: string) => JSON.parse(fileBody(files, path));
