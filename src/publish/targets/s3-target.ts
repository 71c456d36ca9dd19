import { AwsClient } from 'aws4fetch';
import type { SiteFile } from '../../feed/build';
import type { S3Target } from '../../model';
import { sha256 } from '../publish-site';
import { PublishError, type StoredFile, type Target, type WriteCondition } from '../target';
import { s3BucketRegion, s3ErrorCode, s3Failure } from './s3-errors';

/**
 * S3-compatible object storage (AWS S3, Cloudflare R2, MinIO, Backblaze B2, GCS's XML API), signed
 * with SigV4. Path-style addresses (`<endpoint>/<bucket>/<key>`) work on all of them, where
 * virtual-hosted ones need DNS per bucket. Every request is signed, so a private bucket behind a
 * CDN works as well as a public one. Conditional writes (If-Match, If-None-Match) are sent; AWS,
 * R2 and MinIO check them.
 */
export function createS3Target(config: S3Target, secretAccessKey: string, fetchImpl: typeof fetch = globalThis.fetch): Target {
  const base = `${config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(config.bucket)}`;
  const host = new URL(config.endpoint).host;
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey, service: 's3', region: config.region });

  function objectUrl(path: string): string {
    const segments = `${config.prefix}${path}`.split('/');
    // fetch resolves `.` and `..` (even percent-encoded), which would write outside the prefix.
    if (!path || segments.some((s) => s === '' || s === '.' || s === '..')) {
      throw new PublishError('rejected', `Cannot publish ${JSON.stringify(path)}: an empty, . or .. part would leave the target's folder`);
    }
    return `${base}/${segments.map(encodeKeySegment).join('/')}`;
  }

  async function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Response> {
    const request = await client.sign(objectUrl(path), {
      method,
      headers,
      ...(body !== undefined && { body }),
      cache: 'no-store',
      credentials: 'omit',
      // A wrong-region bucket answers 301 with no Location: say so rather than follow it.
      redirect: 'manual',
    });
    try {
      return await fetchImpl(request);
    } catch {
      // fetch says nothing useful (TypeError: Failed to fetch): DNS, refused, TLS and CORS look alike.
      throw new PublishError('unreachable', `Could not reach ${host} (DNS, refused connection, TLS certificate, or CORS not allowing this extension)`);
    }
  }

  /** The error a failed response stands for, and whether it only says the file is not there. */
  async function failure(response: Response, path: string, conditional = false) {
    const body = await response.text().catch(() => '');
    const code = s3ErrorCode(body);
    const error = s3Failure({
      status: response.status,
      code,
      path,
      bucket: config.bucket,
      host,
      bucketRegion: s3BucketRegion(response.headers.get('x-amz-bucket-region'), body),
      conditional,
    });
    // A missing bucket is a 404 too, and must not read as an empty site.
    return { error, missingFile: response.status === 404 && (code === undefined || code === 'NoSuchKey') };
  }

  async function put(file: SiteFile, condition: WriteCondition): Promise<Response> {
    const headers: Record<string, string> = {
      'Content-Type': file.contentType,
      'Cache-Control': file.cacheControl,
      // A signed payload hash: the store refuses a body cut or altered on the way instead of serving it.
      'X-Amz-Content-Sha256': await sha256(file.body),
    };
    if (condition.ifMatch) headers['If-Match'] = condition.ifMatch;
    if (condition.ifNoneMatch) headers['If-None-Match'] = condition.ifNoneMatch;
    return send('PUT', file.path, headers, file.body);
  }

  return {
    async read(path): Promise<StoredFile | undefined> {
      const response = await send('GET', path);
      if (response.ok) {
        const etag = response.headers.get('ETag') ?? undefined;
        return { body: await response.text(), ...(etag && { etag }) };
      }
      const { error, missingFile } = await failure(response, path);
      if (missingFile) return undefined;
      throw error;
    },

    async write(file, condition = {}) {
      const conditional = Boolean(condition.ifMatch || condition.ifNoneMatch);
      let response = await put(file, condition);
      // A store that cannot check conditions and says so (501 NotImplemented) is written like one
      // that ignores them: a publish that never goes out is worse than the race it would guard.
      if (conditional && response.status === 501) {
        await response.body?.cancel();
        response = await put(file, {});
      }
      if (!response.ok) throw (await failure(response, file.path, conditional)).error;
      const etag = response.headers.get('ETag') ?? undefined;
      return etag ? { etag } : {};
    },

    async remove(path) {
      const response = await send('DELETE', path);
      if (response.ok) return;
      const { error, missingFile } = await failure(response, path);
      if (!missingFile) throw error;
    },
  };
}

/** One path segment as S3's SigV4 canonical URI has it: RFC 3986, everything but A–Z a–z 0–9 - _ . ~ escaped. */
function encodeKeySegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
