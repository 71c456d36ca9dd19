/**
 * GitLab: commits, merge requests, pipelines and jobs, on gitlab.com and on self-managed GitLab
 * under any host.
 *
 * Project pages live under the project's full path (`group/subgroup/project`), then `/-/`, then
 * the section: `/-/merge_requests/12`, `/-/commit/<sha>`, `/-/pipelines/123`, `/-/jobs/456`.
 * The `/-/` separator is GitLab's own, so a path with it and a known section is GitLab under any
 * host (`gitlab.freedesktop.org`, `git.example.com`). Before GitLab 12 the same pages had no
 * `/-/` (`/group/project/merge_requests/12`); those are recognized on gitlab.com and on hosts
 * named for GitLab only.
 *
 * The ref names the change the way GitLab's own references do, with the project's full path:
 * - a merge request: `group/project!12`;
 * - a commit: `group/project@<sha>`, the sha as the URL writes it, in lower case;
 * - a pipeline: `group/project pipeline 123`, and a job: `group/project job 456` (GitLab has no
 *   short reference for these).
 * Every other GitLab page (an issue, a file, a group, the dashboard) is GitLab without a ref. On a
 * GitLab installed under a sub-path (`example.com/gitlab/…`) the sub-path reads as part of the
 * project's path: the URL cannot tell them apart.
 *
 * Frozen: the page itself, without `utm_*` parameters.
 */
import type { Recognized } from '../recognized.ts';
import { pathSegments, withoutTracking } from './page-ref.ts';

const GITLAB_COM = /^gitlab\.com$/i;
const NAMED_FOR_GITLAB = /(?:^|[.-])gitlab(?:[.-])/i;
// Sections of a project's (or group's) pages after `/-/`.
const SECTIONS = new Set([
  'merge_requests',
  'commit',
  'commits',
  'pipelines',
  'jobs',
  'issues',
  'tree',
  'blob',
  'raw',
  'blame',
  'compare',
  'tags',
  'branches',
  'releases',
  'environments',
  'deployments',
  'pipeline_schedules',
  'settings',
  'wikis',
  'boards',
  'milestones',
  'labels',
  'graphs',
  'network',
  'snippets',
  'packages',
  'alert_management',
  'incidents',
  'error_tracking',
  'security',
  'epics',
  'work_items',
  'project_members',
  'group_members',
  'merge_trains',
  'artifacts',
  'ci',
  'value_stream_analytics',
  'analytics',
  'archive',
]);
// Sections that were written without `/-/` before GitLab 12.
const LEGACY_SECTIONS = new Set(['merge_requests', 'commit', 'commits', 'pipelines', 'jobs', 'issues', 'tree', 'blob', 'compare', 'tags']);
const SHA = /^[0-9a-f]{7,64}$/i;
const NUMBER = /^[1-9]\d{0,19}$/;

type Ref = NonNullable<Recognized['ref']>;

export function recognizeGitLab(url: URL): Recognized | undefined {
  const host = url.hostname;
  const segments = pathSegments(url.pathname);
  const gitlabCom = GITLAB_COM.test(host);
  const page = projectPage(segments, gitlabCom || NAMED_FOR_GITLAB.test(`${host}.`));
  if (page === undefined && !gitlabCom) return undefined;
  const ref = page && changeRef(page);
  return { tool: 'gitlab', ...(ref && { ref }), frozenUrl: withoutTracking(url) };
}

interface ProjectPage {
  project: string;
  section: string;
  id: string | undefined;
}

/** The project path and section of a project page, `undefined` when the path is none. */
function projectPage(segments: string[], gitlabHost: boolean): ProjectPage | undefined {
  const dash = segments.indexOf('-');
  if (dash >= 1) {
    const section = segments[dash + 1] ?? '';
    if (!SECTIONS.has(section)) return undefined;
    return { project: segments.slice(0, dash).join('/'), section, id: segments[dash + 2] };
  }
  if (!gitlabHost) return undefined;
  // Before `/-/`: `<namespace…>/<project>/<section>/<id>`, the section right after two or more segments.
  for (let i = 2; i < segments.length; i++) {
    const section = segments[i] ?? '';
    if (LEGACY_SECTIONS.has(section)) return { project: segments.slice(0, i).join('/'), section, id: segments[i + 1] };
  }
  return undefined;
}

function changeRef({ project, section, id }: ProjectPage): Ref | undefined {
  if (id === undefined) return undefined;
  const change = (text: string): Ref => ({ kind: 'change', id: text });
  if (section === 'merge_requests' && NUMBER.test(id)) return change(`${project}!${id}`);
  if (section === 'commit' && SHA.test(id)) return change(`${project}@${id.toLowerCase()}`);
  if (section === 'pipelines' && NUMBER.test(id)) return change(`${project} pipeline ${id}`);
  if (section === 'jobs' && NUMBER.test(id)) return change(`${project} job ${id}`);
  return undefined;
}
