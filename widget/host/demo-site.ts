import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildSite, type SiteInput } from '../../src/feed/build';
import { writeFileAtomic } from './atomic-write';

// What `npm start` shows on first start: a status site built by the same pure builder the
// extension publishes with, from a small made-up company's public record, dated around `now`
// so it looks alive (an incident resolved yesterday, a maintenance the day after tomorrow).

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Fixed ids, so a re-seeded demo names the same things. */
const API = '5e1f3c4a-0d6b-4c38-9a51-2f7e8b9c0a01';
const DASHBOARD = '5e1f3c4a-0d6b-4c38-9a51-2f7e8b9c0a02';
const WEBHOOKS = '5e1f3c4a-0d6b-4c38-9a51-2f7e8b9c0a03';
const DATABASE = '5e1f3c4a-0d6b-4c38-9a51-2f7e8b9c0a04';
const INCIDENT = '7a3d9e20-41b5-4f6c-8e2d-6c1b0a9f8e11';
const MAINTENANCE = '9c4b2e71-58a0-4d3f-b6e9-3a2c1d0f9b21';

/** The demo's public record as of `now`, for a site served at `url`. */
export function demoSiteInput(url: string, now: Date): SiteInput {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = (ms: number) => new Date(ms).toISOString();
  const yesterday = (hours: number, minutes: number) => at(today - DAY + hours * HOUR + minutes * 60_000);
  const created = at(today - 30 * DAY);
  const component = (id: string, name: string, description: string, order: number, group?: string) => ({
    id,
    name,
    description,
    order,
    status: 'operational' as const,
    updatedAt: yesterday(14, 55),
    ...(group && { group }),
  });
  const api = { id: API, name: 'API' };
  const maintenanceStart = today + 2 * DAY + 6 * HOUR;

  return {
    page: { id: 'acme-demo', name: 'Acme Cloud', url, timeZone: 'Etc/UTC' },
    components: [
      component(API, 'API', 'REST API and SDKs', 0, 'Platform'),
      component(DASHBOARD, 'Dashboard', 'The web app at app.acme.example', 1, 'Platform'),
      component(WEBHOOKS, 'Webhooks', 'Event delivery to your endpoints', 2, 'Platform'),
      component(DATABASE, 'Managed databases', 'Postgres clusters', 3),
    ],
    incidents: [
      {
        id: INCIDENT,
        name: 'Elevated API error rates',
        impact: 'minor',
        status: 'resolved',
        startedAt: yesterday(13, 58),
        updates: [
          {
            id: `${INCIDENT.slice(0, -2)}01`,
            status: 'investigating',
            body: 'Some API requests fail with HTTP 503. We are investigating.',
            at: yesterday(14, 2),
            components: [{ ...api, from: 'operational', to: 'partial_outage' }],
          },
          {
            id: `${INCIDENT.slice(0, -2)}02`,
            status: 'identified',
            body: 'A configuration change overloaded one region. We are rolling it back.',
            at: yesterday(14, 21),
            components: [{ ...api, from: 'partial_outage', to: 'degraded_performance' }],
          },
          {
            id: `${INCIDENT.slice(0, -2)}03`,
            status: 'resolved',
            body: 'The rollback is complete and error rates are back to normal. Requests that failed can be retried.',
            at: yesterday(14, 55),
            components: [{ ...api, from: 'degraded_performance', to: 'operational' }],
          },
        ],
      },
    ],
    maintenances: [
      {
        id: MAINTENANCE,
        title: 'Database upgrade',
        body: 'We are upgrading managed Postgres clusters to a new minor version. Expect a few seconds of failover per cluster.',
        componentIds: [DATABASE],
        scheduledFor: at(maintenanceStart),
        scheduledUntil: at(maintenanceStart + 2 * HOUR),
        createdAt: created,
        updatedAt: created,
      },
    ],
    historyDays: 90,
    now,
  };
}

export interface SeedDemoOptions {
  siteDir: string;
  /** The host's URL, where the site's links point. */
  url: string;
  /** Where the built widget bundles are (.output/widget); the ones missing are reported. */
  widgetDir: string;
  now?: Date;
}

const BUNDLES = ['sitrep-banner.js', 'sitrep-status.js'];

/** Writes the demo site into `siteDir`; returns the bundles it could not find. */
export async function seedDemoSite({ siteDir, url, widgetDir, now = new Date() }: SeedDemoOptions): Promise<{ missingBundles: string[] }> {
  const { files } = await buildSite(demoSiteInput(url, now));
  for (const file of files) {
    const target = join(siteDir, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, new TextEncoder().encode(file.body));
  }
  const missingBundles: string[] = [];
  for (const bundle of BUNDLES) {
    try {
      await copyFile(join(widgetDir, bundle), join(siteDir, bundle));
    } catch {
      missingBundles.push(bundle);
    }
  }
  return { missingBundles };
}
