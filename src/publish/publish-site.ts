import type { SiteFile } from '../feed/build';
import { SiteState } from '../feed/schema';
import { PublishError, type Target } from './target';

export const STATE_PATH = 'sitrep-site.json';

/** How many files go out at once: enough to hide latency, few enough for a small host. */
const PARALLEL_WRITES = 4;

/** After this many lost races in a row, give up for now (the outbox retries). */
const MAX_CONFLICTS = 3;

/** What we last wrote to a target, so unchanged files are not sent again. */
export interface LastWrite {
  /** The ETag of sitrep-site.json as we wrote it. */
  stateEtag?: string;
  /** Hash of each file's body as we wrote it, by path. */
  written?: Record<string, string>;
}

export interface PublishOutcome extends LastWrite {
  /** Files written and files skipped as unchanged. */
  sent: number;
  skipped: number;
}

export interface PublishSiteOptions {
  target: Target;
  /** Builds the site's files from what the site already holds (another publisher's incidents). */
  build(previous: SiteState | undefined): SiteFile[] | Promise<SiteFile[]>;
  last?: LastWrite;
  hash?(text: string): Promise<string>;
}

/**
 * Publishes a whole site without erasing anyone else's work:
 * 1. read `sitrep-site.json` and build from it, so another incident manager's incidents stay;
 * 2. write it back first, on condition it is still the copy read (a lost race rebuilds and
 *    tries again), which claims the site for this publish;
 * 3. write the other files, skipping those whose bytes we already wrote there, pages before
 *    `summary.json` so a banner never links to a page not yet written.
 */
export async function publishSite({ target, build, last = {}, hash = sha256 }: PublishSiteOptions): Promise<PublishOutcome> {
  for (let attempt = 1; ; attempt++) {
    const current = await target.read(STATE_PATH);
    const previous = current ? readState(current.body) : undefined;
    const files = await build(previous);
    const state = files.find((f) => f.path === STATE_PATH);
    if (!state) throw new Error(`The site build has no ${STATE_PATH}`);
    let stateEtag: string | undefined;
    try {
      const condition = current ? (current.etag ? { ifMatch: current.etag } : {}) : { ifNoneMatch: '*' as const };
      ({ etag: stateEtag } = await target.write(state, condition));
    } catch (error) {
      if (error instanceof PublishError && error.kind === 'conflict' && attempt < MAX_CONFLICTS) continue;
      throw error;
    }
    // Someone else wrote since our last publish: what we remember of the files is stale.
    const ours = current?.etag !== undefined && current.etag === last.stateEtag;
    const before = ours ? (last.written ?? {}) : {};
    const written: Record<string, string> = {};
    let sent = 0;
    let skipped = 0;
    const rest = files.filter((f) => f !== state).sort((a, b) => writeOrder(a.path) - writeOrder(b.path));
    const hashes = await Promise.all(rest.map((f) => hash(f.body)));
    const pending = rest.map((file, i) => ({ file, digest: hashes[i]! })).filter(({ file, digest }) => {
      if (before[file.path] !== digest) return true;
      written[file.path] = digest;
      skipped++;
      return false;
    });
    for (let i = 0; i < pending.length; i += PARALLEL_WRITES) {
      await Promise.all(
        pending.slice(i, i + PARALLEL_WRITES).map(async ({ file, digest }) => {
          await target.write(file);
          written[file.path] = digest;
          sent++;
        }),
      );
    }
    return { ...(stateEtag && { stateEtag }), written, sent, skipped };
  }
}

/** Pages and bundles first, then feeds, then the JSON documents, `summary.json` last of all. */
function writeOrder(path: string): number {
  if (path === 'api/v2/summary.json') return 3;
  if (path.startsWith('api/')) return 2;
  if (path.startsWith('history.')) return 1;
  return 0;
}

function readState(body: string): SiteState {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    throw new PublishError('rejected', `The site's ${STATE_PATH} is not JSON: was this site published by Sitrep?`);
  }
  const parsed = SiteState.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PublishError('rejected', `The site's ${STATE_PATH} is not one Sitrep can read (${issue?.path.join('.') || 'document'}: ${issue?.message})`);
  }
  return parsed.data;
}

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
