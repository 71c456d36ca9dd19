import { describe, it } from 'vitest';
import { recognizeGitHub } from '../../../src/capture/tools/github.ts';
import { expectNotClaimed, expectRef } from './expect-ref.ts';

describe('recognizeGitHub', () => {
  it.each([
    {
      // GitHub Docs, "Autolinked references and URLs": a commit URL, `jlord/sheetsee.js@a5c3785…`.
      url: 'https://github.com/jlord/sheetsee.js/commit/a5c3785ed8d6a35868bc169f07e40e889087fd2e',
      ref: { kind: 'change', id: 'jlord/sheetsee.js@a5c3785ed8d6a35868bc169f07e40e889087fd2e' },
    },
    {
      // A shortened sha stays as written, in lower case (GitHub accepts both).
      url: 'https://github.com/jlord/sheetsee.js/commit/A5C3785',
      ref: { kind: 'change', id: 'jlord/sheetsee.js@a5c3785' },
    },
    {
      // GitHub Docs, the same page: a pull request (`jlord/sheetsee.js#434`, as `#26` in the table).
      url: 'https://github.com/jlord/sheetsee.js/pull/434',
      ref: { kind: 'change', id: 'jlord/sheetsee.js#434' },
    },
    {
      // The pull request's files tab (github/docs PR 6074 in elastic/security-docs).
      url: 'https://github.com/elastic/security-docs/pull/6074/files',
      ref: { kind: 'change', id: 'elastic/security-docs#6074' },
    },
    {
      // A GitHub notifier's link: the notification tracking is dropped.
      url: 'https://github.com/acme/api/pull/412?notification_referrer_id=NT_kwDOAmJSYrM2NjIwMzI3NDgyOjM5OTk4MDUw#issuecomment-1571602271',
      ref: { kind: 'change', id: 'acme/api#412' },
      frozenUrl: 'https://github.com/acme/api/pull/412#issuecomment-1571602271',
    },
    {
      // Constructed from a pull request's Commits tab: one commit shown inside the pull request.
      url: 'https://github.com/acme/api/pull/412/commits/a5c3785ed8d6a35868bc169f07e40e889087fd2e',
      ref: { kind: 'change', id: 'acme/api@a5c3785ed8d6a35868bc169f07e40e889087fd2e' },
    },
    {
      // GitHub REST API docs, "Get a workflow run": `html_url` of the example.
      url: 'https://github.com/octo-org/octo-repo/actions/runs/30433642',
      ref: { kind: 'change', id: 'octo-org/octo-repo actions run 30433642' },
    },
    {
      // GitHub REST API docs, "Get a job for a workflow run": the job's `html_url`. The run is the change.
      url: 'https://github.com/octo-org/octo-repo/actions/runs/30433642/job/399444496',
      ref: { kind: 'change', id: 'octo-org/octo-repo actions run 30433642' },
    },
    {
      // GitHub REST API docs, "Get a check run": `html_url` of the example.
      url: 'https://github.com/github/hello-world/runs/4',
      ref: { kind: 'change', id: 'github/hello-world check run 4' },
    },
    {
      // A repository's home: GitHub, no one change.
      url: 'https://github.com/refined-github/refined-github',
    },
    {
      // GitHub Docs, same page: an issue URL. An issue is not a change, nor a customer's ticket.
      url: 'https://github.com/jlord/sheetsee.js/issues/26',
    },
    {
      // A commit list from a sha (`/commits/`): history, not one commit.
      url: 'https://github.com/acme/api/commits/a5c3785ed8d6a35868bc169f07e40e889087fd2e',
    },
    {
      // GitHub Enterprise Server on a host named for it (Refined GitHub supports such hosts).
      url: 'https://github.acme.com/payments/api/commit/523d785a5c3785ed8d6a35868bc169f07e40e889',
      ref: { kind: 'change', id: 'payments/api@523d785a5c3785ed8d6a35868bc169f07e40e889' },
    },
    {
      // Constructed: GitHub Enterprise Cloud with data residency (`<enterprise>.ghe.com`).
      url: 'https://octocorp.ghe.com/payments/api/actions/runs/99',
      ref: { kind: 'change', id: 'payments/api actions run 99' },
    },
    {
      // Constructed: a pull request on GitHub Enterprise under any host (the path is GitHub's alone).
      url: 'https://code.acme.internal/payments/api/pull/17/checks',
      ref: { kind: 'change', id: 'payments/api#17' },
    },
  ] as const)('$url', ({ url, ...expected }) => {
    expectRef(recognizeGitHub, url, { tool: 'github', ...expected });
  });

  it.each([
    // GitHub's other hosts and GitHub Pages sites.
    'https://docs.github.com/en/get-started/writing-on-github/working-with-advanced-formatting/autolinked-references-and-urls',
    'https://gist.github.com/octocat/6cad326836d38bd3a7ae',
    'https://acme.github.io/api/pull/1',
    'https://raw.githubusercontent.com/acme/api/main/README.md',
    // Gitea and Forgejo write commits and runs the way GitHub does; pulls as `/pulls/`.
    'https://gitea.com/gitea/tea/commit/a5c3785ed8d6a35868bc169f07e40e889087fd2e',
    'https://codeberg.org/forgejo/forgejo/actions/runs/1234',
    'https://codeberg.org/forgejo/forgejo/pulls/1234',
    // A host named for GitHub, but no change on it.
    'https://github.acme.com/payments/api',
  ])('is not a GitHub change page: %s', (url) => {
    expectNotClaimed(recognizeGitHub, url);
  });
});
