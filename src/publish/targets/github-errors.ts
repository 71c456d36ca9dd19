import { PublishError } from '../target';

/** Longest GitHub message quoted in an error: GitHub's own one-line validation messages fit. */
const MAX_QUOTED = 300;

/** What the target was doing when GitHub said no, and for which repository (`owner/repo`). */
export interface GitHubStep {
  repo: string;
  branch: string;
  /** In words, for the end of a sentence: "reading api/v2/summary.json", "updating the branch". */
  doing: string;
  /** The token, so it can be cut out of anything GitHub echoes back. */
  token: string;
}

/**
 * GitHub's answer in one sentence a responder can act on. Built from the status, the documented
 * rate-limit headers and our own words; GitHub's `message` is quoted only for a validation error
 * (400/422) it did not document a better meaning for, and never with the token in it.
 */
export async function gitHubFailure(response: Response, step: GitHubStep): Promise<PublishError> {
  const { status } = response;
  const said = await quoted(response, step.token);
  const limited = rateLimit(response.headers, status, said);
  if (limited) return new PublishError('server', `${limited} (while ${step.doing})`);
  if (status === 401)
    return new PublishError('auth', `GitHub refused the token for ${step.repo}: it is wrong, expired or revoked; paste a new one in Settings → Publishing`);
  if (status === 403) {
    return new PublishError('auth', `The token lacks Contents: read and write on ${step.repo} (GitHub said no while ${step.doing})`);
  }
  if (status === 404) return new PublishError('config', `Repository ${step.repo} not found, or the token cannot see it`);
  if (status === 409 && /repository is empty/i.test(said)) return emptyRepository(step.repo);
  if (status === 409) return new PublishError('conflict', `Someone else changed ${step.branch} of ${step.repo} at the same moment`);
  if (status === 422 && /not a fast forward|reference does not exist|reference already exists/i.test(said)) {
    return new PublishError('conflict', `Someone else committed to ${step.branch} of ${step.repo} at the same moment`);
  }
  if (status === 422 && /protected branch/i.test(said)) {
    return new PublishError(
      'rejected',
      `Branch ${step.branch} of ${step.repo} is protected: publish to a branch without required reviews or checks (GitHub said: ${said})`,
    );
  }
  if (status === 400 || status === 413 || status === 422) {
    return new PublishError('rejected', `GitHub refused the publish while ${step.doing} (HTTP ${status})${said ? `: ${said}` : ''}`);
  }
  if (status >= 500) return new PublishError('server', `GitHub error (HTTP ${status}) while ${step.doing}: try again shortly`);
  return new PublishError('server', `Unexpected answer from GitHub (HTTP ${status}) while ${step.doing}`);
}

export function emptyRepository(repo: string): PublishError {
  return new PublishError(
    'config',
    `Repository ${repo} is empty: GitHub's API cannot add its first commit. Add any file on github.com (a README will do), then publish again`,
  );
}

/**
 * GitHub's documented rate-limit signals: 403 or 429 with `x-ratelimit-remaining: 0` (until
 * `x-ratelimit-reset`, UTC epoch seconds), or with `retry-after` seconds (a secondary limit).
 */
function rateLimit(headers: Headers, status: number, said: string): string | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = Number(headers.get('retry-after'));
  if (headers.has('retry-after') && Number.isFinite(retryAfter)) {
    return `GitHub asked to slow down (secondary rate limit): publishing can resume in ${Math.max(1, Math.ceil(retryAfter))} s`;
  }
  if (headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(headers.get('x-ratelimit-reset'));
    const when = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : undefined;
    return when && !Number.isNaN(when.getTime())
      ? `GitHub's API rate limit for this token is used up until ${utcTime(when)}; publishing resumes then`
      : `GitHub's API rate limit for this token is used up; publishing resumes within the hour`;
  }
  if (status === 429 || /rate limit/i.test(said)) return 'GitHub asked to slow down (rate limit): publishing can resume in a minute or so';
  return undefined;
}

/** "2026-11-28 14:05 UTC": an instant a responder reads without knowing our clock or zone. */
function utcTime(at: Date): string {
  const iso = at.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** GitHub's `message` field, on one line, short, and with the token cut out should it ever appear. */
async function quoted(response: Response, token: string): Promise<string> {
  const text = await response.text().catch(() => '');
  let message = text;
  try {
    const doc: unknown = JSON.parse(text);
    if (doc && typeof doc === 'object' && 'message' in doc && typeof doc.message === 'string') message = doc.message;
  } catch {
    // Not JSON (a proxy's HTML page): quote nothing of it.
    message = '';
  }
  if (token) message = message.split(token).join('…');
  return message.replace(/\s+/g, ' ').trim().slice(0, MAX_QUOTED);
}
