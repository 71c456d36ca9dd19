import { resolve } from 'node:path';
import { minifyHTMLLiterals } from 'minify-literals';
import { minify as terser } from 'terser';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

// `npm run build:widget` → .output/widget/sitrep-banner.js and sitrep-status.js, each a
// self-contained ES module for a script tag (Lit inside, no shared chunk), so one vite build per
// element; plus .output/widget/npm/index.js for `sitrep/widget`, with Lit left to the bundler.
// `--mode empty-lit-element` builds the size baseline the same way (scripts/widget-size.mjs).

const here = import.meta.dirname;
const outDir = resolve(here, '../.output/widget');

/**
 * Lit's production build records its versions on globalThis and polyfills Symbol.metadata for
 * decorators. The widget promises host pages no globals but its custom elements and uses no
 * decorators, so those statements go. Lit also looks up polyfill-support and SSR-hydration
 * hooks on globalThis; a host page that sets them up for its own Lit would graft them onto our
 * elements, so those lookups go too. If Lit rewrites any of this the build fails instead of
 * leaking.
 */
function litWithoutGlobals(): Plugin {
  const patches: [file: RegExp, find: RegExp, replace: string][] = [
    [/lit-html\/lit-html\.js$/, /\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[^"]*"\)/, 'void 0'],
    [/lit-html\/lit-html\.js$/, /\w+\.litHtmlPolyfillSupport\b/, 'void 0'],
    [/lit-element\/lit-element\.js$/, /\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[^"]*"\)/, 'void 0'],
    [/lit-element\/lit-element\.js$/, /\w+\.litElementHydrateSupport\?\.\(\{LitElement:\w+\}\)/, 'void 0'],
    [/lit-element\/lit-element\.js$/, /\w+\.litElementPolyfillSupport\b/, 'void 0'],
    [/reactive-element\/reactive-element\.js$/, /\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[^"]*"\)/, 'void 0'],
    [/reactive-element\/reactive-element\.js$/, /\w+\.reactiveElementPolyfillSupport\b/, 'void 0'],
    [
      /reactive-element\/reactive-element\.js$/,
      /Symbol\.metadata\?\?=Symbol\("metadata"\),\w+\.litPropertyMetadata\?\?=new WeakMap;/,
      'var litPropertyMetadata=new WeakMap;',
    ],
  ];
  return {
    name: 'sitrep:lit-without-globals',
    transform(code, id) {
      const mine = patches.filter(([file]) => file.test(id.split('?')[0]!));
      if (!mine.length) return null;
      for (const [, find, replace] of mine) {
        if (!find.test(code)) throw new Error(`${id}: Lit changed; update litWithoutGlobals in widget/vite.config.ts`);
        code = code.replace(find, replace);
      }
      return { code, map: null };
    },
  };
}

const LICENSE_NOTICE = '/*! Sitrep widget. Includes Lit, Copyright Google LLC, BSD-3-Clause. */';

/** Indentation, line breaks and needless attribute quotes in css`` and html`` templates are bytes no visitor needs. */
function minifyTemplates(): Plugin {
  return {
    name: 'sitrep:minify-templates',
    async transform(code, id) {
      if (!/\/widget\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id, minifyOptions: { removeAttributeQuotes: true } });
      return result && { code: result.code, map: result.map?.toString() };
    },
  };
}

/**
 * Terser's compressor ahead of Rolldown's minifier (which still mangles and prints): together
 * they find savings neither finds alone, 60–100 bytes gzipped per module. Safe transforms only:
 * no `unsafe*` or `pure_getters`, which would buy another 15 bytes on assumptions about Lit.
 */
function compressWithTerser(): Plugin {
  return {
    name: 'sitrep:compress-with-terser',
    async renderChunk(code) {
      const result = await terser(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: false });
      return { code: result.code!, map: null };
    },
  };
}

function selfContainedModule(name: string, entry: string, emptyOutDir = false): InlineConfig {
  return {
    configFile: false,
    plugins: [litWithoutGlobals(), minifyTemplates(), compressWithTerser()],
    // Lit's production build whatever NODE_ENV says (vitest sets "test"): its development build
    // is twice the size and logs dev-mode warnings on the host page.
    resolve: { conditions: ['module', 'browser', 'production'] },
    build: {
      outDir,
      emptyOutDir,
      target: 'es2022',
      lib: { entry: resolve(here, entry), formats: ['es'], fileName: () => `${name}.js` },
      rolldownOptions: {
        // Lit's modules have no side effects once litWithoutGlobals is done with them, so the
        // parts of Lit the elements do not use (LitElement, ReactiveElement) are left out even
        // though they import from 'lit'.
        treeshake: { moduleSideEffects: (id) => !/\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//.test(id) },
        // Vite keeps whitespace in ES libraries for the sake of later bundlers; these files are final.
        output: { minify: true, comments: { annotation: false, jsdoc: false, legal: false }, postBanner: LICENSE_NOTICE },
      },
    },
  };
}

const npmModule: InlineConfig = {
  configFile: false,
  build: {
    outDir: resolve(outDir, 'npm'),
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    lib: { entry: resolve(here, 'index.ts'), formats: ['es'], fileName: () => 'index.js' },
    rolldownOptions: { external: [/^lit(\/|$)/, /^@lit\//, /^lit-(html|element)(\/|$)/] },
  },
};

export default defineConfig(({ mode }) => {
  if (mode === 'empty-lit-element') return selfContainedModule('empty-lit-element', 'size/empty-lit-element.ts');
  const banner = selfContainedModule('sitrep-banner', 'src/sitrep-banner/sitrep-banner.ts', true);
  const others: Plugin = {
    name: 'sitrep:build-the-other-modules',
    async closeBundle() {
      await build(selfContainedModule('sitrep-status', 'src/sitrep-status/sitrep-status.ts'));
      await build(npmModule);
    },
  };
  return { ...banner, plugins: [...banner.plugins!, others] };
});
