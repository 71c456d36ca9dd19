import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './row';

const num = (n: number | null, unit?: string) => {
  if (n === null || !Number.isFinite(n)) return '–';
  const text = unit === 'bytes' ? Math.round(n).toLocaleString('en') : Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(n >= 10 ? 1 : 2);
  return unit ? `${text} ${unit}` : text;
};

/** The machine a table came from, as the README shows it beside the table. */
export function describeMachine(chromiumVersion: string): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.versions.node}, Chromium ${chromiumVersion} (headless), ${process.platform}`;
}

/** The rows as a Markdown table (also what the terminal shows). */
export function formatTable(rows: readonly BenchRow[]): string {
  const lines = [
    '| figure | median | p95 | reference (median) | ratio | bound | ok |',
    '|---|---:|---:|---|---:|---|---|',
    ...rows
      .map((r) =>
        [
          r.name + (r.note ? ` (${r.note})` : ''),
          num(r.median, r.unit),
          num(r.p95, r.unit),
          r.reference ? `${r.reference.name}: ${num(r.reference.median, r.unit)}` : '–',
          r.ratio === null ? '–' : `${num(r.ratio)}×`,
          r.bound,
          r.ok ? 'ok' : '**MISS**',
        ].join(' | '),
      )
      .map((line) => `| ${line} |`),
  ];
  return lines.join('\n');
}

/** Writes bench/results.json (one row per figure) and bench/RESULTS.md. */
export async function writeResults(dir: string, rows: readonly BenchRow[], machine: string, failures: readonly string[]): Promise<void> {
  const at = new Date().toISOString();
  await writeFile(join(dir, 'results.json'), `${JSON.stringify({ at, machine, failures, rows }, null, 2)}\n`);
  const profiles = rows.filter((r) => r.profile?.length);
  const md = [
    '# Benchmark results',
    '',
    `\`npm run bench\`, ${at}, on ${machine}.`,
    '',
    formatTable(rows),
    '',
    ...(failures.length ? ['## Sanity checks that failed', '', ...failures.map((f) => `- ${f}`), ''] : []),
    ...(profiles.length
      ? ['## Where the time goes (rows that miss their bound)', '', ...profiles.flatMap((r) => [`### ${r.name}`, '', '```', ...r.profile!, '```', ''])]
      : []),
  ];
  await writeFile(join(dir, 'RESULTS.md'), md.join('\n'));
}
