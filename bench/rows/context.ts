import type { BenchExtension } from '../harness/browser';
import type { SeededLog } from '../harness/seed';

/** What every extension row gets: the launched extension and the log seeded into it. */
export interface ExtensionRowContext {
  ext: BenchExtension;
  log: SeededLog;
  /** Profile a run of each row that misses its bound, and attach where its time went. */
  profile: boolean;
}
