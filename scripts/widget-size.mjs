#!/usr/bin/env node
// `npm run size:widget`: gzipped sizes of the built widget modules against their budgets, beside
// an empty Lit element built the same way and Atlassian's @statuspage/status-widget bundle.
// Prints a table (or JSON with --json) and exits 1 when a module is over budget.
// Sizes are gzip level 9 in kB of 1000 bytes, as Vite and bundlephobia report them.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const widgetDir = join(root, '.output/widget');

/** Budgets in bytes (issue #4): banner ≤ 12 kB gzipped, status page ≤ 18 kB. */
export const BUDGETS = { 'sitrep-banner.js': 12_000, 'sitrep-status.js': 18_000 };

export const gzippedSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Builds widget/size/empty-lit-element.ts with the widget's own Vite config and measures it. */
export async function measureEmptyLitElement() {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'sitrep-empty-lit-'));
  try {
    await build({
      root,
      configFile: join(root, 'widget/vite.config.ts'),
      mode: 'empty-lit-element',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    return gzippedSize(join(outDir, 'empty-lit-element.js'));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Atlassian's widget as published (1.0.5 ships its bundle as dist/index.js), if installed. */
export function measureStatuspageWidget() {
  try {
    const manifest = createRequire(join(root, 'package.json')).resolve('@statuspage/status-widget/package.json');
    const { version } = JSON.parse(readFileSync(manifest, 'utf8'));
    const bundle = join(dirname(manifest), 'dist/index.js');
    if (!existsSync(bundle)) return { note: `@statuspage/status-widget ${version} has no dist/index.js` };
    return { version, bytes: gzippedSize(bundle) };
  } catch {
    return { note: '@statuspage/status-widget is not installed (npm install --save-dev @statuspage/status-widget)' };
  }
}

export async function measureWidgetSizes() {
  const modules = Object.entries(BUDGETS).map(([name, budget]) => {
    const file = join(widgetDir, name);
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build:widget first`);
    const bytes = gzippedSize(file);
    return { name, bytes, minified: statSync(file).size, budget, over: bytes > budget };
  });
  return { modules, emptyLitElement: await measureEmptyLitElement(), statuspageWidget: measureStatuspageWidget() };
}

const kB = (bytes) => (bytes === undefined ? '–' : `${(bytes / 1000).toFixed(2)} kB`);

/** The figures as a table: one row per module, then the two references measured in the same run. */
export function formatSizes({ modules, emptyLitElement, statuspageWidget }) {
  const rows = [
    ['', 'gzipped', 'budget', 'minified', ''],
    ...modules.map((m) => [m.name, kB(m.bytes), kB(m.budget), kB(m.minified), m.over ? 'OVER BUDGET' : 'ok']),
    ['empty Lit element', kB(emptyLitElement), '–', '–', 'LitElement, built the same way'],
    statuspageWidget.bytes === undefined
      ? ['@statuspage/status-widget', '–', '–', '–', `not measured: ${statuspageWidget.note}`]
      : [`@statuspage/status-widget ${statuspageWidget.version}`, kB(statuspageWidget.bytes), '–', '–', 'dist/index.js, before the polyfills it needs'],
  ];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) =>
    `  ${row[0].padEnd(widths[0])}  ${row
      .slice(1, 4)
      .map((cell, i) => cell.padStart(widths[i + 1]))
      .join('  ')}  ${row[4]}`.trimEnd();
  return `Widget sizes (gzip -9; 1 kB = 1000 bytes):\n${rows.map(line).join('\n')}`;
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  const sizes = await measureWidgetSizes();
  console.log(process.argv.includes('--json') ? JSON.stringify(sizes) : formatSizes(sizes));
  if (sizes.modules.some((m) => m.over)) process.exitCode = 1;
}
