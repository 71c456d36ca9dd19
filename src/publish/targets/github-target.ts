import * as z from 'zod';
import type { SiteFile } from '../../feed/build';
import type { GitHubTarget } from '../../model';
import { PublishError, type StoredFile, type Target, type WriteCondition } from '../target';
import { emptyRepository, gitHubFailure } from './github-errors';

/** The REST API version every request names (`X-GitHub-Api-Version`), so GitHub's answers keep their shape. */
export const GITHUB_API_VERSION = '2022-11-28';

/**
 * Files up to this size ride inline in the "create a tree" request (`content`), larger ones go
 * first as blobs of their own. A status site's documents and pages are a few KB and its bundles
 * about 29 KB, so a whole first publish (20 files, measured: a 165 KB request) is one tree request
 * instead of one blob request per file: 3 writes a publish instead of 23, far from GitHub's
 * secondary limit of about 80 content-creating requests a minute. A file past this (a long
 * incidents.json) goes alone, so no single request body grows without bound.
 */
export const INLINE_MAX_BYTES = 100 * 1024;

/** Lost races an unconditional write (the connection probe) retries before giving up. */
const MAX_ATTEMPTS = 3;

/** Paths listed in a commit's body; a bigger publish says how many more. */
const MAX_LISTED = 40;

// What we read of GitHub's answers (parsed where they enter; GitHub adds fields freely, so not strict).
const Sha = z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/);
const GitRef = z.object({ object: z.object({ sha: Sha }) });
const GitCommit = z.object({ sha: Sha, tree: z.object({ sha: Sha }) });
const GitObject = z.object({ sha: Sha });

type TreeEntry = { path: string; mode: '100644'; type: 'blob' } & ({ content: string } | { sha: string | null });

/** A commit the branch is at and its tree: where a new commit starts from. */
interface Parent {
  commit: string;
  tree: string;
}

/** On what condition a commit may land. */
type Basis =
  /** The branch is still at this commit (the etag `read` gave). */
  | { at: string }
  /** The file does not exist on the branch (a first publish, `If-None-Match: *`). */
  | { absent: string }
  /** Wherever the branch is now. */
  | { latest: true };

/**
 * A GitHub repository, for GitHub Pages. Reads go through the contents API at the branch's head
 * commit; every publish is one commit made with the Git Data API (tree on the head's tree, commit,
 * then a fast-forward-only update of the branch), so history reads as one commit per status update
 * and the branch's old sha is the conflict check: a commit that landed in between makes GitHub
 * refuse the update ("Update is not a fast forward"), which is a `conflict`.
 *
 * ETags are commit shas: `read` gives the head commit the file was read at, a write gives the
 * commit it made. A batch with no base (nothing read: a first publish) commits on whatever the
 * branch holds, on condition that its first file does not exist there yet (publishSite puts
 * sitrep-site.json first), and creates the branch when there is none (gh-pages on a new site).
 */
export function createGitHubTarget(config: GitHubTarget, token: string, fetchImpl: typeof fetch = globalThis.fetch): Target {
  const apiBase = config.apiUrl.replace(/\/+$/, '');
  const where = new URL(apiBase).host;
  const repoName = `${config.owner}/${config.repo}`;
  const repoPath = `/repos/${encodeURIComponent(config.owner)}/${encodeURIComponent(config.repo)}`;
  const branchPath = config.branch.split('/').map(encodeURIComponent).join('/');
  const inRepo = (path: string) => `${config.directory}${path}`;

  interface CallOptions {
    body?: unknown;
    accept?: string;
    /** Statuses the caller reads itself instead of failing. */
    allow?: number[];
  }

  async function call(method: string, path: string, doing: string, { body, accept, allow = [] }: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: accept ?? 'application/vnd.github+json',
      Authorization: `Bearer ${token}`,
      'X-GitHub-Api-Version': GITHUB_API_VERSION,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(`${apiBase}${repoPath}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
        // GitHub marks answers cacheable for 60 s: a cached ref would hide the latest commit.
        cache: 'no-store',
        credentials: 'omit',
        // A renamed repository answers 301; following it would turn a POST into a GET.
        redirect: 'manual',
      });
    } catch {
      // fetch says nothing useful (TypeError: Failed to fetch): DNS, refused, CORS, TLS look alike.
      throw new PublishError('unreachable', `GitHub API unreachable (${where})`);
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new PublishError('config', `Repository ${repoName} has moved (renamed or transferred): update the owner and name in Settings → Publishing`);
    }
    if (response.ok || allow.includes(response.status)) return response;
    throw await gitHubFailure(response, { repo: repoName, branch: config.branch, doing, token });
  }

  async function parsed<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
    const result = schema.safeParse(await response.json().catch(() => undefined));
    if (!result.success) {
      throw new PublishError('config', `${where} did not answer like GitHub's API: check the API URL (https://api.github.com, or https://HOST/api/v3)`);
    }
    return result.data;
  }

  async function isEmptyRepository(response: Response): Promise<boolean> {
    const doc: unknown = await response.json().catch(() => undefined);
    return !!doc && typeof doc === 'object' && 'message' in doc && typeof doc.message === 'string' && /repository is empty/i.test(doc.message);
  }

  /** The branch's head commit; 'missing' when the branch does not exist yet, 'empty' when the repository has no commit. */
  async function branchHead(): Promise<string | 'missing' | 'empty'> {
    const response = await call('GET', `/git/ref/heads/${branchPath}`, `reading branch ${config.branch}`, { allow: [404, 409] });
    if (response.status === 409) {
      if (await isEmptyRepository(response)) return 'empty';
      throw new PublishError('conflict', `GitHub could not read branch ${config.branch} of ${repoName} just now`);
    }
    if (response.status === 404) {
      // GitHub answers 404 for a missing branch and for a repository the token cannot see alike.
      await call('GET', '', `looking up ${repoName}`);
      return 'missing';
    }
    return (await parsed(response, GitRef)).object.sha;
  }

  async function fileAt(commit: string, path: string): Promise<string | undefined> {
    const segments = inRepo(path).split('/').map(encodeURIComponent).join('/');
    const response = await call('GET', `/contents/${segments}?ref=${commit}`, `reading ${path}`, {
      accept: 'application/vnd.github.raw+json',
      allow: [404],
    });
    return response.status === 404 ? undefined : response.text();
  }

  async function parentAt(commit: string): Promise<Parent> {
    const response = await call('GET', `/git/commits/${commit}`, 'reading the last commit');
    return { commit, tree: (await parsed(response, GitCommit)).tree.sha };
  }

  /** Where a commit on this basis starts: undefined for a branch that does not exist yet. */
  async function parentFor(basis: Basis): Promise<Parent | undefined> {
    if ('at' in basis) return parentAt(basis.at);
    const head = await branchHead();
    if (head === 'empty') throw emptyRepository(repoName);
    if (head === 'missing') return undefined;
    if ('absent' in basis && (await fileAt(head, basis.absent)) !== undefined) {
      throw new PublishError('conflict', `Someone else published ${basis.absent} to ${repoName} first`);
    }
    return parentAt(head);
  }

  async function entryFor(file: SiteFile): Promise<TreeEntry> {
    const path = inRepo(file.path);
    if (new TextEncoder().encode(file.body).byteLength <= INLINE_MAX_BYTES) return { path, mode: '100644', type: 'blob', content: file.body };
    const response = await call('POST', '/git/blobs', `uploading ${file.path}`, { body: { content: file.body, encoding: 'utf-8' } });
    return { path, mode: '100644', type: 'blob', sha: (await parsed(response, GitObject)).sha };
  }

  /**
   * One commit with these tree entries on the basis, and the branch moved to it (fast-forward
   * only). Resolves with the commit the branch is at afterwards.
   */
  async function commit(basis: Basis, entries: () => Promise<TreeEntry[]>, message: string): Promise<string> {
    const parent = await parentFor(basis);
    const tree = await call('POST', '/git/trees', 'writing the tree', {
      body: { ...(parent && { base_tree: parent.tree }), tree: await entries() },
    }).then((r) => parsed(r, GitObject));
    if (parent && tree.sha === parent.tree) {
      // Nothing changed: no empty commit, but a stale base is still a conflict.
      if ('at' in basis && (await branchHead()) !== parent.commit) throw moved();
      return parent.commit;
    }
    const created = await call('POST', '/git/commits', 'writing the commit', {
      body: { message, tree: tree.sha, parents: parent ? [parent.commit] : [] },
    }).then((r) => parsed(r, GitObject));
    if (parent) {
      await call('PATCH', `/git/refs/heads/${branchPath}`, `updating branch ${config.branch}`, { body: { sha: created.sha, force: false } });
    } else {
      await call('POST', '/git/refs', `creating branch ${config.branch}`, { body: { ref: `refs/heads/${config.branch}`, sha: created.sha } });
    }
    return created.sha;
  }

  function moved(): PublishError {
    return new PublishError('conflict', `Someone else committed to ${config.branch} of ${repoName} at the same moment`);
  }

  /** Retries a commit made on wherever the branch is, when someone else's lands first. */
  async function latest<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (error instanceof PublishError && error.kind === 'conflict' && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  return {
    async read(path): Promise<StoredFile | undefined> {
      const head = await branchHead();
      if (head === 'missing' || head === 'empty') return undefined;
      const body = await fileAt(head, path);
      return body === undefined ? undefined : { body, etag: head };
    },

    async write(file: SiteFile, condition: WriteCondition = {}) {
      const entries = once(async () => [await entryFor(file)]);
      const message = commitMessage([file.path]);
      if (condition.ifMatch) return { etag: await commit({ at: condition.ifMatch }, entries, message) };
      if (condition.ifNoneMatch) return { etag: await commit({ absent: file.path }, entries, message) };
      return { etag: await latest(() => commit({ latest: true }, entries, message)) };
    },

    async writeBatch(files, base) {
      const first = files[0];
      if (!first) return base ? { etag: base } : {};
      const entries = once(() => Promise.all(files.map(entryFor)));
      const basis: Basis = base ? { at: base } : { absent: first.path };
      return { etag: await commit(basis, entries, commitMessage(files.map((f) => f.path))) };
    },

    async remove(path) {
      await latest(async () => {
        const head = await branchHead();
        if (head === 'missing' || head === 'empty' || (await fileAt(head, path)) === undefined) return;
        // GitHub refuses to delete a path its base tree does not hold, hence the look first.
        await commit({ at: head }, async () => [{ path: inRepo(path), mode: '100644', type: 'blob', sha: null }], `Remove ${path}`);
      });
    },
  };
}

/** Made on first use, after the conflict checks, and once only: a retried commit reuses its blobs. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/**
 * "Publish status site (summary.json, index.html, +12)", the changed paths below it: history that
 * says what each status update touched. One file: "Publish sitrep-probe.txt".
 */
export function commitMessage(paths: string[]): string {
  if (paths.length === 1) return `Publish ${paths[0]}`;
  const named = paths.toSorted((a, b) => notability(a) - notability(b)).slice(0, 2);
  const more = paths.length - named.length;
  const title = `Publish status site (${named.map((p) => p.slice(p.lastIndexOf('/') + 1)).join(', ')}${more ? `, +${more}` : ''})`;
  const listed = paths.slice(0, MAX_LISTED);
  const rest = paths.length - listed.length;
  return `${title}\n\n${listed.join('\n')}${rest ? `\n…and ${rest} more` : ''}\n`;
}

/** What a reader of the history looks for first: the feed, then the page. */
function notability(path: string): number {
  if (path === 'api/v2/summary.json') return 0;
  if (path === 'index.html') return 1;
  return 2;
}
