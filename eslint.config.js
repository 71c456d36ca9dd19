// ESLint keeps the house rules of DESIGN.md: type-aware checks for dropped promises, and a boundaries
// rule for which part of the tree may import which. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PURE = ['model', 'capture', 'feed', 'feed-parse', 'report'];
const UI_AND_EXTENSION = ['wxt', 'wxt/**', 'preact', 'preact/**', '@preact/**', 'dexie', 'dexie/**'];
const PARSE = ['src/feed/parse.ts', 'src/feed/parse/*.ts'];
const LIT = ['lit', 'lit/**', 'lit-html', 'lit-html/**', '@lit/**'];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      '.sitrep-host/**',
      '.test-profiles/**',
      'docs/**',
      'test/fixtures/**',
      '**/*.min.js',
      'widget/size/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Config files at the root sit outside tsconfig's include when they are .js/.mjs.
          allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'widget/demo/*.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `== null` is the house idiom for "null or undefined"; every other comparison is strict.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Tests and fixtures build hostile and partial inputs on purpose; `any` is reviewed by hand.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Untrusted text is cleaned of control characters on purpose (feeds, clips, exports).
      'no-control-regex': 'off',
    },
  },
  {
    // Plain JS files (scripts) are not type-checked by tsc; type-aware rules need types.
    files: ['**/*.js', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // DESIGN.md's layout as import rules.
    files: ['src/**', 'widget/**', 'entrypoints/**'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'boundaries/elements': [
        // First match wins, and patterns match the end of a path: widget/src before src/*.
        { type: 'widget', pattern: 'widget/src' },
        { type: 'widget-host', pattern: 'widget/host' },
        { type: 'feed-parse', pattern: 'src/feed/parse', partialMatch: false },
        { type: 'src', pattern: 'src/*', capture: ['area'], partialMatch: false },
        { type: 'entrypoints', pattern: 'entrypoints' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          checkAllOrigins: true,
          policies: [
            {
              from: { element: { type: 'src', captured: { area: PURE } } },
              disallow: { to: { module: { source: UI_AND_EXTENSION } } },
              message: 'src/model, capture, feed and report are plain TypeScript: no wxt, Preact or Dexie (DESIGN.md).',
            },
            {
              from: [{ element: { type: 'src', captured: { area: PURE } } }, { element: { type: 'feed-parse' } }],
              disallow: { to: { element: { type: 'src', captured: { area: ['db', 'clipper', 'publish', 'ui'] } } } },
              message: 'Pure code (model, capture, feed, report) imports no db, clipper, publish or ui (DESIGN.md).',
            },
            {
              from: [{ element: { type: 'feed-parse' } }, { file: { path: 'src/feed/parse.ts' } }],
              disallow: { to: { module: { source: [...UI_AND_EXTENSION, 'zod', 'zod/**'] } } },
              message: 'src/feed/parse is shared with the widget: no wxt, Preact, Dexie or zod (DESIGN.md).',
            },
            {
              from: { element: { types: { anyOf: ['src', 'widget', 'widget-host', 'entrypoints'] } } },
              disallow: { to: { module: { source: ['dexie', 'dexie/**'] } } },
              message: 'Only src/db opens Dexie (DESIGN.md).',
            },
            {
              from: { element: { type: 'src', captured: { area: 'db' } } },
              allow: { to: { module: { source: ['dexie', 'dexie/**'] } } },
            },
            {
              from: { element: { types: { anyOf: ['src', 'feed-parse'] } } },
              disallow: { to: { element: { type: 'entrypoints' } } },
              message: 'Nothing under src imports entrypoints: entry points are thin shells over src (DESIGN.md).',
            },
            {
              from: { element: { type: 'src', captured: { area: 'clipper' } } },
              disallow: { to: { element: { type: 'src', captured: { area: 'ui' } } } },
              message: 'src/clipper is the background side: it imports no src/ui (DESIGN.md).',
            },
            {
              from: { element: { type: 'widget' } },
              disallow: { to: { origin: ['external', 'core'] } },
              message: 'The widget imports only src/feed/parse and Lit (DESIGN.md).',
            },
            {
              from: { element: { type: 'widget' } },
              allow: { to: { module: { source: LIT } } },
            },
            {
              from: { element: { type: 'widget' } },
              disallow: { to: { element: { type: '!widget' } } },
              message: 'The widget imports only src/feed/parse and Lit (DESIGN.md).',
            },
            {
              from: { element: { type: 'widget' } },
              allow: { to: { file: { path: PARSE } } },
              message: 'The widget imports only src/feed/parse and Lit (DESIGN.md).',
            },
          ],
        },
      ],
    },
  },
);
