/**
 * Rows exactly as schema version 4 wrote them: the version that keeps the copies the last import
 * replaced, so it can be undone (the `importUndo` table). Never edit: a later version's migration
 * test opens a database holding these and checks every row comes back valid and complete.
 */

const INCIDENT = '2c5ea4c0-4067-41fb-9b2d-8a6f4e0d1b01';
const IMPORTED = '2c5ea4c0-4067-41fb-9b2d-8a6f4e0d1b02';
const NOTE = '5d3e1f7a-9b2c-4d8e-a1f0-3c4b5a6d7e01';

const note = {
  id: NOTE,
  incidentId: INCIDENT,
  at: '2026-11-30T08:05:00.000Z',
  recordedAt: '2026-11-30T08:05:00.000Z',
  author: 'Ana',
  kind: 'note',
  text: 'Paged the payments on-call',
  starred: false,
  updatedAt: '2026-11-30T08:05:00.000Z',
};

export const v4 = {
  incidents: [
    {
      id: INCIDENT,
      key: 'INC-7',
      title: 'Checkout latency in eu-west-1',
      severity: 'SEV2',
      status: 'identified',
      impact: 'Slow card payments in Europe',
      publicTitle: 'Slow payments in Europe',
      publicImpact: '',
      manager: 'Ana',
      startedAt: '2026-11-30T08:00:00.000Z',
      acknowledgedAt: '2026-11-30T08:04:00.000Z',
      createdAt: '2026-11-30T08:01:00.000Z',
      updatedAt: '2026-11-30T08:20:00.000Z',
    },
    {
      id: IMPORTED,
      key: 'INC-8',
      title: 'Imported from a colleague',
      severity: 'SEV3',
      status: 'investigating',
      impact: '',
      publicTitle: '',
      publicImpact: '',
      manager: 'Bo',
      startedAt: '2026-11-30T07:00:00.000Z',
      createdAt: '2026-11-30T07:00:00.000Z',
      updatedAt: '2026-11-30T07:00:00.000Z',
    },
  ],
  entries: [{ ...note, text: 'Paged the payments on-call (Bo answered)', updatedAt: '2026-11-30T08:30:00.000Z' }],
  meta: [{ name: 'nextIncidentNumber', value: 9 }],
  components: [],
  screenshots: [],
  heldClips: [],
  updates: [],
  maintenances: [],
  outbox: [],
  publishResults: [],
  importUndo: [
    {
      id: 'last-import',
      importedAt: '2026-11-30T09:00:00.000Z',
      fileName: 'sitrep-backup-2026-11-30T08-59-00Z.json',
      counterBefore: 8,
      counterAfter: 9,
      written: [
        { table: 'incidents', id: IMPORTED, action: 'add', label: 'INC-8 “Imported from a colleague”', updatedAt: '2026-11-30T07:00:00.000Z' },
        {
          table: 'entries',
          id: NOTE,
          action: 'replace',
          label: 'note “Paged the payments on-call (Bo answered)” on INC-7',
          updatedAt: '2026-11-30T08:30:00.000Z',
        },
      ],
      replaced: { incidents: [], entries: [note], components: [], updates: [], maintenances: [] },
    },
  ],
};
