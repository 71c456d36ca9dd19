import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three projects, one runner, in this order: `unit` is pure code and fake browser APIs (fast, no
// build needed); `e2e` drives the built extension and widget in Debian's Chromium (needs
// `npm run build`); `bench` runs the browser benchmarks alone and prints their figures.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          setupFiles: ['test/setup-unit.ts'],
          // Unit tests first (seconds), then the browser tests.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          exclude: ['test/e2e/**/*-bench.e2e.ts', 'node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file launches its own Chromium; two at once is what 2 cores carry.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'bench',
          // Benchmarks print figures; they run last and one at a time so nothing skews them.
          include: ['test/e2e/**/*-bench.e2e.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
