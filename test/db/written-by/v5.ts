/**
 * Rows exactly as schema version 5 wrote them: the version that indexes entries by incident and
 * kind (who was told, customer reports). Never edit: a later version's migration test opens a
 * database holding these and checks every row comes back valid and complete.
 */

const INCIDENT = '3d6fb5d1-5178-42ac-8c3e-9b7a5f1e2c01';

export const v5 = {
  incidents: [
    {
      id: INCIDENT,
      key: 'INC-9',
      title: 'Search p99 over 3 s',
      severity: 'SEV3',
      status: 'identified',
      impact: '',
      publicTitle: 'Slow search',
      publicImpact: '',
      manager: 'Ana',
      startedAt: '2026-11-30T09:00:00.000Z',
      detectedAt: '2026-11-30T09:00:00.000Z',
      acknowledgedAt: '2026-11-30T09:04:00.000Z',
      createdAt: '2026-11-30T09:00:00.000Z',
      updatedAt: '2026-11-30T09:10:00.000Z',
    },
  ],
  entries: [
    {
      id: '6e4f2a1b-8c3d-4e5f-9a0b-1c2d3e4f5a01',
      incidentId: INCIDENT,
      at: '2026-11-30T09:06:00.000Z',
      recordedAt: '2026-11-30T09:06:00.000Z',
      author: 'Ana',
      kind: 'comms',
      text: 'Told #incidents (Slack) about the “Identified” update',
      starred: false,
      updatedAt: '2026-11-30T09:06:00.000Z',
    },
  ],
  meta: [{ name: 'nextIncidentNumber', value: 10 }],
};
