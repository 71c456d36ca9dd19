import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../harness/browser';
import { check, ratioRow, type BenchRow } from '../harness/row';
import { summarize } from '../harness/stats';

interface SiteBuildFigures {
  /** The publish the product runs: one new status update, in the process that made the last publish. */
  buildTimes: number[];
  /** The same site built with nothing kept (a fresh service worker's first publish). */
  coldTimes: number[];
  changedPages: number;
  stringifyTimes: number[];
  incidents: number;
  updates: number;
  files: number;
  pages: number;
  jitless: boolean;
}

/**
 * bench/site-build-bench.ts in its own Node process (zod decides per process whether it compiles
 * its parsers): compiled as in Node, and jitless as in the extension's service worker, which
 * publishes the site.
 */
export async function siteBuildRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const jitless of [false, true]) {
    const figures = await runSiteBuildBench(jitless);
    check(figures.pages >= figures.incidents, `site build: ${figures.pages} incident pages for ${figures.incidents} incidents`);
    check(figures.changedPages === 1, `site build: one new update changed ${figures.changedPages} incident pages, not 1`);
    const zod = jitless ? ', zod jitless (as in the service worker)' : '';
    const reference = { name: 'one JSON.stringify of the input', median: summarize(figures.stringifyTimes).median };
    rows.push(
      ratioRow({
        name: `site build: publish of one new update, ${figures.incidents} incidents × ${figures.updates} updates${zod}`,
        unit: 'ms',
        measured: summarize(figures.buildTimes),
        reference,
        maxRatio: 3,
        note: `${figures.files} files, Node ${process.versions.node}; the process kept its last publish`,
      }),
    );
    const cold = ratioRow({
      name: `site build: nothing kept (a fresh service worker's first publish), ${figures.incidents} incidents${zod}`,
      unit: 'ms',
      measured: summarize(figures.coldTimes),
      reference,
      maxRatio: Number.POSITIVE_INFINITY,
      note: 'for information',
    });
    cold.bound = 'for information';
    rows.push(cold);
  }
  return rows;
}

async function runSiteBuildBench(jitless: boolean): Promise<SiteBuildFigures> {
  const run = promisify(execFile);
  const { stdout } = await run(join(ROOT, 'node_modules/.bin/vite-node'), ['bench/site-build-bench.ts', '--', '--json'], {
    cwd: ROOT,
    env: { ...process.env, ...(jitless ? { JITLESS: '1' } : { JITLESS: '' }) },
    maxBuffer: 16 * 2 ** 20,
  }).catch((failed: { stdout?: string; stderr?: string }) => {
    // The script exits 1 when its own goal is missed; its figures are still there.
    if (failed.stdout?.includes('BENCH_JSON')) return { stdout: failed.stdout };
    throw new Error(`bench/site-build-bench.ts failed: ${failed.stderr ?? ''}`);
  });
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  check(line, 'site build: bench/site-build-bench.ts printed no figures');
  return JSON.parse(line.slice('BENCH_JSON '.length)) as SiteBuildFigures;
}
