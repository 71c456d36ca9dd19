import type { Component, HeldClip, Incident, Screenshot, TimelineEntry } from '../../src/model';

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
    publicTitle: '',
    publicImpact: '',
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

export function makeComponent(overrides: Partial<Component> = {}): Component {
  return {
    id: uuid(500),
    name: 'Checkout API',
    description: '',
    owner: 'Payments team',
    order: 0,
    public: true,
    status: 'operational',
    dashboardPatterns: ['https://grafana.example.com/d/abc'],
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

/** Bytes that are not text and not all alike, so an encoding slip shows. */
export function pictureBytes(length: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed * 7) & 0xff;
  return bytes;
}

const MAGIC: Record<'image/webp' | 'image/jpeg' | 'image/png' | 'image/gif', number[]> = {
  'image/webp': [0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
  'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/gif': [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
};

/** pictureBytes that begin as a picture of `type` must (its magic number): what the import accepts. */
export function rasterBytes(type: keyof typeof MAGIC, length: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = pictureBytes(length, seed);
  bytes.set(MAGIC[type]);
  return bytes;
}

export function makeScreenshot(overrides: Partial<Screenshot> = {}): Screenshot {
  return {
    id: uuid(600),
    incidentId: uuid(1),
    image: new Blob([rasterBytes('image/webp', 3000, 1)], { type: 'image/webp' }),
    thumbnail: new Blob([rasterBytes('image/jpeg', 300, 2)], { type: 'image/jpeg' }),
    width: 1280,
    height: 800,
    takenAt: '2026-11-28T09:12:00.000Z',
    ...overrides,
  };
}

export function makeHeldClip(overrides: Partial<HeldClip> = {}): HeldClip {
  return {
    id: uuid(700),
    takenAt: '2026-11-28T08:55:00.000Z',
    author: 'Bo',
    draft: {
      text: 'Queue depth climbing',
      sourceUrl: 'https://grafana.example.com/d/q/queues?from=1795856400000&to=1795860000000',
      clip: {
        tool: 'grafana',
        pageUrl: 'https://grafana.example.com/d/q/queues?from=now-1h&to=now',
        pageTitle: 'Queues - Grafana',
        frozenUrl: 'https://grafana.example.com/d/q/queues?from=1795856400000&to=1795860000000',
        componentIds: [],
      },
    },
    ...overrides,
  };
}

/** A Blob's type and bytes: `toEqual` on two Blobs passes whatever they hold. */
export async function blobContents(blob: Blob): Promise<{ type: string; bytes: number[] }> {
  return { type: blob.type, bytes: [...new Uint8Array(await blob.arrayBuffer())] };
}

/** The counts (components, screenshots, held clips) a log of incidents and entries alone leaves at zero. */
export const noClipData = {
  componentsAdded: 0,
  componentsUpdated: 0,
  updatesAdded: 0,
  updatesUpdated: 0,
  maintenancesAdded: 0,
  maintenancesUpdated: 0,
  postmortemsAdded: 0,
  postmortemsUpdated: 0,
  checklistsAdded: 0,
  checklistsUpdated: 0,
  actionItemsAdded: 0,
  actionItemsUpdated: 0,
  stakeholdersAdded: 0,
  stakeholdersUpdated: 0,
  deleted: 0,
  screenshotsAdded: 0,
  heldClipsAdded: 0,
};
