/**
 * `npm run bench`: every speed and size figure of Sitrep beside a reference measured in the same
 * run, in headless Chromium and Node, one row at a time (run it alone: nothing else in parallel).
 * Prints the table, writes bench/results.json and bench/RESULTS.md, and exits non-zero when a
 * ratio breaks its bound or a sanity check fails. Needs `npm run build` first.
 *
 *   npx vite-node bench/run.ts                  # every row
 *   npx vite-node bench/run.ts -- --only search  # the suites whose names contain a word
 *   npx vite-node bench/run.ts -- --profile      # and profile each row that misses its bound
 */
import { PROFILE_WANTED } from './harness/profile';
import { describeMachine, formatTable, writeResults } from './harness/report';
import { SanityError, type BenchRow } from './harness/row';
import { closeSuites, SUITES } from './suites';

const only = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',') : undefined;
const chosen = SUITES.filter((suite) => !only || only.some((word) => suite.name.includes(word)));

const rows: BenchRow[] = [];
const failures: string[] = [];
let chromiumVersion = 'unknown';
const started = performance.now();
for (const suite of chosen) {
  const t = performance.now();
  process.stdout.write(`[bench] ${suite.name}…`);
  try {
    const result = await suite.run({ profile: PROFILE_WANTED });
    rows.push(...result.rows);
    if (result.chromiumVersion) chromiumVersion = result.chromiumVersion;
    process.stdout.write(` ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
    for (const row of result.rows)
      console.log(
        `[bench]   ${row.ok ? 'ok  ' : 'MISS'} ${row.name}: ${row.median.toFixed(1)} ${row.unit}${row.ratio === null ? '' : `, ${row.ratio.toFixed(2)}×`} (${row.bound})`,
      );
  } catch (error) {
    // A row that did not run, or whose counts do not match, fails the run; the others still run.
    const message = `${suite.name}: ${error instanceof SanityError ? '' : 'did not run: '}${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    failures.push(message);
    process.stdout.write(' FAILED\n');
    console.error(`[bench]   ${message}`);
  }
}
await closeSuites();

const machine = describeMachine(chromiumVersion);
console.log(`\nSitrep benchmark, ${machine}, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
console.log(formatTable(rows));
for (const row of rows.filter((r) => r.profile)) console.log(`\nWhere the time goes: ${row.name}\n  ${row.profile!.join('\n  ')}`);
if (!only) await writeResults(import.meta.dirname, rows, machine, failures);
const missed = rows.filter((r) => !r.ok);
if (failures.length) console.log(`\n${failures.length} suite(s) failed a sanity check or did not run.`);
if (missed.length) console.log(`\n${missed.length} row(s) miss their bound: ${missed.map((r) => r.name).join('; ')}`);
process.exitCode = failures.length || missed.length ? 1 : 0;
