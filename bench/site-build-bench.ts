/**
 * buildSite() for a busy site: 500 incidents of 10 updates each (with component changes), 20
 * maintenances and 12 components in 3 groups, all within the 90-day window, merged with the
 * site's previous state. The bounded figure is the publish the product runs: one new status
 * update, a minute after the last publish, in a process that made that publish (buildSite keeps
 * what it wrote and rebuilds only what changed). Prints its median beside the median time to
 * `JSON.stringify` the same SiteInput once (goal: at most 3×); a build with nothing kept (a fresh
 * service worker's first publish) for information; and the bytes of every file, raw and gzipped.
 * Exits non-zero when the ratio is above 3.
 *
 *   npx vite-node bench/site-build-bench.ts
 *   JITLESS=1 npx vite-node bench/site-build-bench.ts   # zod as in the extension's service worker
 *   npx vite-node bench/site-build-bench.ts -- --json   # also a last line `BENCH_JSON {…}` for bench/run.ts
 *
 * JITLESS: zod compiles object parsers with `new Function`, which the extension's CSP forbids, so
 * in the service worker it validates without; this measures that.
 */
import { gzipSync } from 'node:zlib';
import * as z from 'zod';
import type { SiteBuild } from '../src/feed/build/build-site.ts';
import type { IncidentLog } from '../src/feed/build/select-public.ts';
import type { SiteState } from '../src/feed/schema.ts';
import type { Component, ComponentStatus, Incident, IncidentStatus, Maintenance, Severity, StatusUpdate } from '../src/model/index.ts';
import { seededRandom } from './seeded-random.ts';

// Before any schema is built: zod decides per schema, when it is created, whether it may compile.
const jitless = !!process.env.JITLESS;
if (jitless) z.config({ jitless: true });
const { buildSite } = await import('../src/feed/build/build-site.ts');
const { SiteBuildMemo } = await import('../src/feed/build/event-memo.ts');
const { selectPublic } = await import('../src/feed/build/select-public.ts');

const INCIDENTS = 500;
const UPDATES = 10;
const RUNS = 15;
const GOAL = 3;
const NOW = new Date('2026-11-28T09:10:00.000Z');
const DAY = 86_400_000;

const rnd = seededRandom(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString();

const SENTENCES = [
  'We are investigating reports of elevated error rates for some customers.',
  'The issue has been identified: a configuration change to the load balancers reduced capacity in one region.',
  'A fix has been deployed and we are monitoring the results. Some requests may still be slower than usual.',
  'Payments made during the incident were not charged twice; see https://status.example.com/faq for details.',
  'Customers using the EU region may see timeouts when uploading files larger than 100 MB.',
  'We have rolled back the release and error rates are returning to normal levels.',
];
const GROUPS = ['API', 'Web', 'Data'];
const components: Component[] = Array.from({ length: 12 }, (_, i) => ({
  id: uuid(i + 1),
  name: `${GROUPS[i % 3]} service ${i + 1}`,
  description: i % 2 ? 'Serves requests for our customers in every region.' : '',
  owner: 'Team',
  group: GROUPS[i % 3],
  order: i,
  public: i !== 11,
  status: 'operational',
  dashboardPatterns: [],
  updatedAt: iso(NOW.getTime() - 200 * DAY),
}));

const incidents: Incident[] = [];
const updates: StatusUpdate[] = [];
const FLOW: IncidentStatus[] = [
  'investigating',
  'identified',
  'identified',
  'monitoring',
  'monitoring',
  'monitoring',
  'monitoring',
  'monitoring',
  'monitoring',
  'resolved',
];
const BAD: ComponentStatus[] = ['degraded_performance', 'partial_outage', 'major_outage'];
for (let n = 0; n < INCIDENTS; n++) {
  const id = uuid(1000 + n);
  const open = n < 3;
  const start = NOW.getTime() - (open ? rnd() * DAY : 2 * 3_600_000 + rnd() * 88 * DAY);
  const touched = [pick(components), pick(components)];
  const bad = pick(BAD);
  incidents.push({
    id,
    key: `INC-${n + 1}`,
    title: `Internal: ${pick(SENTENCES)}`,
    severity: pick<Severity>(['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5']),
    status: open ? 'identified' : 'resolved',
    impact: 'internal impact notes',
    publicTitle: `Elevated errors on ${touched[0]!.name} (#${n + 1})`,
    publicImpact: '',
    manager: 'Ana',
    startedAt: iso(start),
    createdAt: iso(start),
    updatedAt: iso(start),
  });
  for (let u = 0; u < UPDATES; u++) {
    const at = iso(start + (u + 1) * 600_000);
    const status = open && u === UPDATES - 1 ? 'monitoring' : FLOW[u]!;
    const change = u === 0 ? 'open' : status === 'resolved' ? 'close' : undefined;
    updates.push({
      id: uuid(100_000 + n * UPDATES + u),
      incidentId: id,
      status,
      body: `${pick(SENTENCES)} ${pick(SENTENCES)}${u % 3 ? '' : `\n\n${pick(SENTENCES)}`}`,
      components: change
        ? touched.map((c) => ({ componentId: c.id, name: c.name, from: change === 'open' ? 'operational' : bad, to: change === 'open' ? bad : 'operational' }))
        : [],
      at,
      author: 'Ana',
      updatedAt: at,
    });
  }
}

const maintenances: Maintenance[] = Array.from({ length: 20 }, (_, i) => {
  const start = NOW.getTime() + (i - 15) * 4 * DAY + 3_600_000;
  return {
    id: uuid(50_000 + i),
    title: `Database maintenance ${i + 1}`,
    body: `${pick(SENTENCES)} ${pick(SENTENCES)}`,
    componentIds: [pick(components).id],
    scheduledFor: iso(start),
    scheduledUntil: iso(start + 2 * 3_600_000),
    ...(i === 3 && { cancelledAt: iso(start - DAY) }),
    author: 'Ben',
    createdAt: iso(start - 7 * DAY),
    updatedAt: iso(start - 7 * DAY),
  };
});

const log: IncidentLog = { incidents, updates, components, maintenances };
const site = { settings: { pageId: 'bench', name: 'Bench', timeZone: 'Etc/UTC', historyDays: 90 }, url: 'https://status.example.com/' };
const input = selectPublic(log, site, NOW);

// The publish the product runs: one more status update on an open incident, a minute after the
// last publish, merged with sitrep-site.json as read back. Every run adds its own update, so each
// one has exactly one changed incident; the inputs are made before the clock starts.
const publishes = Array.from({ length: RUNS + 3 }, (_, r) => {
  const now = new Date(NOW.getTime() + (r + 1) * 60_000);
  const extra: StatusUpdate[] = Array.from({ length: r + 1 }, (_, k) => {
    const at = iso(NOW.getTime() + (k + 1) * 60_000);
    return {
      id: uuid(900_000 + k),
      incidentId: incidents[0]!.id,
      status: 'monitoring',
      body: `${SENTENCES[k % SENTENCES.length]!} (update ${k + 1})`,
      components: [],
      at,
      author: 'Ana',
      updatedAt: at,
    };
  });
  return selectPublic({ ...log, updates: [...updates, ...extra] }, site, now);
});

const median = (times: number[]) => times.slice().sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const timed = (run: () => void) => {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
};
const stateText = (build: SiteBuild) => build.files.find((f) => f.path === 'sitrep-site.json')!.body;

// The site as published once before, in a process that has published it (its memo holds that build).
const memo = new SiteBuildMemo();
let built = buildSite(input, undefined, memo);
let stateBefore = stateText(built);
const coldPrevious = JSON.parse(stateBefore) as SiteState;

// Interleaved, so all see the same machine: other work on a shared machine skews one run, not one side.
let inputBytes = 0;
const stringifyTimes: number[] = [];
const buildTimes: number[] = [];
const coldTimes: number[] = [];
let changedPages = 0;
for (let i = -3; i < RUNS; i++) {
  const publish = publishes[i + 3]!;
  const previous = JSON.parse(stateBefore) as SiteState;
  const s = timed(() => (inputBytes = JSON.stringify(publish).length));
  const pagesBefore = new Map(built.files.map((f) => [f.path, f.body]));
  const b = timed(() => (built = buildSite(publish, previous, memo)));
  stateBefore = stateText(built);
  changedPages = built.files.filter((f) => f.path.startsWith('incidents/') && pagesBefore.get(f.path) !== f.body).length;
  // The first three runs only warm the JIT up.
  if (i < 0) continue;
  stringifyTimes.push(s);
  buildTimes.push(b);
}
// A build with nothing kept (a fresh service worker's first publish), in a loop of its own: its
// garbage would otherwise be collected during the runs above.
for (let i = -1; i < RUNS; i++) {
  const c = timed(() => buildSite(input, coldPrevious, new SiteBuildMemo()));
  if (i >= 0) coldTimes.push(c);
}
const build = median(buildTimes);
const cold = median(coldTimes);
const stringify = median(stringifyTimes);
const ratio = build / stringify;

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const bytes = (body: string) => Buffer.byteLength(body);
console.log(
  `buildSite() for ${INCIDENTS} incidents × ${UPDATES} updates, ${maintenances.length} maintenances, ${components.length} components ` +
    `(Node ${process.versions.node}, median of ${RUNS}, zod ${jitless ? 'jitless, as in the service worker' : 'compiled'})`,
);
console.log(`  JSON.stringify(SiteInput)  ${stringify.toFixed(1)} ms (${kB(inputBytes)})`);
console.log(
  `  buildSite, one new update  ${build.toFixed(1)} ms (min ${Math.min(...buildTimes).toFixed(1)}, max ${Math.max(...buildTimes).toFixed(1)}; ` +
    `${changedPages} incident page changed)`,
);
console.log(`  ratio                      ${ratio.toFixed(2)}× (goal ≤ ${GOAL}×)`);
console.log(`  buildSite, nothing kept    ${cold.toFixed(1)} ms (${(cold / stringify).toFixed(2)}×, for information: a fresh service worker's first publish)`);
console.log('  files (raw / gzip):');
const pages = built.files.filter((f) => f.path.startsWith('incidents/') && f.path.endsWith('.html'));
for (const f of built.files) {
  if (pages.includes(f)) continue;
  console.log(`    ${f.path.padEnd(36)} ${kB(bytes(f.body)).padStart(9)} / ${kB(gzipSync(f.body).length).padStart(8)}`);
}
const pageBytes = pages.map((f) => bytes(f.body)).sort((a, b) => a - b);
const pageGzip = pages.reduce((sum, f) => sum + gzipSync(f.body).length, 0);
console.log(
  `    incidents/<id>.html × ${pages.length}: total ${kB(pageBytes.reduce((a, b) => a + b, 0))} / ${kB(pageGzip)}, ` +
    `median ${kB(median(pageBytes))}, largest ${kB(pageBytes[pageBytes.length - 1] ?? 0)}`,
);
if (process.argv.includes('--json')) {
  const files = built.files.length;
  console.log(
    `BENCH_JSON ${JSON.stringify({ buildTimes, coldTimes, stringifyTimes, changedPages, incidents: INCIDENTS, updates: UPDATES, files, pages: pages.length, jitless })}`,
  );
}
if (ratio > GOAL) {
  console.log(`  FAILED: buildSite takes ${ratio.toFixed(2)}× JSON.stringify, more than ${GOAL}×`);
  process.exitCode = 1;
}
