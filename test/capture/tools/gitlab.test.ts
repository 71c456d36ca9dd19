import { describe, it } from 'vitest';
import { recognizeGitLab } from '../../../src/capture/tools/gitlab.ts';
import { expectNotClaimed, expectRef } from './expect-ref.ts';

describe('recognizeGitLab', () => {
  it.each([
    {
      // GitLab's own merge request "use ! rather than # for merge request references": `!` for MRs.
      url: 'https://gitlab.com/gitlab-org/gitlab-foss/-/merge_requests/3740',
      ref: { kind: 'change', id: 'gitlab-org/gitlab-foss!3740' },
    },
    {
      // The same merge request's Changes tab.
      url: 'https://gitlab.com/gitlab-org/gitlab-foss/-/merge_requests/3740/diffs',
      ref: { kind: 'change', id: 'gitlab-org/gitlab-foss!3740' },
    },
    {
      // The same merge request before GitLab 12, without `/-/` (as the old link still reads).
      url: 'https://gitlab.com/gitlab-org/gitlab-ce/merge_requests/3740',
      ref: { kind: 'change', id: 'gitlab-org/gitlab-ce!3740' },
    },
    {
      // remark-gitlab's README: a commit link (`justjavac/remark-gitlab@e1aa9f6…` as a reference).
      url: 'https://gitlab.com/justjavac/remark-gitlab/commit/e1aa9f6c02de18b9459b7d269712bcb50183ce89',
      ref: { kind: 'change', id: 'justjavac/remark-gitlab@e1aa9f6c02de18b9459b7d269712bcb50183ce89' },
    },
    {
      // A Xen patch series' "CI:" link: a pipeline in a nested group.
      url: 'https://gitlab.com/xen-project/people/andyhhp/xen/-/pipelines/416737379',
      ref: { kind: 'change', id: 'xen-project/people/andyhhp/xen pipeline 416737379' },
    },
    {
      // A media-subsystem pull request's CI link on freedesktop.org's self-managed GitLab.
      url: 'https://gitlab.freedesktop.org/linux-media/users/hverkuil/-/pipelines/1465073',
      ref: { kind: 'change', id: 'linux-media/users/hverkuil pipeline 1465073' },
    },
    {
      // A generated DAG's header: a pipeline on a self-managed GitLab whose host names no GitLab.
      url: 'https://git.jwn.app/TM00593/das_merch/APP04070-gcp-MFP_kafka_to_TD_IF/-/pipelines/7038235',
      ref: { kind: 'change', id: 'TM00593/das_merch/APP04070-gcp-MFP_kafka_to_TD_IF pipeline 7038235' },
    },
    {
      // A CI helper's job link (`${server_url}/${project_path}/-/jobs/${job_id}`).
      url: 'https://gitlab.example.com/group/project/-/jobs/4242',
      ref: { kind: 'change', id: 'group/project job 4242' },
    },
    {
      // Constructed: a commit on a self-managed instance, upper-case sha and campaign parameters.
      url: 'https://git.example.com/payments/api/-/commit/E1AA9F6C?utm_source=chat',
      ref: { kind: 'change', id: 'payments/api@e1aa9f6c' },
      frozenUrl: 'https://git.example.com/payments/api/-/commit/E1AA9F6C',
    },
    {
      // A GitLab issue: GitLab, no change.
      url: 'https://gitlab.com/gitlab-org/gitlab/-/work_items/291196',
    },
    {
      // GitLab's own tree: a file in the repository.
      url: 'https://gitlab.com/gitlab-org/gitlab/-/tree/master/doc/user/markdown.md',
    },
    {
      // A release manager's link to start a pipeline: not one yet.
      url: 'https://gitlab.example.com/your-org/devtools/release-manager/-/pipelines/new',
    },
    {
      // gitlab.com's own pages outside projects.
      url: 'https://gitlab.com/dashboard/merge_requests?assignee_username=me',
    },
  ] as const)('$url', ({ url, ...expected }) => {
    expectRef(recognizeGitLab, url, { tool: 'gitlab', ...expected });
  });

  it.each([
    'https://about.gitlab.com/pricing/',
    'https://docs.gitlab.com/operations/alerts',
    // npm's registry uses `/-/` for tarballs.
    'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz',
    // Omnibus GitLab's bundled Grafana lives under `/-/grafana/`: Grafana's, not GitLab's.
    'https://gitlab.example.com/-/grafana/d/abc/overview?from=now-1h',
    // A repository's home on a self-managed host: no path says GitLab.
    'https://git.example.com/payments/api',
  ])('is not a GitLab change page: %s', (url) => {
    expectNotClaimed(recognizeGitLab, url);
  });
});
