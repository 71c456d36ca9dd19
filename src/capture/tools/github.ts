/**
 * GitHub: commits, pull requests and CI runs, on github.com and on GitHub Enterprise.
 *
 * The ref names the change the way GitHub's own autolinked references do, with the repository
 * first (`owner/repo`, as in the URL):
 * - a commit, `/<owner>/<repo>/commit/<sha>`: `acme/api@<sha>`, the sha as the URL writes it
 *   (GitHub writes the full 40-character sha; a shortened one stays as short as it was), in
 *   lower case. A commit shown inside a pull request, `/pull/412/commits/<sha>`, is that commit;
 * - a pull request, `/<owner>/<repo>/pull/412` (and its `/files`, `/commits`, `/checks` tabs):
 *   `acme/api#412`;
 * - a GitHub Actions workflow run, `/<owner>/<repo>/actions/runs/<id>` (and its jobs and
 *   attempts): `acme/api actions run <id>`;
 * - a check run, `/<owner>/<repo>/runs/<id>` (the `html_url` of the Checks API):
 *   `acme/api check run <id>`.
 * Every other github.com page (a repository's home, an issue, a file, a compare, a release) is
 * GitHub without a ref: it names no single change, and an issue is not a customer's ticket. The
 * tool still says where the clip came from.
 *
 * GitHub Enterprise runs on a company's own host. A pull request path (`/<owner>/<repo>/pull/<n>`)
 * is GitHub's alone and is recognized under any host; commits and runs share their paths with
 * Gitea and Forgejo (`/<owner>/<repo>/commit/<sha>`, `/actions/runs/<n>`), so elsewhere than
 * github.com they are recognized only on a host named for GitHub (`github.acme.com`) or on
 * GitHub Enterprise Cloud's `*.ghe.com`. Other pages of such hosts are left to the others.
 *
 * Frozen: the page itself, without GitHub's notification and e-mail tracking
 * (`notification_referrer_id`, `email_source`, `email_token`) and `utm_*`.
 */
import type { Recognized } from '../recognized.ts';
import { pathSegments, withoutTracking } from './page-ref.ts';

const GITHUB_COM = /^(?:www\.)?github\.com$/i;
const GHE_CLOUD = /^(?:[a-z0-9-]+\.)+ghe\.com$/i;
// GitHub's other hosts, and GitHub Pages sites, are no repository pages.
const NOT_ENTERPRISE = /(?:^|\.)(?:github\.io|githubusercontent\.com|githubassets\.com|github\.com)$/i;
const NAMED_FOR_GITHUB = /(?:^|[.-])github(?:[.-])/i;
const SHA = /^[0-9a-f]{7,64}$/i;
const NUMBER = /^[1-9]\d{0,19}$/;
const TRACKING = ['notification_referrer_id', 'email_source', 'email_token'];

type Ref = NonNullable<Recognized['ref']>;

export function recognizeGitHub(url: URL): Recognized | undefined {
  const host = url.hostname;
  const segments = pathSegments(url.pathname);
  const ref = changeRef(segments);
  if (!GITHUB_COM.test(host)) {
    if (ref === undefined || NOT_ENTERPRISE.test(host)) return undefined;
    const enterprise = GHE_CLOUD.test(host) || NAMED_FOR_GITHUB.test(`${host}.`);
    if (!enterprise && segments[2] !== 'pull') return undefined;
  }
  return { tool: 'github', ...(ref && { ref }), frozenUrl: withoutTracking(url, TRACKING) };
}

function changeRef(segments: string[]): Ref | undefined {
  const [owner, repo, section, id, sub, subId] = segments;
  if (owner === undefined || repo === undefined || id === undefined) return undefined;
  const repository = `${owner}/${repo}`;
  const change = (text: string): Ref => ({ kind: 'change', id: text });
  if (section === 'commit' && SHA.test(id)) return change(`${repository}@${id.toLowerCase()}`);
  if (section === 'pull' && NUMBER.test(id)) {
    if (sub === 'commits' && subId !== undefined && SHA.test(subId)) return change(`${repository}@${subId.toLowerCase()}`);
    return change(`${repository}#${id}`);
  }
  if (section === 'actions' && id === 'runs' && sub !== undefined && NUMBER.test(sub)) return change(`${repository} actions run ${sub}`);
  if (section === 'runs' && NUMBER.test(id)) return change(`${repository} check run ${id}`);
  return undefined;
}
