import type { SiteFile } from '../../feed/build';
import type { WebDavTarget } from '../../model';
import { PublishError, type StoredFile, type Target, type WriteCondition } from '../target';

/**
 * Any server that takes HTTP PUT into a folder: nginx (`dav_methods PUT DELETE MKCOL`), Apache
 * mod_dav, and the like. GET reads, PUT writes (with Basic auth when a user name is set), DELETE
 * removes; missing folders are made with MKCOL. If-Match / If-None-Match are sent, and honoured by
 * Apache; nginx's dav module ignores them (and sends no ETag on PUT), so there a lost race is not
 * noticed. The server, not the file, decides Content-Type (by extension) and Cache-Control.
 */
export function createWebDavTarget(config: WebDavTarget, password: string, fetchImpl: typeof fetch = globalThis.fetch): Target {
  const folder = new URL(config.url);
  folder.pathname = folder.pathname.replace(/\/*$/, '/');
  folder.hash = '';
  // What messages may name: never the user info or the query (a presigned or token URL's secret).
  const shown = `${folder.origin}${folder.pathname}`;
  const where = folder.host;
  const authorization = config.username ? basicAuthorization(config.username, password) : undefined;

  /** The URL of a path in the folder; each segment encoded, the folder's own query kept. */
  function urlOf(path: string): string {
    const url = new URL(folder);
    url.pathname += path.split('/').map(encodeURIComponent).join('/');
    return url.href;
  }

  async function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Response> {
    if (authorization instanceof PublishError) throw authorization;
    const init: RequestInit = {
      method,
      headers: { ...(authorization && { Authorization: authorization }), ...headers },
      cache: 'no-store',
      credentials: 'omit',
      // A redirect is reported, not followed: a PUT that ends up elsewhere (or as a GET) publishes nothing.
      redirect: 'manual',
      ...(body !== undefined && { body }),
    };
    try {
      const response = await fetchImpl(urlOf(path), init);
      // Only a GET's body is ever read; left unread, a body holds its connection.
      if (method !== 'GET' || !response.ok) await response.body?.cancel().catch(() => {});
      return response;
    } catch {
      // fetch says nothing useful (TypeError: Failed to fetch): DNS, refused, CORS, TLS look alike.
      throw new PublishError('unreachable', `Cannot reach the WebDAV server at ${where}: check the folder URL and the network`);
    }
  }

  async function put(file: SiteFile, headers: Record<string, string>): Promise<Response> {
    const response = await send('PUT', file.path, headers, file.body);
    // A folder on the way is missing: make the folders, then try once more.
    if (!missingFolder(response, file.path)) return response;
    await makeFolders(file.path);
    const again = await send('PUT', file.path, headers, file.body);
    if (missingFolder(again, file.path)) {
      throw new PublishError(
        'config',
        `The server did not let us make the folders for ${file.path} under ${shown}: allow MKCOL there (on nginx: dav_methods PUT DELETE MKCOL, or create_full_put_path on)`,
      );
    }
    return again;
  }

  /** MKCOL the site folder and each folder down to the file's, top first; one that exists answers 405. */
  async function makeFolders(path: string): Promise<void> {
    const segments = path.split('/').slice(0, -1);
    for (let depth = 0; depth <= segments.length; depth++) {
      // nginx makes a collection only from a URL that ends in a slash.
      const dir = segments
        .slice(0, depth)
        .map((s) => `${s}/`)
        .join('');
      const response = await send('MKCOL', dir);
      if (response.ok || response.status === 405) continue;
      if (depth === 0) {
        if (response.status === 409)
          throw new PublishError('config', `The folder ${shown} does not exist on the server, nor does the one above it: create it, or correct the folder URL`);
        // Some servers refuse MKCOL on the folder they were configured with; the folders below tell.
        continue;
      }
      throw failure(response, 'MKCOL', dir);
    }
  }

  return {
    async read(path): Promise<StoredFile | undefined> {
      const response = await send('GET', path);
      if (response.status === 404) return undefined;
      if (!response.ok) throw failure(response, 'GET', path);
      const etag = response.headers.get('ETag') ?? undefined;
      return { body: await response.text(), ...(etag && { etag }) };
    },

    async write(file: SiteFile, condition: WriteCondition = {}) {
      const headers: Record<string, string> = { 'Content-Type': file.contentType };
      if (condition.ifMatch) headers['If-Match'] = condition.ifMatch;
      if (condition.ifNoneMatch) headers['If-None-Match'] = condition.ifNoneMatch;
      const response = await put(file, headers);
      if (!response.ok) throw failure(response, 'PUT', file.path);
      const etag = response.headers.get('ETag') ?? undefined;
      return etag ? { etag } : {};
    },

    async remove(path) {
      const response = await send('DELETE', path);
      if (!response.ok && response.status !== 404) throw failure(response, 'DELETE', path);
    },
  };

  /**
   * A folder on the way to `path` is missing: Apache answers 409 (RFC 4918 §9.7.1), nginx without
   * create_full_put_path 500 (its rename fails).
   */
  function missingFolder(response: Response, path: string): boolean {
    return response.status === 409 || (response.status === 500 && path.includes('/'));
  }

  /** One sentence from the status and our own settings: a server's page is never quoted. */
  function failure(response: Response, method: string, path: string): PublishError {
    const { status } = response;
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      return new PublishError('config', `The server redirects ${shown} elsewhere: set the folder URL to where it leads (https://?)`);
    }
    if (status === 401 && !config.username)
      return new PublishError('auth', `The server asks for a user name and password for ${shown}: add them to the target`);
    if (status === 401 || status === 403) return new PublishError('auth', `The server refused the user name or password for ${shown} (HTTP ${status})`);
    if (status === 405 || status === 501)
      return new PublishError('config', `The server does not accept ${method} at ${shown}: enable WebDAV (dav_methods PUT DELETE MKCOL)`);
    if (status === 412) return new PublishError('conflict', `Someone else published ${path} at the same moment`);
    if (status === 413) return new PublishError('rejected', `The server refused ${path} as too large: raise its upload limit (nginx client_max_body_size)`);
    if (status === 404) return new PublishError('config', `The server has no folder ${shown}: check the folder URL`);
    if (status === 507) return new PublishError('server', `The server at ${where} is out of storage space`);
    if (status >= 500 || status === 429)
      return new PublishError('server', `The WebDAV server at ${where} failed on ${path} (HTTP ${status}); it will be tried again`);
    return new PublishError('rejected', `The server refused ${method} ${path} (HTTP ${status})`);
  }
}

/**
 * RFC 7617 Basic credentials as UTF-8 (what nginx and Apache compare against); `btoa` alone
 * throws on anything beyond Latin-1. A user name with a colon cannot be sent at all.
 */
function basicAuthorization(username: string, password: string): string | PublishError {
  if (username.includes(':')) return new PublishError('config', 'A WebDAV user name cannot contain a colon (:)');
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}
