/**
 * Rows exactly as schema version 6 wrote them: the version of the incident manager's process
 * (post-mortems, checklists, stakeholders, action items). Never edit: a later version's migration
 * test opens a database holding these and checks every row comes back valid and complete.
 */

const INCIDENT = '7a1c3e5f-2b4d-4f6a-8c0e-1a2b3c4d5e06';

export const v6 = {
  incidents: [
    {
      id: INCIDENT,
      key: 'INC-12',
      title: 'Checkout 502s after deploy',
      severity: 'SEV2',
      status: 'resolved',
      impact: 'Card payments failed for EU customers',
      publicTitle: 'Payments failing',
      publicImpact: 'Some card payments failed',
      manager: 'Ana',
      startedAt: '2026-11-29T22:40:00.000Z',
      detectedAt: '2026-11-29T22:45:00.000Z',
      acknowledgedAt: '2026-11-29T22:48:00.000Z',
      mitigatedAt: '2026-11-29T23:20:00.000Z',
      resolvedAt: '2026-11-30T01:05:00.000Z',
      createdAt: '2026-11-29T22:46:00.000Z',
      updatedAt: '2026-11-30T01:05:00.000Z',
    },
  ],
  postmortems: [
    {
      incidentId: INCIDENT,
      status: 'in-review',
      authors: ['Ana', 'Bo'],
      timeline: 'starred',
      sections: {
        summary: 'A config push broke TLS to the card processor.',
        impact: '12% of EU card payments failed for 40 minutes.',
        rootCause: 'The push replaced the CA bundle.',
        trigger: 'Deploy 4812.',
        detection: 'Checkout error-rate alert.',
        resolution: 'Rolled back the config (hotfix).',
        longTermFix: 'Validate CA bundles in CI.',
        wentWell: 'Rollback took 5 minutes.',
        wentWrong: 'The alert fired 5 minutes late.',
        lucky: 'It happened at night.',
      },
      public: {
        opening: 'We are sorry: some card payments failed.',
        whatHappened: 'A configuration change broke our connection to the card processor.',
        whatWeDid: 'We rolled it back and now test such changes before they ship.',
        closing: 'We apologise again to everyone affected.',
        publishedAt: '2026-11-30T09:00:00.000Z',
        published: {
          opening: 'We are sorry: some card payments failed.',
          whatHappened: 'A configuration change broke our connection to the card processor.',
          whatWeDid: 'We rolled it back and now test such changes before they ship.',
          closing: 'We apologise to everyone affected.',
        },
      },
      createdAt: '2026-11-30T08:00:00.000Z',
      updatedAt: '2026-11-30T09:00:00.000Z',
    },
  ],
  checklists: [
    {
      incidentId: INCIDENT,
      ticks: [{ step: 'internal-email', at: '2026-11-29T22:55:00.000Z', by: 'Ana', note: 'Sent from Gmail' }],
      updatedAt: '2026-11-29T22:55:00.000Z',
    },
  ],
  stakeholders: [
    {
      id: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d06',
      name: 'Executives',
      power: 'high',
      interest: 'high',
      channels: ['email'],
      reach: 'exec@example.com',
      fromSeverity: 'SEV1',
      order: 0,
      updatedAt: '2026-11-01T00:00:00.000Z',
    },
  ],
  actionItems: [
    {
      id: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e06',
      incidentId: INCIDENT,
      text: 'Validate CA bundles in CI',
      kind: 'tech-debt',
      owner: 'Bo',
      due: '2026-12-14',
      status: 'open',
      ticketUrl: 'https://jira.example.com/browse/PAY-77',
      createdAt: '2026-11-30T08:30:00.000Z',
      updatedAt: '2026-11-30T08:30:00.000Z',
    },
  ],
  meta: [{ name: 'nextIncidentNumber', value: 13 }],
};
