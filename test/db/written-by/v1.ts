/**
 * Rows exactly as schema version 1 wrote them. Never edit: a later version's migration test
 * opens a database holding these and checks every row comes back valid and complete.
 */
export const v1 = {
  incidents: [
    {
      id: '0b7f2a4e-8f0c-4a7e-9a51-3c1d2b9e6f10',
      key: 'INC-1',
      title: 'Checkout returns 502',
      severity: 'SEV2',
      status: 'monitoring',
      impact: 'Card payments fail for EU customers',
      manager: 'Ana',
      startedAt: '2026-11-27T23:55:00.000Z',
      detectedAt: '2026-11-27T23:58:00.000Z',
      acknowledgedAt: '2026-11-28T00:01:00.000Z',
      createdAt: '2026-11-28T00:00:00.000Z',
      updatedAt: '2026-11-28T01:00:00.000Z',
    },
  ],
  entries: [
    {
      id: '5f1c0d2e-1111-4a7e-9a51-3c1d2b9e6f10',
      incidentId: '0b7f2a4e-8f0c-4a7e-9a51-3c1d2b9e6f10',
      at: '2026-11-27T23:58:00.000Z',
      recordedAt: '2026-11-28T00:00:05.000Z',
      author: 'Ana',
      kind: 'alert',
      text: 'PagerDuty: checkout 5xx > 5%',
      sourceUrl: 'https://grafana.example.com/d/abc/checkout?from=1764287400000&to=1764291000000',
      starred: true,
      updatedAt: '2026-11-28T00:00:05.000Z',
    },
    {
      id: '5f1c0d2e-2222-4a7e-9a51-3c1d2b9e6f10',
      incidentId: '0b7f2a4e-8f0c-4a7e-9a51-3c1d2b9e6f10',
      at: '2026-11-28T00:10:00.000Z',
      recordedAt: '2026-11-28T00:10:00.000Z',
      author: 'Ben',
      kind: 'note',
      text: 'Rolled back deploy 4812',
      starred: false,
      deletedAt: '2026-11-28T00:12:00.000Z',
      updatedAt: '2026-11-28T00:12:00.000Z',
    },
  ],
  meta: [{ name: 'nextIncidentNumber', value: 2 }],
};
