import type { SiteFile } from '../../feed/build';
import type { HostTarget } from '../../model';
import { PublishError, type StoredFile, type Target, type WriteCondition } from '../target';

/** Longest server message quoted in an error: enough for the host's one-line validation message. */
const MAX_QUOTED = 300;

/**
 * The embedded host (`widget/host`): GET reads the site as anyone does, PUT writes a file with
 * the bearer token, `If-Match` makes a write conditional on the file read.
 */
export function createHostTarget(target: HostTarget, token: string, fetchImpl: typeof fetch = globalThis.fetch): Target {
  const base = target.url.replace(/\/+$/, '');
  const where = new URL(base).host;

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetchImpl(`${base}/${path}`, { ...init, cache: 'no-store', credentials: 'omit', redirect: 'error' });
    } catch {
      // fetch says nothing useful (TypeError: Failed to fetch): DNS, refused, CORS, TLS look alike.
      throw new PublishError('unreachable', `Host unreachable (${where})`);
    }
  }

  return {
    async read(path): Promise<StoredFile | undefined> {
      const response = await send(path, { method: 'GET' });
      if (response.status === 404) return undefined;
      if (!response.ok) throw await failure(response, path);
      const etag = response.headers.get('ETag') ?? undefined;
      return { body: await response.text(), ...(etag && { etag }) };
    },

    async write(file: SiteFile, condition: WriteCondition = {}) {
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, 'Content-Type': file.contentType };
      if (condition.ifMatch) headers['If-Match'] = condition.ifMatch;
      if (condition.ifNoneMatch) headers['If-None-Match'] = condition.ifNoneMatch;
      const response = await send(file.path, { method: 'PUT', headers, body: file.body });
      if (!response.ok) throw await failure(response, file.path);
      const etag = response.headers.get('ETag') ?? undefined;
      return etag ? { etag } : {};
    },

    async remove(path) {
      const response = await send(path, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok && response.status !== 404) throw await failure(response, path);
    },
  };

  async function failure(response: Response, path: string): Promise<PublishError> {
    const { status } = response;
    if (status === 401 || status === 403) return new PublishError('auth', 'Token refused: check the token in Settings → Publishing');
    if (status === 412) return new PublishError('conflict', `Someone else published ${path} at the same moment`);
    if (status === 413) return new PublishError('rejected', `The host refused ${path} as too large`);
    if (status === 400 || status === 422) {
      const said = (await response.text().catch(() => '')).replace(/\s+/g, ' ').trim().slice(0, MAX_QUOTED);
      return new PublishError('rejected', `The host refused ${path}${said ? `: ${said}` : ''}`);
    }
    if (status === 404 || status === 405) return new PublishError('config', `The host does not take ${path} (HTTP ${status}): is ${where} a Sitrep host?`);
    return new PublishError('server', `Host error (HTTP ${status}) on ${path}`);
  }
}
