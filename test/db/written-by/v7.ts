/**
 * Rows exactly as schema version 7 wrote them: the version that indexes entries by the words of
 * their text. A v7 row carries `terms` on disk (the search index reads it); reading drops it.
 * Never edit: a later version's migration test opens a database holding these.
 */

const INCIDENT = '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a07';

export const v7 = {
  incidents: [
    {
      id: INCIDENT,
      key: 'INC-20',
      title: 'Login latency',
      severity: 'SEV3',
      status: 'investigating',
      impact: '',
      publicTitle: '',
      publicImpact: '',
      manager: 'Bo',
      startedAt: '2026-11-30T12:00:00.000Z',
      createdAt: '2026-11-30T12:00:00.000Z',
      updatedAt: '2026-11-30T12:00:00.000Z',
    },
  ],
  entries: [
    {
      id: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c07',
      incidentId: INCIDENT,
      at: '2026-11-30T12:03:00.000Z',
      recordedAt: '2026-11-30T12:03:00.000Z',
      author: 'Bo',
      kind: 'note',
      text: 'Redis failover in eu-west-1',
      starred: true,
      updatedAt: '2026-11-30T12:03:00.000Z',
      terms: ['redis', 'failover', 'in', 'eu', 'west', '1'],
    },
  ],
  meta: [{ name: 'nextIncidentNumber', value: 21 }],
};
