import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSite, type SiteFile, type SiteInput } from '../../src/feed/build';
import { GitHubTarget } from '../../src/model';
import { publishSite, STATE_PATH } from '../../src/publish/publish-site';
import { PublishError, type Target } from '../../src/publish/target';
import { commitMessage, createGitHubTarget, INLINE_MAX_BYTES } from '../../src/publish/targets/github-target';
import { testConnection } from '../../src/publish/test-connection';
import { recorded, shaped, startFakeGitHub, type FakeGitHub, type FakeGitHubOptions, type Recorded } from './github-recorded';
import { describeTargetContract } from './target-contract';

/** Shaped like a fine-grained token, so a leak would be recognisable in a message. */
const TOKEN = 'github_pat_11ABCDEFG0aBcDeFgHiJkLmN_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS';
const NOW = new Date('2026-11-28T09:30:00.000Z');
const PUBLIC_URL = 'https://acme.github.io/status';

function configFor(fake: FakeGitHub, overrides: Partial<GitHubTarget> = {}): GitHubTarget {
  return GitHubTarget.parse({
    kind: 'github',
    id: 'pages',
    apiUrl: fake.apiUrl,
    owner: fake.owner,
    repo: fake.repo,
    branch: 'main',
    directory: '',
    publicUrl: PUBLIC_URL,
    ...overrides,
  });
}

/** What GitHub Pages would serve from the branch's folder: the file, typed by its extension. */
function pagesReader(fake: FakeGitHub, config: GitHubTarget) {
  const types: Record<string, string> = {
    json: 'application/json; charset=utf-8',
    html: 'text/html; charset=utf-8',
    js: 'application/javascript; charset=utf-8',
    atom: 'application/atom+xml',
    rss: 'application/rss+xml',
    txt: 'text/plain; charset=utf-8',
  };
  return async (path: string) => {
    const body = fake.files(config.branch).get(`${config.directory}${path}`);
    if (body === undefined) return undefined;
    return { body, contentType: types[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream', cacheControl: 'max-age=600' };
  };
}

describeTargetContract('GitHub (recorded API)', async () => {
  const fake = await startFakeGitHub({ token: TOKEN });
  // A Pages branch that does not exist yet, in a folder: the first publish creates it.
  const config = configFor(fake, { branch: 'gh-pages', directory: 'docs/' });
  return {
    target: createGitHubTarget(config, TOKEN),
    siteUrl: config.publicUrl,
    conditional: true,
    keepsCacheControl: false,
    readPublic: pagesReader(fake, config),
    async close() {
      await fake.close();
      expect(fake.violations).toEqual([]);
    },
  };
});

function siteInput(incidents: number, note = 'We are looking into failed payments.'): SiteInput {
  return {
    page: { id: 'sitrep', name: 'Acme status', url: PUBLIC_URL, timeZone: 'Etc/UTC' },
    components: [{ id: 'api', name: 'API', description: '', order: 0, status: 'major_outage', updatedAt: '2026-11-28T09:05:00.000Z' }],
    incidents: Array.from({ length: incidents }, (_, i) => ({
      id: `inc-${i + 1}`,
      name: `Incident ${i + 1}`,
      impact: 'major' as const,
      status: 'identified' as const,
      startedAt: '2026-11-28T09:00:00.000Z',
      updates: [{ id: `inc-${i + 1}-u1`, status: 'identified' as const, body: note, at: `2026-11-28T09:0${i % 10}:00.000Z`, components: [] }],
    })),
    maintenances: [],
    historyDays: 90,
    now: NOW,
  };
}

const bundles: SiteFile[] = [
  { path: 'sitrep-banner.js', body: 'export const banner = "ü ✓";\n', contentType: 'text/javascript; charset=utf-8', cacheControl: 'public, max-age=300' },
  { path: 'sitrep-status.js', body: 'export const status = "Ω";\n', contentType: 'text/javascript; charset=utf-8', cacheControl: 'public, max-age=300' },
];

/** A 20-file site: 10 documents, pages and feeds, 8 incident pages, 2 bundles. */
const twentyFiles = () => [...buildSite(siteInput(8)).files, ...bundles];

let fake: FakeGitHub | undefined;
async function start(options: Partial<FakeGitHubOptions> = {}): Promise<FakeGitHub> {
  fake = await startFakeGitHub({ token: TOKEN, ...options });
  return fake;
}
afterEach(async () => {
  const done = fake;
  fake = undefined;
  await done?.close();
  expect(done?.violations ?? []).toEqual([]);
});

const since = (f: FakeGitHub, from: number) => f.requests.slice(from).map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{40}/g, '<sha>')}`);

describe('the GitHub target: one commit per publish', () => {
  it('publishes a 20-file site as exactly one commit on the branch, keeping what the branch held', async () => {
    const github = await start();
    const target = createGitHubTarget(configFor(github), TOKEN);
    const files = twentyFiles();
    expect(files).toHaveLength(20);
    const before = github.history();

    const outcome = await publishSite({ target, build: () => files });

    const after = github.history();
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ parents: [before[0]!.sha], changed: files.map((f) => f.path).sort() });
    expect(after[0]!.message.split('\n')[0]).toBe('Publish status site (summary.json, index.html, +18)');
    for (const file of files) expect({ path: file.path, body: github.files().get(file.path) }).toEqual({ path: file.path, body: file.body });
    expect(github.files().get('README.md')).toBe('# Acme status\n');
    expect(outcome).toMatchObject({ stateEtag: github.head(), sent: 19, skipped: 0 });
    // Every file rode inline in the one tree request: no blob uploads.
    expect(github.requests.filter((r) => r.path === '/git/blobs')).toEqual([]);
  });

  it('makes the next publish one more commit whose tree changes only the files that changed, in six requests', async () => {
    const github = await start();
    const target = createGitHubTarget(configFor(github), TOKEN);
    const files = twentyFiles();
    const first = await publishSite({ target, build: () => files });
    const firstCommit = github.history()[0]!;
    const changed = files.map((f) => (f.path === 'index.html' || f.path === 'api/v2/summary.json' ? { ...f, body: `${f.body}\n` } : f));
    const from = github.requests.length;

    const second = await publishSite({ target, build: () => changed, last: first });

    const after = github.history();
    expect(after[0]).toMatchObject({ parents: [firstCommit.sha], changed: ['api/v2/summary.json', 'index.html'] });
    expect(after[1]!.sha).toBe(firstCommit.sha);
    expect(second).toMatchObject({ stateEtag: github.head(), sent: 2, skipped: 17 });
    expect(since(github, from)).toEqual([
      'GET /git/ref/heads/main',
      'GET /contents/sitrep-site.json?ref=<sha>',
      'GET /git/commits/<sha>',
      'POST /git/trees',
      'POST /git/commits',
      'PATCH /git/refs/heads/main',
    ]);
    const tree = github.requests.slice(from).find((r) => r.path === '/git/trees')!.body as { base_tree: string; tree: { path: string }[] };
    expect(tree.tree.map((e) => e.path).sort()).toEqual(['api/v2/summary.json', 'index.html', STATE_PATH]);
    const patch = github.requests.slice(from).find((r) => r.method === 'PATCH')!.body;
    expect(patch).toEqual({ sha: github.head(), force: false });
  });

  it('makes no empty commit when nothing changed', async () => {
    const github = await start();
    const target = createGitHubTarget(configFor(github), TOKEN);
    const files = twentyFiles();
    await publishSite({ target, build: () => files });
    const head = github.head()!;
    const { etag } = await target.writeBatch!(files, head);
    expect(etag).toBe(head);
    expect(github.history()[0]!.sha).toBe(head);
  });

  it('creates the Pages branch with a first commit of its own when it does not exist', async () => {
    const github = await start();
    const main = github.head('main');
    const config = configFor(github, { branch: 'gh-pages', directory: 'status/' });
    const files = twentyFiles();
    await publishSite({ target: createGitHubTarget(config, TOKEN), build: () => files });

    const log = github.history('gh-pages');
    expect(log).toHaveLength(1);
    expect(log[0]!.parents).toEqual([]);
    expect([...github.files('gh-pages').keys()].sort()).toEqual(files.map((f) => `status/${f.path}`).sort());
    expect(github.head('main')).toBe(main);
    expect(github.requests.at(-1)).toMatchObject({ method: 'POST', path: '/git/refs', body: { ref: 'refs/heads/gh-pages', sha: github.head('gh-pages') } });
  });

  it('uploads a file too large to ride inline as a blob of its own, and reads it back byte for byte', async () => {
    const github = await start();
    const target = createGitHubTarget(configFor(github), TOKEN);
    const big: SiteFile = {
      path: 'api/v2/incidents.json',
      body: `${'x'.repeat(INLINE_MAX_BYTES)}ü`,
      contentType: 'application/json',
      cacheControl: 'no-cache',
    };
    const small: SiteFile = { path: 'api/v2/status.json', body: '{"status":"ok"}', contentType: 'application/json', cacheControl: 'no-cache' };
    await target.writeBatch!([small, big], undefined);

    const blobs = github.requests.filter((r) => r.path === '/git/blobs');
    expect(blobs).toEqual([{ method: 'POST', path: '/git/blobs', body: { content: big.body, encoding: 'utf-8' } }]);
    const tree = github.requests.find((r) => r.path === '/git/trees')!.body as { tree: object[] };
    expect(tree.tree).toEqual([
      { path: small.path, mode: '100644', type: 'blob', content: small.body },
      { path: big.path, mode: '100644', type: 'blob', sha: expect.stringMatching(/^[0-9a-f]{40}$/) },
    ]);
    expect((await target.read(big.path))?.body).toBe(big.body);
  });

  it('removes a file with a commit of its own, and a file already gone with none', async () => {
    const github = await start();
    const target = createGitHubTarget(configFor(github), TOKEN);
    await testConnection(target, NOW);
    const log = github.history();
    expect(log.slice(0, 2).map((c) => ({ message: c.message, changed: c.changed }))).toEqual([
      { message: 'Remove sitrep-probe.txt', changed: ['sitrep-probe.txt'] },
      { message: 'Publish sitrep-probe.txt', changed: ['sitrep-probe.txt'] },
    ]);
    const from = github.requests.length;
    await target.remove('sitrep-probe.txt');
    expect(github.history()).toHaveLength(log.length);
    expect(since(github, from)).toEqual(['GET /git/ref/heads/main', 'GET /contents/sitrep-probe.txt?ref=<sha>']);
  });

  it('keeps every request out of the browser cache (GitHub says max-age=60), without cookies or redirects', async () => {
    const github = await start();
    const seen: RequestInit[] = [];
    const recording: typeof fetch = (input, init) => {
      seen.push(init ?? {});
      return fetch(input, init);
    };
    await testConnection(createGitHubTarget(configFor(github), TOKEN, recording), NOW);
    expect(seen.length).toBeGreaterThan(5);
    for (const init of seen) expect(init).toMatchObject({ cache: 'no-store', credentials: 'omit', redirect: 'manual' });
  });

  it('works against a GitHub Enterprise Server API URL (…/api/v3)', async () => {
    const github = await start({ prefix: '/api/v3' });
    expect(github.apiUrl).toMatch(/\/api\/v3$/);
    const target = createGitHubTarget(configFor(github), TOKEN);
    await publishSite({ target, build: () => twentyFiles() });
    expect((await target.read('sitrep-banner.js'))?.body).toBe(bundles[0]!.body);
  });
});

describe('the GitHub target: conflicts', () => {
  it('refuses a batch when another commit landed between the read and the write', async () => {
    const github = await start();
    const target = createGitHubTarget(configFor(github), TOKEN);
    const files = twentyFiles();
    await publishSite({ target, build: () => files });
    const read = (await target.read(STATE_PATH))!;
    expect(read.etag).toBe(github.head());
    const theirs = github.commitAs({ 'README.md': '# Acme status, edited\n' }, 'Edit README');

    // A changed file, so the commit is made and GitHub's fast-forward check is what refuses it.
    const state = files.find((f) => f.path === STATE_PATH)!;
    const error = await target.writeBatch!([{ ...state, body: `${state.body}\n` }], read.etag).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject({ kind: 'conflict', message: 'Someone else committed to main of acme/status at the same moment' });
    expect(github.head()).toBe(theirs);
    expect(github.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { force: false } });
  });

  it('refuses when the branch moves just before the ref update, and publishSite lands on top on its next try', async () => {
    const github = await start();
    const target = createGitHubTarget(configFor(github), TOKEN);
    await publishSite({ target, build: () => buildSite(siteInput(1, 'Looking into it.')).files });
    let theirs = '';
    const from = github.requests.length;
    github.intercept({ method: 'PATCH', path: /^\/git\/refs\/heads\/main$/ }, () => {
      theirs = github.commitAs({ CNAME: 'status.acme.example\n' }, 'Add CNAME');
    });

    await publishSite({ target, build: (previous) => buildSite(siteInput(1, 'A bad deploy; rolling back.'), previous).files });

    const log = github.history();
    expect(log[1]!.sha).toBe(theirs);
    expect(log[0]!.parents).toEqual([theirs]);
    expect(github.files().get('CNAME')).toBe('status.acme.example\n');
    expect(github.files().get('api/v2/summary.json')).toContain('A bad deploy; rolling back.');
    expect(github.requests.slice(from).filter((r) => r.method === 'PATCH')).toHaveLength(2);
  });

  it('refuses a first publish when someone else published the site first', async () => {
    const github = await start();
    const target = createGitHubTarget(configFor(github), TOKEN);
    const files = buildSite(siteInput(1)).files;
    expect(await target.read(STATE_PATH)).toBeUndefined();
    github.commitAs({ [STATE_PATH]: files.find((f) => f.path === STATE_PATH)!.body }, 'Their first publish');

    const state = files.find((f) => f.path === STATE_PATH)!;
    await expect(target.writeBatch!([state, ...files.filter((f) => f !== state)], undefined)).rejects.toMatchObject({
      kind: 'conflict',
      message: `Someone else published ${STATE_PATH} to acme/status first`,
    });
  });
});

describe('the GitHub target: what failed, in words, never the token', () => {
  const publish = (target: Target) => publishSite({ target, build: (previous) => buildSite(siteInput(1), previous).files }).catch((e: unknown) => e);
  const answer = (file: string, name: string) => () => recorded(file, name);

  it.each<
    [
      string,
      Partial<FakeGitHubOptions>,
      Partial<GitHubTarget>,
      string | undefined,
      { method: string; path: RegExp } | undefined,
      (() => Recorded) | undefined,
      { kind: string; message: string | RegExp },
    ]
  >([
    [
      'a wrong token',
      {},
      {},
      'github_pat_wrong0000000000000000000000',
      undefined,
      undefined,
      { kind: 'auth', message: /^GitHub refused the token for acme\/status/ },
    ],
    [
      'a token without Contents: write',
      {},
      {},
      undefined,
      { method: 'POST', path: /^\/git\/trees$/ },
      answer('errors', 'not-accessible'),
      { kind: 'auth', message: /^The token lacks Contents: read and write on acme\/status/ },
    ],
    [
      'the rate limit used up',
      {},
      {},
      undefined,
      { method: 'GET', path: /^\/git\/ref\// },
      answer('errors', 'rate-limited'),
      { kind: 'server', message: /^GitHub's API rate limit for this token is used up until 2026-11-28 10:30 UTC/ },
    ],
    [
      'a secondary rate limit',
      {},
      {},
      undefined,
      { method: 'POST', path: /^\/git\/commits$/ },
      answer('errors', 'secondary-rate-limited'),
      { kind: 'server', message: /^GitHub asked to slow down \(secondary rate limit\): publishing can resume in 60 s/ },
    ],
    [
      'a repository that does not exist',
      {},
      { repo: 'nope' },
      undefined,
      undefined,
      undefined,
      { kind: 'config', message: 'Repository acme/nope not found, or the token cannot see it' },
    ],
    [
      'an empty repository',
      { branches: {} },
      {},
      undefined,
      undefined,
      undefined,
      { kind: 'config', message: /^Repository acme\/status is empty: GitHub's API cannot add its first commit/ },
    ],
    [
      'a protected branch',
      {},
      {},
      undefined,
      { method: 'PATCH', path: /^\/git\/refs\// },
      answer('update-a-reference', 'protected-branch'),
      { kind: 'rejected', message: /^Branch main of acme\/status is protected/ },
    ],
    [
      'a GitHub outage',
      {},
      {},
      undefined,
      { method: 'POST', path: /^\/git\/commits$/ },
      answer('errors', 'server-error'),
      { kind: 'server', message: 'GitHub error (HTTP 502) while writing the commit: try again shortly' },
    ],
    [
      'a renamed repository',
      {},
      {},
      undefined,
      { method: 'GET', path: /^\/git\/ref\// },
      answer('errors', 'moved-permanently'),
      { kind: 'config', message: /^Repository acme\/status has moved/ },
    ],
  ])('says so for %s', async (_name, options, overrides, token, match, respond, expected) => {
    const github = await start(options);
    if (match && respond) github.intercept(match, respond);
    const error = await publish(createGitHubTarget(configFor(github, overrides), token ?? TOKEN));
    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject(expected);
    // Neither the token given nor the right one, anywhere in what a responder or a log sees.
    for (const secret of [TOKEN, token ?? TOKEN]) expect(`${String(error)} ${(error as Error).stack}`).not.toContain(secret);
  });

  it('says the API is unreachable when nothing answers', async () => {
    const config = GitHubTarget.parse({
      kind: 'github',
      id: 'pages',
      apiUrl: 'http://127.0.0.1:9',
      owner: 'acme',
      repo: 'status',
      branch: 'main',
      directory: '',
      publicUrl: PUBLIC_URL,
    });
    const error = await publish(createGitHubTarget(config, TOKEN));
    expect(error).toMatchObject({ kind: 'unreachable', message: 'GitHub API unreachable (127.0.0.1:9)' });
    expect(String(error)).not.toContain(TOKEN);
  });
});

describe('the recorded GitHub API checks each request against the docs', () => {
  type Tamper = (init: RequestInit & { headers: Record<string, string> }) => void;
  it.each<[string, Tamper, RegExp]>([
    ['no X-GitHub-Api-Version', (init) => delete init.headers['X-GitHub-Api-Version'], /X-GitHub-Api-Version is missing/],
    ['the "token" scheme instead of Bearer', (init) => (init.headers.Authorization = `token ${TOKEN}`), /Authorization is not "Bearer <token>"/],
    ['a generic Accept', (init) => (init.headers.Accept = 'application/json'), /not application\/vnd\.github\+json|not the raw media type/],
    ['a misspelt tree field', (init) => (init.body &&= String(init.body).replace('"base_tree"', '"baseTree"')), /POST \/git\/trees: .*Unrecognized key/],
    ['a forced ref update', (init) => (init.body &&= String(init.body).replace('"force":false', '"force":true')), /force: true/],
  ])('refuses a request with %s, and the publish fails', async (_name, tamper, violation) => {
    const github = await startFakeGitHub({ token: TOKEN });
    try {
      const tampering: typeof fetch = (input, init) => {
        const copy = { ...init, headers: { ...(init?.headers as Record<string, string>) } };
        tamper(copy);
        return fetch(input, copy);
      };
      const target = createGitHubTarget(configFor(github), TOKEN, tampering);
      const files = twentyFiles();
      // Two publishes: the second has a base_tree and a ref update to tamper with.
      await publishSite({ target: createGitHubTarget(configFor(github), TOKEN), build: () => files });
      const error = await publishSite({ target, build: () => files.map((f) => ({ ...f, body: `${f.body} ` })) }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(github.violations.join('\n')).toMatch(violation);
      // A forced update of a fast-forward still lands; every other tampering fails the publish.
      if (!/force/.test(String(violation))) expect(error).toBeInstanceOf(PublishError);
    } finally {
      await github.close();
    }
  });
});

describe('the recorded GitHub responses', () => {
  const dir = new URL('../fixtures/github/', import.meta.url);

  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))('%s names the GitHub docs page its shape comes from', (file) => {
    const fixture = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { docs: string; recorded: Record<string, { status: number }> };
    expect(fixture.docs).toMatch(/^https:\/\/docs\.github\.com\/en\/rest\/.+apiVersion=2022-11-28/);
    expect(Object.values(fixture.recorded).length).toBeGreaterThan(0);
  });

  it('cannot be given a field GitHub does not document', () => {
    const body = recorded('get-a-reference', 'found').body;
    expect(shaped(body, { object: { sha: 'a'.repeat(40) } })).toMatchObject({ ref: 'refs/heads/gh-pages', object: { type: 'commit', sha: 'a'.repeat(40) } });
    expect(() => shaped(body, { object: { commit: 'a'.repeat(40) } })).toThrow("body.object.commit is not in GitHub's documented response");
  });
});

describe('commitMessage', () => {
  it.each([
    [['sitrep-probe.txt'], 'Publish sitrep-probe.txt'],
    [['sitrep-site.json', 'api/v2/summary.json'], 'Publish status site (summary.json, sitrep-site.json)\n\nsitrep-site.json\napi/v2/summary.json\n'],
    [
      ['sitrep-site.json', 'index.html', 'incidents/inc-1.html', 'api/v2/summary.json'],
      'Publish status site (summary.json, index.html, +2)\n\nsitrep-site.json\nindex.html\nincidents/inc-1.html\napi/v2/summary.json\n',
    ],
  ])('%j → %j', (paths, message) => {
    expect(commitMessage(paths)).toBe(message);
  });

  it('lists at most 40 paths, then says how many more', () => {
    const paths = Array.from({ length: 45 }, (_, i) => `incidents/inc-${i}.html`);
    const message = commitMessage(paths);
    expect(message.split('\n')[0]).toBe('Publish status site (inc-0.html, inc-1.html, +43)');
    expect(message).toContain('incidents/inc-39.html\n…and 5 more\n');
    expect(message).not.toContain('inc-40.html');
  });
});
