/**
 * Rows exactly as schema version 2 wrote them: the version that added clips, the component
 * registry, screenshots (Blobs) and held clips. Never edit: a later version's migration test
 * opens a database holding these and checks every row comes back valid and complete.
 */

/** Decodes base64 so the pictures below are real image files, written out in full. */
function bytes(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

// A 1×1 PNG and a 1×1 GIF: the smallest real pictures, so a byte-for-byte check means something.
const PNG_1X1 = bytes('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==');
const GIF_1X1 = bytes('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==');

const INCIDENT = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const COMPONENT = '9b2d3c4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const SCREENSHOT = 'c56a4180-65aa-42ec-a945-5fd21dec0538';

export const v2 = {
  incidents: [
    {
      id: INCIDENT,
      key: 'INC-3',
      title: 'Checkout latency over 2 s',
      severity: 'SEV2',
      status: 'identified',
      impact: 'Slow card payments in the EU',
      manager: 'Ana',
      startedAt: '2026-11-28T00:15:00.000Z',
      detectedAt: '2026-11-28T00:15:00.000Z',
      acknowledgedAt: '2026-11-28T00:18:00.000Z',
      createdAt: '2026-11-28T00:15:00.000Z',
      updatedAt: '2026-11-28T00:40:00.000Z',
    },
  ],
  entries: [
    {
      id: 'a3bb189e-8bf9-4888-9912-ace4e6543002',
      incidentId: INCIDENT,
      at: '2026-11-28T00:20:00.000Z',
      recordedAt: '2026-11-28T00:20:00.000Z',
      author: 'Ana',
      kind: 'clip',
      text: 'p99 latency 2.4 s on checkout-api',
      sourceUrl: 'https://grafana.example.com/d/abc/checkout?orgId=1&from=1795821600000&to=1795825200000&viewPanel=4',
      starred: true,
      clip: {
        tool: 'grafana',
        pageUrl: 'https://grafana.example.com/d/abc/checkout?orgId=1&from=now-1h&to=now&viewPanel=4',
        pageTitle: 'Checkout - Dashboards - Grafana',
        frozenUrl: 'https://grafana.example.com/d/abc/checkout?orgId=1&from=1795821600000&to=1795825200000&viewPanel=4',
        range: { from: '2026-11-27T23:20:00.000Z', to: '2026-11-28T00:20:00.000Z', relative: true },
        panel: '4',
        panelTitle: 'p99 latency',
        dashboardTitle: 'Checkout',
        screenshotId: SCREENSHOT,
        componentIds: [COMPONENT],
      },
      updatedAt: '2026-11-28T00:20:00.000Z',
    },
    {
      id: 'a3bb189e-8bf9-4888-9912-ace4e6543003',
      incidentId: INCIDENT,
      at: '2026-11-28T00:25:00.000Z',
      recordedAt: '2026-11-28T00:25:00.000Z',
      author: 'Ben',
      kind: 'clip',
      text: 'Extensions',
      starred: false,
      clip: {
        tool: 'generic',
        pageUrl: 'chrome://extensions/',
        pageTitle: 'Extensions',
        componentIds: [],
        notice: 'This page does not allow extensions to read it, so only its address was clipped.',
      },
      updatedAt: '2026-11-28T00:25:00.000Z',
    },
  ],
  meta: [{ name: 'nextIncidentNumber', value: 4 }],
  components: [
    {
      id: COMPONENT,
      name: 'Checkout API',
      owner: 'Payments team',
      group: 'API',
      dashboardPatterns: ['https://grafana.example.com/d/abc', '*/d/payments-*'],
      updatedAt: '2026-11-20T10:00:00.000Z',
    },
  ],
  screenshots: [
    {
      id: SCREENSHOT,
      incidentId: INCIDENT,
      image: new Blob([PNG_1X1], { type: 'image/png' }),
      thumbnail: new Blob([GIF_1X1], { type: 'image/gif' }),
      width: 1,
      height: 1,
      takenAt: '2026-11-28T00:20:00.000Z',
    },
  ],
  heldClips: [
    {
      id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
      takenAt: '2026-11-28T02:00:00.000Z',
      author: 'Ana',
      draft: {
        text: 'error rate back under 0.1%',
        sourceUrl: 'https://kibana.example.com/app/discover#/?_g=(time:(from:%272026-11-28T01:00:00.000Z%27,to:%272026-11-28T02:00:00.000Z%27))',
        clip: {
          tool: 'kibana',
          pageUrl: 'https://kibana.example.com/app/discover#/?_g=(time:(from:now-1h,to:now))',
          pageTitle: 'Discover - Elastic',
          frozenUrl: 'https://kibana.example.com/app/discover#/?_g=(time:(from:%272026-11-28T01:00:00.000Z%27,to:%272026-11-28T02:00:00.000Z%27))',
          range: { from: '2026-11-28T01:00:00.000Z', to: '2026-11-28T02:00:00.000Z', relative: true },
          componentIds: [],
        },
      },
      screenshot: {
        image: new Blob([PNG_1X1], { type: 'image/png' }),
        thumbnail: new Blob([PNG_1X1], { type: 'image/png' }),
        width: 1,
        height: 1,
      },
    },
  ],
};
