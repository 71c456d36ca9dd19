/**
 * Jira and Jira Service Management: Jira Cloud on `<site>.atlassian.net`, and Jira Server / Data
 * Center or a service desk's own portal domain under any host and sub-path, told apart by path
 * shapes only Jira writes.
 *
 * The ref is the issue key as Jira writes it, `ACME-123` (a project key — a capital letter, then
 * capitals, digits or `_` — a dash and the issue number), from:
 * - `/browse/ACME-123`, the issue's own page, Cloud or self-hosted (`/jira/browse/ACME-1`);
 * - `/servicedesk/customer/portal/<portal>/ACME-9`, the customer's view of a service-desk request
 *   (also on a help-center domain of its own);
 * - `/jira/servicedesk/projects/ACME/queues/custom/33/ACME-1234`, the agent's view in a queue,
 *   and any Cloud page ending in a key (`/jira/servicedesk/projects/DTR/queues/issue/DTR-1675`);
 * - `/projects/ACME/issues/ACME-123`, Jira Server's issue navigator (the key must be in the
 *   project the path names);
 * - `?selectedIssue=ACME-7` on a board or search (`/jira/software/projects/ACME/boards/1`,
 *   `/secure/RapidBoard.jspa`, `/issues/`), which opens that issue beside the board.
 * Cloud accepts keys in any case and shows them in capitals, so a Cloud key is written in
 * capitals; elsewhere a path segment counts as a key only in capitals, as Jira writes it.
 *
 * Other Jira pages (boards, dashboards, queues) are Jira without a ref, on Cloud, or where the
 * path says Jira (`/servicedesk/customer/…`, `/secure/<Page>.jspa`). Confluence, which shares
 * `atlassian.net` under `/wiki/`, is not Jira; `/jira/ops/` is Opsgenie's (see opsgenie.ts).
 *
 * Frozen: the page itself, without `atlOrigin` (Atlassian's share-link tracking) and `utm_*`.
 */
import type { Recognized } from '../recognized.ts';
import { pathSegments, withoutTracking } from './page-ref.ts';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]+-[1-9]\d{0,9}$/;
const ATLASSIAN_HOST = /^[a-z0-9-]+\.atlassian\.net$/i;
// First path segments of Jira Cloud's app (as opposed to Confluence's `/wiki/`, Bitbucket's…).
const CLOUD_SECTIONS = new Set(['browse', 'jira', 'servicedesk', 'projects', 'issues', 'secure', 'plugins']);
const TRACKING = ['atlOrigin'];

export function recognizeJira(url: URL): Recognized | undefined {
  const segments = pathSegments(url.pathname);
  const cloud = ATLASSIAN_HOST.test(url.hostname);
  if (cloud && !CLOUD_SECTIONS.has(segments[0] ?? '')) return undefined;
  if (cloud && segments[0] === 'jira' && segments[1] === 'ops') return undefined;

  const key = keyInPath(segments, cloud) ?? selectedIssue(url, segments, cloud);
  if (key === undefined && !cloud && !isJiraPath(segments)) return undefined;
  return { tool: 'jira', ...(key !== undefined && { ref: { kind: 'ticket' as const, id: key } }), frozenUrl: withoutTracking(url, TRACKING) };
}

/** `text` as an issue key, in capitals; on Cloud in any case, elsewhere only as Jira writes it. */
function asKey(text: string | undefined, cloud: boolean): string | undefined {
  if (text === undefined) return undefined;
  const key = cloud ? text.toUpperCase() : text;
  return ISSUE_KEY.test(key) ? key : undefined;
}

function keyInPath(segments: string[], cloud: boolean): string | undefined {
  const last = segments.length - 1;
  const lastKey = asKey(segments[last], cloud);
  if (lastKey === undefined) return undefined;
  const before = segments[last - 1];
  if (before === 'browse') return lastKey;
  const portal = segments.lastIndexOf('portal');
  if (portal >= 2 && portal === last - 2 && segments[portal - 1] === 'customer' && segments[portal - 2] === 'servicedesk') return lastKey;
  if (before === 'issues' && segments[last - 3] === 'projects' && lastKey.startsWith(`${segments[last - 2]}-`)) return lastKey;
  const queue = segments.indexOf('servicedesk');
  if (queue >= 1 && segments[queue - 1] === 'jira' && segments[queue + 1] === 'projects') return lastKey;
  return cloud ? lastKey : undefined;
}

function selectedIssue(url: URL, segments: string[], cloud: boolean): string | undefined {
  if (!cloud && !isJiraPath(segments) && !segments.includes('issues')) return undefined;
  return asKey(url.searchParams.get('selectedIssue') ?? undefined, cloud);
}

/** Paths only Jira writes, whatever the host: its service-desk portal and its `.jspa` pages. */
function isJiraPath(segments: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === 'servicedesk' && segments[i + 1] === 'customer') return true;
    if (segments[i] === 'secure' && /^[A-Z][A-Za-z]*\.jspa$/.test(segments[i + 1] ?? '')) return true;
  }
  return false;
}
