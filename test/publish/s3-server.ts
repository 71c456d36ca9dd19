import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// s3rver ships CommonJS without types; these are the parts used here.
interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  vhostBuckets: boolean;
  configureBuckets: { name: string; configs: string[] }[];
}
interface AwsAccount {
  createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  revokeAccessKey(accessKeyId: string): void;
}

const require = createRequire(import.meta.url);
const S3rver = require('@20minutes/s3rver') as new (options: S3rverOptions) => S3rverInstance;
// s3rver knows one account, whose keys live in a process-wide registry: each server adds its own
// random pair (so a test proves a wrong secret is refused) and revokes it when it closes.
const { DUMMY_ACCOUNT } = require('@20minutes/s3rver/lib/models/account') as { DUMMY_ACCOUNT: AwsAccount };

/**
 * Any origin may read and write (a page, or the extension's chrome-extension:// origin), sending
 * any header, and may read the ETag back: what the S3 target needs from a bucket's CORS rules.
 */
export const ANY_ORIGIN_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>DELETE</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export interface S3ServerOptions {
  /** Buckets created before the server answers. */
  buckets: string[];
  /** CORS rules for every bucket: true for ANY_ORIGIN_CORS, or a CORSConfiguration document. */
  cors?: boolean | string;
}

export interface S3Server {
  /** http://127.0.0.1:<port>; objects are at `${endpoint}/${bucket}/${key}` (path style). */
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The folder the server keeps its buckets in; removed by close(). */
  dir: string;
  close(): Promise<void>;
}

/**
 * A local S3-compatible server (s3rver) on a free loopback port over a fresh folder. It checks
 * SigV4 signatures and the clock, keeps Content-Type and Cache-Control, serves unsigned GETs (it
 * has no ACLs: every bucket reads as public-read) and ignores If-Match / If-None-Match on PUT.
 */
export async function startS3Server({ buckets, cors = false }: S3ServerOptions): Promise<S3Server> {
  const dir = await mkdtemp(join(tmpdir(), 'sitrep-s3-'));
  const accessKeyId = `SITREP${randomBytes(8).toString('hex').toUpperCase()}`;
  const secretAccessKey = randomBytes(30).toString('base64url');
  const corsXml = cors === true ? ANY_ORIGIN_CORS : cors || undefined;
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    // Path style only: a bucket is never guessed from the Host header.
    vhostBuckets: false,
    configureBuckets: buckets.map((name) => ({ name, configs: corsXml ? [corsXml] : [] })),
  });
  DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
  try {
    const { port } = await server.run();
    return {
      endpoint: `http://127.0.0.1:${port}`,
      accessKeyId,
      secretAccessKey,
      dir,
      async close() {
        DUMMY_ACCOUNT.revokeAccessKey(accessKeyId);
        await server.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    DUMMY_ACCOUNT.revokeAccessKey(accessKeyId);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
