import type { SitrepDb } from '../../src/db';
import { bytesToBase64 } from '../../src/report/base64';

/** A fixed, valid UUID per number, so a hostile file can name (and reuse) local ids. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export const at = (hhmm: string) => new Date(`2026-11-28T${hhmm}:00.000Z`);

/** The first bytes of each raster type Sitrep accepts, then filler that is not text. */
const MAGIC: Record<string, number[]> = {
  'image/webp': [...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WEBPVP8 ')],
  'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/gif': [...ascii('GIF89a')],
};

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** Bytes that really are (the start of) a picture of `type`. */
export function rasterBytes(type: keyof typeof MAGIC | string, length = 64, seed = 1): Uint8Array<ArrayBuffer> {
  const head = MAGIC[type] ?? [];
  const bytes = new Uint8Array(Math.max(length, head.length));
  bytes.set(head);
  for (let i = head.length; i < bytes.length; i++) bytes[i] = (i * 31 + seed * 7) & 0xff;
  return bytes;
}

export const SVG_TEXT = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>alert(1)</script></svg>';
export const svgBytes = () => new TextEncoder().encode(SVG_TEXT);
export const base64 = (bytes: Uint8Array) => bytesToBase64(bytes);

/** A version 3 backup document with one of everything, ids from `uuid(n)`; edit it as raw JSON. */
export function hostileBaseDoc(exportedAt = '2026-11-28T12:00:00.000Z') {
  const incident = {
    id: uuid(1),
    key: 'INC-1',
    title: 'Checkout errors',
    severity: 'SEV2',
    status: 'investigating',
    impact: '',
    publicTitle: 'Checkout errors',
    publicImpact: '',
    manager: 'Ana',
    startedAt: '2026-11-28T09:00:00.000Z',
    createdAt: '2026-11-28T09:00:00.000Z',
    updatedAt: '2026-11-28T09:00:00.000Z',
  };
  return {
    format: 'sitrep-backup',
    version: 3,
    exportedAt,
    incidents: [incident],
    entries: [
      {
        id: uuid(11),
        incidentId: uuid(1),
        at: '2026-11-28T09:05:00.000Z',
        recordedAt: '2026-11-28T09:05:00.000Z',
        author: 'Ana',
        kind: 'note',
        text: 'Paged Bo',
        starred: false,
        updatedAt: '2026-11-28T09:05:00.000Z',
      },
    ],
    components: [
      {
        id: uuid(500),
        name: 'Checkout API',
        description: '',
        owner: 'Payments',
        order: 0,
        public: true,
        status: 'operational',
        dashboardPatterns: [],
        updatedAt: '2026-11-28T08:00:00.000Z',
      },
    ],
    heldClips: [] as Record<string, unknown>[],
    updates: [
      {
        id: uuid(800),
        incidentId: uuid(1),
        status: 'investigating',
        body: 'We are looking into failed payments.',
        components: [],
        at: '2026-11-28T09:10:00.000Z',
        author: 'Ana',
        updatedAt: '2026-11-28T09:10:00.000Z',
      },
    ],
    maintenances: [
      {
        id: uuid(900),
        title: 'Database upgrade',
        body: 'Checkout may be slow.',
        componentIds: [uuid(500)],
        scheduledFor: '2026-12-02T02:00:00.000Z',
        scheduledUntil: '2026-12-02T03:00:00.000Z',
        author: 'Ben',
        createdAt: '2026-11-28T08:30:00.000Z',
        updatedAt: '2026-11-28T08:30:00.000Z',
      },
    ],
    screenshots: [] as Record<string, unknown>[],
  };
}

/** A screenshot row of the base document's incident, pictures as given. */
export function screenshotRow(id: number, image: { type: string; bytes: Uint8Array }, thumbnail = image) {
  return {
    id: uuid(id),
    incidentId: uuid(1),
    imageType: image.type,
    image: base64(image.bytes),
    thumbnailType: thumbnail.type,
    thumbnail: base64(thumbnail.bytes),
    width: 2,
    height: 1,
    takenAt: '2026-11-28T09:06:00.000Z',
  };
}

async function bytesOf(blob: Blob) {
  return { type: blob.type, bytes: [...new Uint8Array(await blob.arrayBuffer())] };
}

/**
 * Every table a backup or an import touches, in a stable order, pictures as their bytes, plus
 * the key counter: what "the log is unchanged" compares.
 */
export async function snapshotLog(db: SitrepDb) {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const screenshots = await Promise.all(
    byId(await db.screenshots.toArray()).map(async (s) => ({ ...s, image: await bytesOf(s.image), thumbnail: await bytesOf(s.thumbnail) })),
  );
  const heldClips = await Promise.all(
    byId(await db.heldClips.toArray()).map(async ({ screenshot, ...rest }) => ({
      ...rest,
      ...(screenshot && { screenshot: { ...screenshot, image: await bytesOf(screenshot.image), thumbnail: await bytesOf(screenshot.thumbnail) } }),
    })),
  );
  return {
    incidents: byId(await db.incidents.toArray()),
    entries: byId(await db.entries.toArray()),
    components: byId(await db.components.toArray()),
    updates: byId(await db.updates.toArray()),
    maintenances: byId(await db.maintenances.toArray()),
    meta: await db.meta.toArray(),
    screenshots,
    heldClips,
  };
}

/** What an error says, as the UI would show it. */
export async function errorOf(attempt: Promise<unknown>): Promise<Error> {
  try {
    await attempt;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

/** One sentence: no line breaks, no schema dump (JSON brackets, zod's "expected"/"code" keys), ends with a full stop. */
export function expectOneSentence(message: string): void {
  if (/\n/.test(message)) throw new Error(`More than one line: ${message}`);
  if (/[[{]\s*"|"code"\s*:|"path"\s*:/.test(message)) throw new Error(`Looks like a schema dump: ${message}`);
  if (!/[.!?]$/.test(message)) throw new Error(`Not a finished sentence: ${message}`);
}
