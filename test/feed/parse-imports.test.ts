import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The widget bundles src/feed/parse.ts and everything it imports; zod (even zod/mini) would
// cost half the banner's size budget, so the parser's whole import graph is checked here.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/feed');

/** Every module specifier a file names: static imports and re-exports, dynamic imports, requires. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string) => {
    if (graph.has(file)) return;
    const found = specifiers(readFileSync(file, 'utf8'));
    graph.set(file, found);
    for (const s of found) if (s.startsWith('.')) visit(resolve(dirname(file), s.endsWith('.ts') ? s : `${s}.ts`));
  };
  visit(entry);
  return graph;
}

describe('src/feed/parse.ts stays free of zod and of any dependency', () => {
  const graph = importGraph(resolve(root, 'parse.ts'));

  it('reads the import lines of parse.ts and of the modules it pulls in', () => {
    expect([...graph.keys()].map((f) => f.slice(root.length + 1)).sort()).toEqual([
      'feed-error.ts',
      'parse.ts',
      'parse/cstate.ts',
      'parse/derive.ts',
      'parse/instatus.ts',
      'parse/is-record.ts',
      'parse/read.ts',
      'parse/statuspage.ts',
      'parse/upptime.ts',
    ]);
  });

  it('imports nothing from zod, nor any package, nor the strict schema or the model', () => {
    for (const [file, found] of graph) {
      for (const s of found) {
        expect(s, `${file} imports ${s}`).not.toMatch(/^zod(\/|$)/);
        expect(s, `${file} imports ${s}`).toMatch(/^\.\.?\//);
        expect(s, `${file} imports ${s}`).not.toMatch(/schema|model/);
      }
    }
  });

  it('would notice a zod import', () => {
    expect(specifiers("import * as z from 'zod';\nimport { object } from \"zod/mini\";\nexport { x } from './x';\nconst m = await import('zod/v4');")).toEqual([
      'zod',
      'zod/mini',
      './x',
      'zod/v4',
    ]);
  });
});
