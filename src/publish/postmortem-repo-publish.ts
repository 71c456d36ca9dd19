import * as z from 'zod';
import type { SiteFile } from '../feed/build';
import { POSTMORTEM_STATUS_LABELS, PostmortemStatus, type GitHubTarget, type Incident, type Postmortem } from '../model';
import { oneLine } from '../report/postmortem-outline';
import { escapeInline } from '../report/timeline-markdown';
import { PublishError, type Target } from './target';
import { GITHUB_API_VERSION, createGitHubTarget } from './targets/github-target';
import { gitHubFailure } from './targets/github-errors';

/** The folder of the team repository post-mortems are written to, one file per incident. */
export const POSTMORTEMS_DIR = 'postmortems';
export const POSTMORTEMS_INDEX = `${POSTMORTEMS_DIR}/README.md`;

/** Lost races (someone else committed between our read and our write) before giving up. */
const MAX_ATTEMPTS = 3;

export interface RepoPublishInput {
  incident: Incident;
  postmortem: Postmortem;
  /** The post-mortem as buildPostmortemMarkdown wrote it. */
  markdown: string;
}

export interface RepoPublishResult {
  /** Where it was written: `postmortems/INC-42.md`. */
  path: string;
  /** The commit the branch is at afterwards. */
  commit?: string;
}

/**
 * Publishes an internal post-mortem to a team repository through the GitHub target: the repository
 * must be private (checked first: an internal post-mortem names people, hosts and internal titles),
 * and is written at its root, whatever folder the target publishes the status site to.
 */
export async function publishPostmortemToGitHub(
  config: GitHubTarget,
  token: string,
  input: RepoPublishInput,
  fetchImpl: typeof fetch = globalThis.fetch,
): Promise<RepoPublishResult> {
  await assertPrivateRepository(config, token, fetchImpl);
  return publishPostmortemFiles(createGitHubTarget({ ...config, directory: '' }, token, fetchImpl), input);
}

const RepositoryVisibility = z.object({ private: z.boolean() });

/** Refuses a repository GitHub does not say is private. */
export async function assertPrivateRepository(config: GitHubTarget, token: string, fetchImpl: typeof fetch = globalThis.fetch): Promise<void> {
  const repo = `${config.owner}/${config.repo}`;
  const url = `${config.apiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(config.owner)}/${encodeURIComponent(config.repo)}`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { Accept: 'application/vnd.github+json', Authorization: `Bearer ${token}`, 'X-GitHub-Api-Version': GITHUB_API_VERSION },
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'manual',
    });
  } catch {
    throw new PublishError('unreachable', `GitHub API unreachable (${new URL(url).host})`);
  }
  if (!response.ok) throw await gitHubFailure(response, { repo, branch: config.branch, doing: `looking up ${repo}`, token });
  const parsed = RepositoryVisibility.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new PublishError('config', `${new URL(url).host} did not answer like GitHub's API: check the API URL`);
  if (!parsed.data.private) {
    throw new PublishError('config', `${repo} is not private: an internal post-mortem goes only to a private team repository`);
  }
}

/**
 * Writes `postmortems/<KEY>.md` and updates the index `postmortems/README.md`, keeping every row
 * others wrote there. Each write is conditional on the branch being where it was read, so a
 * colleague's publish in between is read and kept (up to three tries). A file of that name that
 * belongs to another incident (another log's INC-3) is never overwritten.
 */
export async function publishPostmortemFiles(target: Target, { incident, postmortem, markdown }: RepoPublishInput): Promise<RepoPublishResult> {
  const path = `${POSTMORTEMS_DIR}/${incident.key}.md`;
  const body = `${incidentMarker(incident.id)}\n\n${markdown}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const index = await target.read(POSTMORTEMS_INDEX);
      const existing = await target.read(path);
      const owner = existing && markerOf(existing.body);
      if (owner && owner !== incident.id) {
        throw new PublishError('rejected', `${path} in the repository is another incident's post-mortem (same key, another log): nothing was written`);
      }
      const written = await target.write(markdownFile(path, body), index?.etag ? { ifMatch: index.etag } : {});
      const rows = upsertRow(parseIndex(index?.body ?? ''), {
        key: incident.key,
        incidentId: incident.id,
        title: oneLine(incident.title).slice(0, 200),
        status: postmortem.status,
        startedAt: incident.startedAt,
        updatedAt: postmortem.updatedAt,
      });
      const indexed = await target.write(
        markdownFile(POSTMORTEMS_INDEX, renderIndex(rows)),
        written.etag ? { ifMatch: written.etag } : index ? {} : { ifNoneMatch: '*' },
      );
      return { path, ...((indexed.etag ?? written.etag) && { commit: indexed.etag ?? written.etag }) };
    } catch (error) {
      if (error instanceof PublishError && error.kind === 'conflict' && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}

function markdownFile(path: string, body: string): SiteFile {
  return { path, body, contentType: 'text/markdown; charset=utf-8', cacheControl: 'no-store' };
}

const MARKER = /<!-- sitrep-incident: ([0-9a-f-]{36}) -->/;
const incidentMarker = (id: string) => `<!-- sitrep-incident: ${id} -->`;

function markerOf(body: string): string | undefined {
  return MARKER.exec(body)?.[1];
}

/** One post-mortem in the index. */
export const IndexRow = z.object({
  key: z.string().regex(/^INC-[1-9]\d{0,8}$/),
  incidentId: z.string().max(64),
  title: z.string().max(200),
  status: PostmortemStatus,
  startedAt: z.string().max(40),
  updatedAt: z.string().max(40),
});
export type IndexRow = z.infer<typeof IndexRow>;

const INDEX_DATA = /<!-- sitrep-postmortems\n([\s\S]*?)\n-->/;

/**
 * The rows an index holds, read from the data comment it carries (what a person sees is the
 * table; the comment is what the next publish merges into). Rows that no longer parse are dropped.
 */
export function parseIndex(body: string): IndexRow[] {
  const data = INDEX_DATA.exec(body)?.[1];
  if (!data) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(data);
  } catch {
    return [];
  }
  if (!Array.isArray(doc)) return [];
  return doc.flatMap((row) => {
    const parsed = IndexRow.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

function upsertRow(rows: IndexRow[], row: IndexRow): IndexRow[] {
  return [...rows.filter((r) => r.key !== row.key), row];
}

/** The index: a table of every post-mortem, newest incident first, and its rows as data. */
export function renderIndex(rows: readonly IndexRow[]): string {
  const sorted = rows.toSorted((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : a.key.localeCompare(b.key)));
  // `--` would end the comment early: written as -\u002d inside JSON strings, which JSON reads back as --.
  const data = JSON.stringify(sorted, null, 1).replace(/--/g, '-\\u002d');
  return [
    '# Post-mortems',
    '',
    'Written with Sitrep, one file per incident. Times are UTC.',
    '',
    '| Incident | Title | Started | Status | Updated |',
    '| --- | --- | --- | --- | --- |',
    ...sorted.map(
      (r) =>
        `| [${r.key}](${r.key}.md) | ${escapeInline(oneLine(r.title))} | ${escapeInline(r.startedAt.slice(0, 16).replace('T', ' '))} | ${POSTMORTEM_STATUS_LABELS[r.status]} | ${escapeInline(r.updatedAt.slice(0, 10))} |`,
    ),
    '',
    `<!-- sitrep-postmortems\n${data}\n-->`,
    '',
  ].join('\n');
}
