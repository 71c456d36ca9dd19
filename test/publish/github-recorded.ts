import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod';

/**
 * A loopback stand-in for the part of GitHub's REST API the GitHub target uses, over an in-memory
 * Git repository with real object ids (sha-1 of the Git object, as `git hash-object` gives).
 *
 * Answers are the recorded responses in test/fixtures/github/ (one file per endpoint, naming the
 * docs page its shape comes from), filled with this repository's values: `shaped` refuses any
 * field a recorded body does not have, so nothing here can invent a field name. Requests are
 * checked against the documented contract: `Authorization: Bearer`, `X-GitHub-Api-Version`, the
 * `Accept` media type, and each JSON body against a strict schema of the documented parameters.
 * A request that breaks it is answered with an error and listed in `violations`, which the tests
 * require to stay empty, so a wrong request fails the test that made it.
 */

export const API_VERSION = '2022-11-28';

export interface Recorded {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface Fixture {
  docs: string;
  recorded: Record<string, Recorded>;
}

const fixtures = new Map<string, Fixture>();

/** One recorded response from test/fixtures/github/<file>.json, as a fresh copy. */
export function recorded(file: string, name: string): Recorded {
  let fixture = fixtures.get(file);
  if (!fixture) {
    fixture = JSON.parse(readFileSync(new URL(`../fixtures/github/${file}.json`, import.meta.url), 'utf8')) as Fixture;
    fixtures.set(file, fixture);
  }
  const response = fixture.recorded[name];
  if (!response) throw new Error(`No recorded response "${name}" in ${file}.json`);
  return structuredClone(response);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The recorded body with these values in place. A key the recorded body lacks throws (the fake
 * would be inventing a field); `undefined` drops a field the docs mark optional (a tree entry
 * that is a folder has no `size`). Array items take their shape from the recorded first item.
 */
export function shaped(template: unknown, values: unknown, at = 'body'): unknown {
  if (Array.isArray(values)) {
    if (!Array.isArray(template)) throw new Error(`${at} is not an array in GitHub's documented response`);
    return values.map((v, i) => (isRecord(v) ? shaped(template[0], v, `${at}[${i}]`) : v));
  }
  if (isRecord(values)) {
    if (!isRecord(template)) throw new Error(`${at} is not an object in GitHub's documented response`);
    const out: Record<string, unknown> = structuredClone(template);
    for (const [key, value] of Object.entries(values)) {
      if (!(key in template)) throw new Error(`${at}.${key} is not in GitHub's documented response`);
      if (value === undefined) delete out[key];
      else out[key] = shaped(template[key], value, `${at}.${key}`);
    }
    return out;
  }
  return values;
}

// ---- the documented request bodies, strictly: an unknown or misspelt field is a violation ----

const Sha = z.string().regex(/^[0-9a-f]{40}$/, 'a 40-hex-digit sha');
const TreePath = z
  .string()
  .refine((p) => p.length > 0 && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), 'a relative path without empty, . or .. segments');
const Mode = z.enum(['100644', '100755', '040000', '160000', '120000']);
const ObjectType = z.enum(['blob', 'tree', 'commit']);
const Person = z.strictObject({ name: z.string(), email: z.string(), date: z.string().optional() });

const CreateBlob = z.strictObject({ content: z.string(), encoding: z.enum(['utf-8', 'base64']).optional() });
const CreateTree = z.strictObject({
  base_tree: Sha.optional(),
  tree: z.array(
    z.union([
      z.strictObject({ path: TreePath, mode: Mode, type: ObjectType, sha: Sha.nullable() }),
      z.strictObject({ path: TreePath, mode: Mode, type: ObjectType, content: z.string() }),
    ]),
  ),
});
const CreateCommit = z.strictObject({
  message: z.string().min(1),
  tree: Sha,
  parents: z.array(Sha).optional(),
  author: Person.optional(),
  committer: Person.optional(),
  signature: z.string().optional(),
});
const UpdateRef = z.strictObject({ sha: Sha, force: z.boolean().optional() });
const CreateRef = z.strictObject({ ref: z.string().regex(/^refs\/heads\/[^/].*$/, 'refs/heads/<branch>'), sha: Sha });

// ---- an in-memory Git repository with real object ids ----

interface Commit {
  tree: string;
  parents: string[];
  message: string;
  at: number;
}

function gitId(type: 'blob' | 'tree' | 'commit', content: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]))
    .digest('hex');
}

type Folder = Map<string, string | Folder>;

const AUTHOR = { name: 'Sitrep Test', email: 'sitrep-test@example.com' };

class Repository {
  readonly blobs = new Map<string, string>();
  /** Root trees by id, each as path → blob id (the nested trees are hashed, not kept). */
  readonly trees = new Map<string, Map<string, string>>();
  readonly commits = new Map<string, Commit>();
  readonly refs = new Map<string, string>();
  private clock = Date.parse('2026-11-28T09:00:00Z') / 1000;

  blob(content: string): string {
    const id = gitId('blob', Buffer.from(content, 'utf8'));
    this.blobs.set(id, content);
    return id;
  }

  tree(files: Map<string, string>): string {
    const root: Folder = new Map();
    for (const [path, blob] of files) {
      const parts = path.split('/');
      let folder = root;
      for (const part of parts.slice(0, -1)) {
        let next = folder.get(part);
        if (typeof next === 'string') throw new Error(`${path}: ${part} is a file`);
        if (!next) folder.set(part, (next = new Map()));
        folder = next;
      }
      if (folder.get(parts.at(-1)!) instanceof Map) throw new Error(`${path} is a folder`);
      folder.set(parts.at(-1)!, blob);
    }
    const id = this.hashFolder(root);
    this.trees.set(id, new Map(files));
    return id;
  }

  private hashFolder(folder: Folder): string {
    // Git orders entries by name, a folder's name as if it ended in "/".
    const key = ([name, v]: [string, string | Folder]) => (typeof v === 'string' ? name : `${name}/`);
    const entries = [...folder].sort((a, b) => Buffer.compare(Buffer.from(key(a)), Buffer.from(key(b))));
    const bytes = entries.map(([name, v]) => {
      const [mode, id] = typeof v === 'string' ? ['100644', v] : ['40000', this.hashFolder(v)];
      return Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(id, 'hex')]);
    });
    return gitId('tree', Buffer.concat(bytes));
  }

  commit(tree: string, parents: string[], message: string): string {
    const at = (this.clock += 60);
    const who = `${AUTHOR.name} <${AUTHOR.email}> ${at} +0000`;
    const text = [`tree ${tree}`, ...parents.map((p) => `parent ${p}`), `author ${who}`, `committer ${who}`, '', message].join('\n');
    const id = gitId('commit', Buffer.from(text, 'utf8'));
    this.commits.set(id, { tree, parents, message, at });
    return id;
  }

  filesOf(commit: string): Map<string, string> {
    const tree = this.trees.get(this.commits.get(commit)!.tree)!;
    return new Map([...tree].map(([path, blob]) => [path, this.blobs.get(blob)!]));
  }

  /** Whether `ancestor` is `commit` or reachable from it through parents. */
  reaches(commit: string, ancestor: string): boolean {
    const seen = new Set<string>();
    const todo = [commit];
    while (todo.length) {
      const next = todo.pop()!;
      if (next === ancestor) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(...(this.commits.get(next)?.parents ?? []));
    }
    return false;
  }
}

// ---- the server ----

export interface FakeGitHubOptions {
  /** The only token GitHub accepts; anything else gets the recorded 401. */
  token: string;
  owner?: string;
  repo?: string;
  defaultBranch?: string;
  /** Branches and their files at the start. `{}`: a repository with no commit at all. */
  branches?: Record<string, Record<string, string>>;
  /** Path the API is served under: '' as api.github.com, '/api/v3' as GitHub Enterprise Server. */
  prefix?: string;
}

export interface LoggedRequest {
  method: string;
  /** Below /repos/{owner}/{repo}, with the query: "/git/trees", "/contents/index.html?ref=…". */
  path: string;
  body?: unknown;
}

export interface HistoryEntry {
  sha: string;
  message: string;
  parents: string[];
  /** Paths added, changed or deleted against the first parent (all of them for a first commit). */
  changed: string[];
}

export interface FakeGitHub {
  /** What to give the target as `apiUrl`. */
  apiUrl: string;
  owner: string;
  repo: string;
  /** Requests that broke GitHub's documented contract, in words. Tests require none. */
  violations: string[];
  requests: LoggedRequest[];
  head(branch?: string): string | undefined;
  /** Files at a branch's head or at a commit, by path in the repository. */
  files(refOrCommit?: string): Map<string, string>;
  /** A branch's commits, newest first, along first parents. */
  history(branch?: string): HistoryEntry[];
  /** Someone else's commit on a branch (null deletes a file); returns its sha. */
  commitAs(changes: Record<string, string | null>, message: string, branch?: string): string;
  /** The next request matching this answers with `respond`'s result instead, or runs `respond` first when it returns nothing. */
  intercept(match: { method: string; path: RegExp }, respond: () => Recorded | void): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const { token, owner = 'acme', repo = 'status', defaultBranch = 'main', prefix = '' } = options;
  const git = new Repository();
  for (const [branch, files] of Object.entries(options.branches ?? { [defaultBranch]: { 'README.md': '# Acme status\n' } })) {
    const tree = git.tree(new Map(Object.entries(files).map(([path, body]) => [path, git.blob(body)])));
    git.refs.set(branch, git.commit(tree, [], 'Initial commit'));
  }
  const violations: string[] = [];
  const requests: LoggedRequest[] = [];
  const intercepts: { match: { method: string; path: RegExp }; respond: () => Recorded | void }[] = [];
  let origin = '';
  const api = () => `https://api.github.com/repos/${owner}/${repo}`;

  const refBody = (branch: string, sha: string) => ({
    ref: `refs/heads/${branch}`,
    node_id: Buffer.from(`ref:${branch}`).toString('base64'),
    url: `${api()}/git/refs/heads/${branch}`,
    object: { type: 'commit', sha, url: `${api()}/git/commits/${sha}` },
  });

  const commitBody = (sha: string) => {
    const c = git.commits.get(sha)!;
    const person = { date: new Date(c.at * 1000).toISOString().replace('.000', ''), ...AUTHOR };
    return {
      sha,
      node_id: Buffer.from(`commit:${sha}`).toString('base64'),
      url: `${api()}/git/commits/${sha}`,
      html_url: `https://github.com/${owner}/${repo}/commit/${sha}`,
      author: person,
      committer: person,
      message: c.message,
      tree: { sha: c.tree, url: `${api()}/git/trees/${c.tree}` },
      parents: c.parents.map((p) => ({ sha: p, url: `${api()}/git/commits/${p}`, html_url: `https://github.com/${owner}/${repo}/commit/${p}` })),
    };
  };

  const treeBody = (id: string) => {
    const top = new Map<string, { sha: string; size?: number }>();
    for (const [path, blob] of git.trees.get(id)!) {
      const [first, ...rest] = path.split('/');
      if (rest.length) top.set(first!, { sha: 'tree' });
      else top.set(first!, { sha: blob, size: Buffer.byteLength(git.blobs.get(blob)!) });
    }
    return {
      sha: id,
      url: `${api()}/git/trees/${id}`,
      tree: [...top].map(([path, e]) =>
        e.size === undefined
          ? { path, mode: '040000', type: 'tree', sha: subtreeId(id, path), size: undefined, url: `${api()}/git/trees/${subtreeId(id, path)}` }
          : { path, mode: '100644', type: 'blob', sha: e.sha, size: e.size, url: `${api()}/git/blobs/${e.sha}` },
      ),
      truncated: false,
    };
  };

  function subtreeId(root: string, folder: string): string {
    const inside = [...git.trees.get(root)!].filter(([p]) => p.startsWith(`${folder}/`)).map(([p, b]) => [p.slice(folder.length + 1), b] as [string, string]);
    return git.tree(new Map(inside));
  }

  const fill = (file: string, name: string, values: Record<string, unknown>): Recorded => {
    const r = recorded(file, name);
    return { ...r, body: shaped(r.body, values) };
  };

  function refuse(why: string, status = 422, message = 'Validation Failed'): Recorded {
    violations.push(why);
    return {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: { message, documentation_url: 'https://docs.github.com/rest', status: String(status) },
    };
  }

  function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T | Recorded {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    return refuse(`${what}: ${issue.path.join('.') || 'body'}: ${issue.message}`);
  }

  const empty = () => git.refs.size === 0;
  const emptyRepository = () => recorded('get-a-reference', 'empty-repository');

  function route(method: string, path: string, query: URLSearchParams, accept: string, body: unknown): Recorded {
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '') {
      return fill('get-a-repository', 'found', {
        name: repo,
        full_name: `${owner}/${repo}`,
        owner: { login: owner },
        html_url: `https://github.com/${owner}/${repo}`,
        url: api(),
        default_branch: defaultBranch,
      });
    }
    if (method === 'GET' && path.startsWith('/contents/')) {
      if (!/^application\/vnd\.github\.raw(\+json)?$/.test(accept))
        return refuse(`GET contents: Accept ${accept}, not the raw media type application/vnd.github.raw+json`, 415);
      const ref = query.get('ref') ?? defaultBranch;
      const commit = git.commits.has(ref) ? ref : git.refs.get(ref);
      const file = decodeURIComponent(path.slice('/contents/'.length));
      const content = commit ? git.filesOf(commit).get(file) : undefined;
      if (content === undefined) return recorded('get-repository-content', 'not-found');
      return { ...recorded('get-repository-content', 'raw'), body: content };
    }
    if (accept !== 'application/vnd.github+json') return refuse(`${method} ${path}: Accept ${accept}, not application/vnd.github+json`, 415);
    if (method !== 'GET' && empty()) return emptyRepository();

    if (method === 'GET' && (m = path.match(/^\/git\/ref\/heads\/(.+)$/))) {
      if (empty()) return emptyRepository();
      const branch = decodeURIComponent(m[1]!);
      const sha = git.refs.get(branch);
      return sha ? fill('get-a-reference', 'found', refBody(branch, sha)) : recorded('get-a-reference', 'not-found');
    }
    if (method === 'GET' && (m = path.match(/^\/git\/commits\/([0-9a-f]{40})$/))) {
      return git.commits.has(m[1]!) ? fill('get-a-commit-object', 'found', commitBody(m[1]!)) : recorded('get-a-commit-object', 'not-found');
    }
    if (method === 'POST' && path === '/git/blobs') {
      const input = parse(CreateBlob, body, 'POST /git/blobs');
      if ('status' in input) return input;
      const text = input.encoding === 'base64' ? Buffer.from(input.content, 'base64').toString('utf8') : input.content;
      const sha = git.blob(text);
      return fill('create-a-blob', 'created', { sha, url: `${api()}/git/blobs/${sha}` });
    }
    if (method === 'POST' && path === '/git/trees') {
      const input = parse(CreateTree, body, 'POST /git/trees');
      if ('status' in input) return input;
      if (input.base_tree && !git.trees.has(input.base_tree)) return refuse(`POST /git/trees: base_tree ${input.base_tree} is not a tree`);
      const files = new Map(input.base_tree ? git.trees.get(input.base_tree) : []);
      for (const entry of input.tree) {
        if (entry.type !== 'blob' || entry.mode !== '100644')
          return refuse(`POST /git/trees: ${entry.path} is ${entry.type} ${entry.mode}, expected a 100644 blob`);
        if ('content' in entry) files.set(entry.path, git.blob(entry.content));
        else if (entry.sha === null) {
          if (!files.delete(entry.path)) {
            // Documented: "Returns an error if you try to delete a file that does not exist."
            violations.push(`POST /git/trees: deletes ${entry.path}, which the base tree does not hold`);
            return recorded('create-a-tree', 'delete-missing');
          }
        } else if (!git.blobs.has(entry.sha)) return refuse(`POST /git/trees: ${entry.path} names blob ${entry.sha}, which does not exist`);
        else files.set(entry.path, entry.sha);
      }
      let id: string;
      try {
        id = git.tree(files);
      } catch (error) {
        return refuse(`POST /git/trees: ${(error as Error).message}`);
      }
      return fill('create-a-tree', 'created', treeBody(id));
    }
    if (method === 'POST' && path === '/git/commits') {
      const input = parse(CreateCommit, body, 'POST /git/commits');
      if ('status' in input) return input;
      if (!git.trees.has(input.tree)) return refuse(`POST /git/commits: tree ${input.tree} does not exist`);
      const parents = input.parents ?? [];
      const unknown = parents.find((p) => !git.commits.has(p));
      if (unknown) return refuse(`POST /git/commits: parent ${unknown} does not exist`);
      return fill('create-a-commit', 'created', commitBody(git.commit(input.tree, parents, input.message)));
    }
    if (method === 'PATCH' && (m = path.match(/^\/git\/refs\/heads\/(.+)$/))) {
      const input = parse(UpdateRef, body, 'PATCH /git/refs');
      if ('status' in input) return input;
      if (input.force) violations.push('PATCH /git/refs: force: true would overwrite commits someone else made');
      const branch = decodeURIComponent(m[1]!);
      const current = git.refs.get(branch);
      if (!current) return recorded('update-a-reference', 'no-such-reference');
      if (!git.commits.has(input.sha)) return refuse(`PATCH /git/refs: ${input.sha} is not a commit`);
      if (!input.force && !git.reaches(input.sha, current)) return recorded('update-a-reference', 'not-fast-forward');
      git.refs.set(branch, input.sha);
      return fill('update-a-reference', 'updated', refBody(branch, input.sha));
    }
    if (method === 'POST' && path === '/git/refs') {
      const input = parse(CreateRef, body, 'POST /git/refs');
      if ('status' in input) return input;
      const branch = input.ref.slice('refs/heads/'.length);
      if (git.refs.has(branch)) return recorded('create-a-reference', 'already-exists');
      if (!git.commits.has(input.sha)) return refuse(`POST /git/refs: ${input.sha} is not a commit`);
      git.refs.set(branch, input.sha);
      return fill('create-a-reference', 'created', refBody(branch, input.sha));
    }
    return refuse(`${method} ${path}: not an endpoint the GitHub target should call`, 404, 'Not Found');
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const answer = (() => {
      const repoPrefix = `${prefix}/repos/${owner}/${repo}`;
      const path = url.pathname.startsWith(repoPrefix) ? url.pathname.slice(repoPrefix.length) : undefined;
      let body: unknown;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          return refuse(`${method} ${url.pathname}: the body is not JSON`, 400, 'Problems parsing JSON');
        }
      }
      requests.push({ method, path: (path ?? url.pathname) + url.search, ...(body !== undefined && { body }) });

      const authorization = req.headers.authorization ?? '';
      if (!authorization.startsWith('Bearer ')) {
        violations.push(`${method} ${url.pathname}: Authorization is not "Bearer <token>"`);
        return recorded('errors', 'bad-credentials');
      }
      if (authorization !== `Bearer ${token}`) return recorded('errors', 'bad-credentials');
      if (req.headers['x-github-api-version'] !== API_VERSION) {
        return refuse(
          `${method} ${url.pathname}: X-GitHub-Api-Version is ${req.headers['x-github-api-version'] ?? 'missing'}, not ${API_VERSION}`,
          400,
          'Unsupported API version',
        );
      }
      if (text && !/^application\/json/.test(req.headers['content-type'] ?? '')) {
        return refuse(`${method} ${url.pathname}: a JSON body sent as ${req.headers['content-type'] ?? 'no content type'}`, 415);
      }
      if (path === undefined) {
        if (url.pathname.startsWith(`${prefix}/repos/`)) return recorded('get-a-repository', 'not-found');
        return refuse(`${method} ${url.pathname}: not below ${repoPrefix}`, 404, 'Not Found');
      }
      const hook = intercepts.findIndex((i) => i.match.method === method && i.match.path.test(path + url.search));
      if (hook >= 0) {
        const [{ respond }] = intercepts.splice(hook, 1) as [(typeof intercepts)[number]];
        const instead = respond();
        if (instead) return instead;
      }
      return route(method, path, url.searchParams, req.headers.accept ?? '', body);
    })();
    const payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      violations.push(`the fake failed: ${String(error)}`);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}${prefix}`,
    owner,
    repo,
    violations,
    requests,
    head: (branch = defaultBranch) => git.refs.get(branch),
    files(ref = defaultBranch) {
      const commit = git.commits.has(ref) ? ref : git.refs.get(ref);
      return commit ? git.filesOf(commit) : new Map();
    },
    history(branch = defaultBranch) {
      const out: HistoryEntry[] = [];
      for (let sha = git.refs.get(branch); sha; sha = git.commits.get(sha)!.parents[0]) {
        const c = git.commits.get(sha)!;
        const now = git.trees.get(c.tree)!;
        const before = c.parents[0] ? git.trees.get(git.commits.get(c.parents[0])!.tree)! : new Map<string, string>();
        const changed = [...new Set([...now.keys(), ...before.keys()])].filter((p) => now.get(p) !== before.get(p)).sort();
        out.push({ sha, message: c.message, parents: c.parents, changed });
      }
      return out;
    },
    commitAs(changes, message, branch = defaultBranch) {
      const parent = git.refs.get(branch);
      const files = new Map(parent ? git.trees.get(git.commits.get(parent)!.tree) : []);
      for (const [path, body] of Object.entries(changes)) {
        if (body === null) files.delete(path);
        else files.set(path, git.blob(body));
      }
      const sha = git.commit(git.tree(files), parent ? [parent] : [], message);
      git.refs.set(branch, sha);
      return sha;
    },
    intercept(match, respond) {
      intercepts.push({ match, respond });
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
