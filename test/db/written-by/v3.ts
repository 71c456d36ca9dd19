/**
 * Rows exactly as schema version 3 wrote them: the version that added publishing (public status
 * updates, maintenances, the outbox and each target's last result). Never edit: a later version's
 * migration test opens a database holding these and checks every row comes back valid and complete.
 */

const INCIDENT = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';
const COMPONENT = '6fa459ea-ee8a-4ca4-894e-db77e160355e';

export const v3 = {
  incidents: [
    {
      id: INCIDENT,
      key: 'INC-5',
      title: 'eu-west-1 checkout pods OOM after 4.12 deploy',
      severity: 'SEV1',
      status: 'monitoring',
      impact: 'All EU card payments failing',
      publicTitle: 'Card payments failing in Europe',
      publicImpact: 'Customers in Europe cannot pay by card.',
      manager: 'Ana',
      startedAt: '2026-11-29T08:00:00.000Z',
      detectedAt: '2026-11-29T08:02:00.000Z',
      acknowledgedAt: '2026-11-29T08:05:00.000Z',
      createdAt: '2026-11-29T08:03:00.000Z',
      updatedAt: '2026-11-29T09:00:00.000Z',
    },
  ],
  entries: [
    {
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      incidentId: INCIDENT,
      at: '2026-11-29T08:03:00.000Z',
      recordedAt: '2026-11-29T08:03:00.000Z',
      author: 'Ana',
      kind: 'change',
      text: 'Declared SEV1: eu-west-1 checkout pods OOM after 4.12 deploy',
      starred: false,
      updatedAt: '2026-11-29T08:03:00.000Z',
    },
    {
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae8',
      incidentId: INCIDENT,
      at: '2026-11-29T08:10:00.000Z',
      recordedAt: '2026-11-29T08:10:00.000Z',
      author: 'Ana',
      kind: 'status',
      text: 'Published “Investigating”: We are investigating failed card payments in Europe.\nCheckout API: Operational → Major outage',
      starred: false,
      updateId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
      updatedAt: '2026-11-29T08:10:00.000Z',
    },
  ],
  meta: [{ name: 'nextIncidentNumber', value: 6 }],
  components: [
    {
      id: COMPONENT,
      name: 'Checkout API',
      description: 'Card and wallet payments',
      owner: 'Payments team',
      escalation: { name: 'Payments on-call', reach: 'https://oncall.example.com/schedules/payments' },
      group: 'API',
      order: 0,
      public: true,
      status: 'major_outage',
      dashboardPatterns: ['https://grafana.example.com/d/abc'],
      updatedAt: '2026-11-29T08:10:00.000Z',
    },
  ],
  screenshots: [],
  heldClips: [],
  updates: [
    {
      id: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
      incidentId: INCIDENT,
      status: 'investigating',
      body: 'We are investigating failed card payments in Europe.',
      components: [{ componentId: COMPONENT, name: 'Checkout API', from: 'operational', to: 'major_outage' }],
      at: '2026-11-29T08:10:00.000Z',
      author: 'Ana',
      updatedAt: '2026-11-29T08:10:00.000Z',
    },
  ],
  maintenances: [
    {
      id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      title: 'Database upgrade',
      body: 'Checkout may be slow for a few minutes.',
      componentIds: [COMPONENT],
      scheduledFor: '2026-12-02T02:00:00.000Z',
      scheduledUntil: '2026-12-02T03:00:00.000Z',
      author: 'Ben',
      createdAt: '2026-11-29T10:00:00.000Z',
      updatedAt: '2026-11-29T10:00:00.000Z',
    },
  ],
  outbox: [
    {
      id: 'publish:host',
      kind: 'publish',
      targetId: 'host',
      requestedAt: '2026-11-29T08:10:00.000Z',
      dueAt: '2026-11-29T08:11:00.000Z',
      attempts: 2,
    },
  ],
  publishResults: [
    {
      targetId: 'host',
      state: 'retrying',
      at: '2026-11-29T08:10:30.000Z',
      message: 'Host unreachable',
      nextAttemptAt: '2026-11-29T08:11:00.000Z',
      publishedAt: '2026-11-29T08:00:00.000Z',
      written: { 'api/v2/summary.json': 'b1946ac92492d2347c6235b4d2611184' },
      stateEtag: '"abc123"',
    },
  ],
};
