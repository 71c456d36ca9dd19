#!/usr/bin/env node
// `npm run test:stress`: the whole vitest suite five times back to back while two busy loops hold
// the CPU, as on a machine shared with other work, where a flaky test shows itself. Builds once
// first (the browser tests load the build). Prints one line per run; exits non-zero if any failed.
//
//   npm run test:stress                                  # build, then 5 × vitest run
//   npm run test:stress -- --runs 2 --no-build test/capture   # fewer runs; the rest goes to vitest
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
/** Removes `flag` (and its value, when it takes one) from the arguments vitest gets. */
function take(flag, hasValue) {
  const i = args.indexOf(flag);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, hasValue ? 2 : 1);
  return hasValue ? value : flag;
}
const runs = Number(take('--runs', true) ?? 5);
const build = take('--no-build', false) === undefined;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('test:stress: --runs takes a whole number ≥ 1');
  process.exit(1);
}
const BUSY_LOOPS = 2;

function must(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

must('node', ['scripts/ensure-chromium.mjs']);
if (build) must('npm', ['run', 'build']);

// Plain spinning Node processes: the load is CPU only, no memory or disk pressure.
const loops = Array.from({ length: BUSY_LOOPS }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopLoops = () => {
  for (const loop of loops) if (loop.exitCode === null && loop.signalCode === null) loop.kill('SIGKILL');
};
process.on('exit', stopLoops);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

/** Runs vitest once, its output into `log`; resolves with the exit code and the summary lines. */
function vitestOnce(log) {
  return new Promise((done) => {
    const out = createWriteStream(log);
    const child = spawn(join(root, 'node_modules/.bin/vitest'), ['run', ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail = [];
    const keep = (chunk) => {
      out.write(chunk);
      for (const text of chunk
        .toString()
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split('\n')) {
        if (/^\s*(Test Files|Tests)\s/.test(text) || /^\s*FAIL\s/.test(text)) tail.push(text.trim());
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code, signal) => out.end(() => done({ code: code ?? (signal ? 1 : 0), lines: tail })));
  });
}

const logs = await mkdtemp(join(tmpdir(), 'sitrep-stress-'));
console.log(`test:stress: ${runs} runs of vitest run ${args.join(' ')} with ${BUSY_LOOPS} busy loops; full logs in ${logs}`);
const failed = [];
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  const log = join(logs, `run-${run}.log`);
  const { code, lines } = await vitestOnce(log);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const counts = lines.filter((l) => /^(Test Files|Tests)\s/.test(l)).join('; ');
  console.log(`run ${run}/${runs}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s — ${counts || 'no summary'}`);
  if (code !== 0) {
    failed.push(run);
    for (const l of new Set(lines.filter((l) => l.startsWith('FAIL')))) console.log(`  ${l}`);
    console.log(`  log: ${log}`);
  }
}
stopLoops();
console.log(failed.length ? `test:stress: ${failed.length} of ${runs} runs failed (${failed.join(', ')})` : `test:stress: all ${runs} runs passed`);
process.exitCode = failed.length ? 1 : 0;
