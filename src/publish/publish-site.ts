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
 * A target that records a publish as one change (`writeBatch`: a Git commit) gets steps 2 and 3
 * at once, on the same condition.
 */
export async function publishSite({ target, build, last = {}, hash = sha256 }: PublishSiteOptions): Promise<PublishOutcome> {
  for (let attempt = 1; ; attempt++) {
    const current = await target.read(STATE_PATH);
    const previous = current ? readState(current.body, writtenStates.includes(current.body)) : undefined;
    const files = await build(previous);
    const state = files.find((f) => f.path === STATE_PATH);
    if (!state) throw new Error(`The site build has no ${STATE_PATH}`);
    // Someone else wrote since our last publish: what we remember of the files is stale.
    const ours = current?.etag !== undefined && current.etag === last.stateEtag;
    const changes = await changedFiles(
      files.filter((f) => f !== state),
      ours ? (last.written ?? {}) : {},
      hash,
    );
    try {
      if (target.writeBatch) {
        // One change for the whole site, on condition the site is still the version read.
        const { etag } = await target.writeBatch([state, ...changes.pending.map((p) => p.file)], current?.etag);
        rememberWritten(state.body);
        return finish(etag, changes, changes.pending);
      }
      const condition = current ? (current.etag ? { ifMatch: current.etag } : {}) : { ifNoneMatch: '*' as const };
      const { etag } = await target.write(state, condition);
      rememberWritten(state.body);
      for (let i = 0; i < changes.pending.length; i += PARALLEL_WRITES) {
        await Promise.all(changes.pending.slice(i, i + PARALLEL_WRITES).map(({ file }) => target.write(file)));
      }
      return finish(etag, changes, changes.pending);
    } catch (error) {
      if (error instanceof PublishError && error.kind === 'conflict' && attempt < MAX_CONFLICTS) continue;
      throw error;
    }
  }
}

interface Changes {
  /** Files whose bytes differ from what we last wrote there, in write order. */
  pending: { file: SiteFile; digest: string }[];
  /** Hashes of the files left as they are. */
  unchanged: Record<string, string>;
}

/** Pages and bundles first, then feeds, then the JSON documents, `summary.json` last of all. */
async function changedFiles(files: SiteFile[], before: Record<string, string>, hash: (text: string) => Promise<string>): Promise<Changes> {
  const ordered = files.toSorted((a, b) => writeOrder(a.path) - writeOrder(b.path));
  const digests = await Promise.all(ordered.map((f) => hash(f.body)));
  const changes: Changes = { pending: [], unchanged: {} };
  ordered.forEach((file, i) => {
    const digest = digests[i]!;
    if (before[file.path] === digest) changes.unchanged[file.path] = digest;
    else changes.pending.push({ file, digest });
  });
  return changes;
}

function finish(stateEtag: string | undefined, changes: Changes, sent: Changes['pending']): PublishOutcome {
  const written = { ...changes.unchanged };
  for (const { file, digest } of sent) written[file.path] = digest;
  return { ...(stateEtag && { stateEtag }), written, sent: sent.length, skipped: Object.keys(changes.unchanged).length };
}

function writeOrder(path: string): number {
  if (path === 'api/v2/summary.json') return 3;
  if (path.startsWith('api/')) return 2;
  if (path.startsWith('history.')) return 1;
  return 0;
}

// The sitrep-site.json texts this process last wrote (one per site it publishes to, a few at most).
// Read back byte for byte, such a text is one the build wrote from checked documents: parsing it
// again with SiteState (as long for the 3.6 MB of 500 incidents as building the site from nothing)
// would find nothing new. Any other text comes from the network and is checked in full.
const REMEMBERED_STATES = 4;
const writtenStates: string[] = [];

function rememberWritten(body: string): void {
  if (writtenStates.includes(body)) return;
  writtenStates.unshift(body);
  writtenStates.length = Math.min(writtenStates.length, REMEMBERED_STATES);
}

function readState(body: string, ours: boolean): SiteState {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    throw new PublishError('rejected', `The site's ${STATE_PATH} is not JSON: was this site published by Sitrep?`);
  }
  if (ours) return doc as SiteState;
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
