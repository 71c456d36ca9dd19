import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../harness/browser';
import { check, ratioRow, type BenchRow } from '../harness/row';
import { summarize } from '../harness/stats';

interface SiteBuildFigures {
  buildTimes: number[];
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
    rows.push(
      ratioRow({
        name: `site build: ${figures.incidents} incidents × ${figures.updates} updates${jitless ? ', zod jitless (as in the service worker)' : ''}`,
        unit: 'ms',
        measured: summarize(figures.buildTimes),
        reference: { name: 'one JSON.stringify of the input', median: summarize(figures.stringifyTimes).median },
        maxRatio: 3,
        note: `${figures.files} files, Node ${process.versions.node}`,
      }),
    );
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
