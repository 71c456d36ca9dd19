import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * The unit tests whose code reads the machine's zone (local days, clocks, DST, dates in a zip):
 * they run again in two zones with DST, New York (±1 h) and Lord Howe (±30 min, UTC+10:30/+11),
 * so a test that passes only because the machine is in UTC fails. A new time test belongs here
 * by name (`*time*`, `*zone*`, `*dst*`, `*clock*`) or by adding its path.
 */
const TIME_DEPENDENT = [
  'test/**/*{time,zone,dst,clock}*.test.{ts,tsx}',
  'test/capture/**/*.test.ts',
  'test/clipper/clip-tab.test.ts',
  'test/db/action-items-*.test.ts',
  'test/feed/build/{pages,component-history}.test.ts',
  'test/feed/parse-maintenance-window.test.ts',
  'test/hostile/clip-markdown-bidi.test.ts',
  'test/process/{metrics,key-moments}.test.ts',
  'test/publish/{cadence,site-zip}.test.ts',
  'test/publish/notifiers/notification-text.test.ts',
  'test/report/{timeline-markdown*,postmortem-draft}.test.ts',
  'test/ui/{format-time,publish-status-text,status-composer,ref-clips,action-items,cadence-settings}.test.{ts,tsx}',
  'test/widget/format.test.ts',
];

const unit = (name: string, TZ: string, include: string[]) => ({
  plugins: [WxtVitest()],
  test: {
    name,
    include,
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup-unit.ts'],
    env: { TZ },
    // A save, the live query it wakes and the re-render took over the default 1 s of
    // expect.poll (which `settle` uses) when the suite shared 2 cores with two busy loops
    // (`npm run test:stress`); 4 s holds under that load, and a test still fails on a real miss.
    expect: { poll: { timeout: 4_000 } },
    testTimeout: 15_000,
    // Unit tests first (seconds), then the browser tests.
    sequence: { groupOrder: 0 },
  },
});

// Projects, one runner, in this order: `unit` is pure code and fake browser APIs (fast, no build
// needed), in UTC, and `unit-new-york`, `unit-lord-howe` repeat the time-dependent part in zones
// with DST; `e2e` drives the built extension and widget in Chromium (needs `npm run build`).
// Benchmarks are not tests: `npm run bench` (bench/run.ts) runs them alone.
export default defineConfig({
  test: {
    projects: [
      unit('unit', 'UTC', ['test/**/*.test.{ts,tsx}']),
      unit('unit-new-york', 'America/New_York', TIME_DEPENDENT),
      unit('unit-lord-howe', 'Australia/Lord_Howe', TIME_DEPENDENT),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          exclude: ['node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file launches its own Chromium; two at once is what 2 cores carry.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
