import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_TYPES, LIVE_CACHE, STATE_CACHE } from '../../src/feed/build/site-files';
import type { SiteFile } from '../../src/feed/build';
import { S3Target } from '../../src/model';
import { sha256 } from '../../src/publish/publish-site';
import { PublishError, type Target } from '../../src/publish/target';
import { createS3Target } from '../../src/publish/targets/s3-target';
import { startS3Server, type S3Server } from './s3-server';
import { describeTargetContract } from './target-contract';

const BUCKET = 'status-site';

function s3Config(at: { endpoint: string; accessKeyId: string }, overrides: Partial<S3Target> = {}): S3Target {
  return S3Target.parse({
    kind: 's3',
    id: 's3',
    endpoint: at.endpoint,
    region: 'us-east-1',
    bucket: BUCKET,
    prefix: 'status/',
    accessKeyId: at.accessKeyId,
    publicUrl: `${at.endpoint}/${BUCKET}/${overrides.prefix ?? 'status/'}`.replace(/\/$/, ''),
    ...overrides,
  });
}

/** A reader's GET: unsigned, as a browser or a CDN fetches a public-read bucket. */
async function readPublic(url: string) {
  const response = await fetch(url);
  if (!response.ok) return undefined;
  return { body: await response.text(), contentType: response.headers.get('Content-Type'), cacheControl: response.headers.get('Cache-Control') };
}

/** The object's URL as a reader types it: each segment of the key percent-encoded. */
const objectUrl = (server: S3Server, key: string) => `${server.endpoint}/${BUCKET}/${key.split('/').map(encodeURIComponent).join('/')}`;

// s3rver does not check If-Match / If-None-Match on PUT (AWS S3, R2 and MinIO do), so a stale write
// goes through there: `conditional: false`. The recorded exchanges below show the conditions are
// sent and a 412 reads as a conflict. Readers' GETs are unsigned: s3rver has no ACLs, so its buckets
// read as public-read ones do on AWS (a bucket policy granting s3:GetObject, or a CDN in front).
describeTargetContract('S3 (s3rver)', async () => {
  const server = await startS3Server({ buckets: [BUCKET] });
  const config = s3Config(server);
  return {
    target: createS3Target(config, server.secretAccessKey),
    siteUrl: config.publicUrl,
    conditional: false,
    keepsCacheControl: true,
    readPublic: (path) => readPublic(`${config.publicUrl}/${path}`),
    close: () => server.close(),
  };
});

let server: S3Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const file = (path: string, body: string, contentType: string = CONTENT_TYPES.json, cacheControl = LIVE_CACHE): SiteFile => ({
  path,
  body,
  contentType,
  cacheControl,
});

/** Tries each operation a publish makes; all must fail the same way. */
async function failures(target: Target) {
  const outcomes = await Promise.allSettled([
    target.read('sitrep-site.json'),
    target.write(file('api/v2/summary.json', '{}')),
    target.remove('sitrep-probe.txt'),
  ]);
  return outcomes.map((o) => (o.status === 'rejected' ? o.reason : { resolved: o.value }) as unknown);
}

/** Twenty minutes behind: the request's signed date, as a computer with a slow clock would send it. */
const slowClock: typeof fetch = (input) => {
  const request = new Request(input as Request);
  const late = new Date(Date.now() - 20 * 60_000).toISOString().replace(/[:-]|\.\d{3}/g, '');
  request.headers.set('X-Amz-Date', late);
  return fetch(request);
};

interface Opened {
  config: S3Target;
  secret: string;
  fetchImpl?: typeof fetch;
}

describe('the S3 target against a local S3 server that checks signatures', () => {
  const KEY_REFUSED = { kind: 'auth', message: 'The S3 key was refused: check the access key id and secret' };

  it.each<[string, (s: S3Server) => Opened, (s: S3Server) => { kind: string; message: string }]>([
    ['a wrong secret', (s) => ({ config: s3Config(s), secret: `${s.secretAccessKey.slice(0, -4)}AAAA` }), () => KEY_REFUSED],
    [
      'an access key id it does not know',
      (s: S3Server) => ({ config: s3Config(s, { accessKeyId: 'AKIANOTAKNOWNKEY' }), secret: s.secretAccessKey }),
      () => KEY_REFUSED,
    ],
    [
      'a bucket that does not exist',
      (s: S3Server) => ({ config: s3Config(s, { bucket: 'no-such-bucket' }), secret: s.secretAccessKey }),
      (s: S3Server) => ({ kind: 'config', message: `Bucket no-such-bucket not found at ${new URL(s.endpoint).host}` }),
    ],
    [
      'an endpoint that is down',
      (s: S3Server) => ({ config: s3Config({ endpoint: 'http://127.0.0.1:9', accessKeyId: s.accessKeyId }), secret: s.secretAccessKey }),
      () => ({ kind: 'unreachable', message: 'Could not reach 127.0.0.1:9 (DNS, refused connection, TLS certificate, or CORS not allowing this extension)' }),
    ],
    [
      'a clock twenty minutes slow',
      (s: S3Server) => ({ config: s3Config(s), secret: s.secretAccessKey, fetchImpl: slowClock }),
      () => ({ kind: 'config', message: "This computer's clock is off by more than 15 minutes: S3 refuses the signature" }),
    ],
  ])('says in words what failed with %s, on read, write and delete, and never the secret or a signature', async (_name, open, expected) => {
    server = await startS3Server({ buckets: [BUCKET] });
    const { config, secret, fetchImpl = fetch } = open(server);
    const signatures: string[] = [];
    const recording: typeof fetch = (input, init) => {
      signatures.push(/Signature=([0-9a-f]{64})/.exec((input as Request).headers.get('Authorization') ?? '')?.[1] ?? '');
      return fetchImpl(input, init);
    };
    const outcomes = await failures(createS3Target(config, secret, recording));
    for (const outcome of outcomes) {
      expect(outcome).toBeInstanceOf(PublishError);
      expect(outcome).toMatchObject(expected(server));
      const message = (outcome as PublishError).message;
      expect(message).not.toContain(secret);
      expect(message).not.toContain(server.secretAccessKey);
      for (const signature of signatures) expect(message).not.toContain(signature);
    }
    expect(signatures).toHaveLength(3);
  });

  it('writes under the prefix, and only there', async () => {
    server = await startS3Server({ buckets: [BUCKET] });
    const inStatus = createS3Target(s3Config(server), server.secretAccessKey);
    const atRoot = createS3Target(s3Config(server, { prefix: '' }), server.secretAccessKey);
    await inStatus.write(file('api/v2/summary.json', '{"in":"status"}'));
    expect((await readPublic(objectUrl(server, 'status/api/v2/summary.json')))?.body).toBe('{"in":"status"}');
    expect(await readPublic(objectUrl(server, 'api/v2/summary.json'))).toBeUndefined();
    expect(await atRoot.read('api/v2/summary.json')).toBeUndefined();
    await atRoot.write(file('api/v2/summary.json', '{"in":"root"}'));
    expect((await inStatus.read('api/v2/summary.json'))?.body).toBe('{"in":"status"}');
  });

  it.each([
    ['spaces', 'incidents/payments failing.html'],
    ['accents and symbols', 'incidents/paiements échoués ✓ 障害.html'],
    ['characters URLs treat specially', "incidents/a+b=c&d;e,f (1)!'*~@$.html"],
    ['a percent sign and a hash', 'incidents/100% #1?.html'],
  ])('round-trips a key with %s: written, read signed and unsigned, deleted', async (_name, path) => {
    server = await startS3Server({ buckets: [BUCKET] });
    const target = createS3Target(s3Config(server), server.secretAccessKey);
    const body = `<h1>${path}</h1>`;
    await target.write(file(path, body, CONTENT_TYPES.html));
    expect((await target.read(path))?.body).toBe(body);
    expect((await readPublic(objectUrl(server, `status/${path}`)))?.body).toBe(body);
    await target.remove(path);
    expect(await target.read(path)).toBeUndefined();
    await target.remove(path); // a file already gone is no error
  });

  it.each([
    ['a live document', file('api/v2/summary.json', '{}', CONTENT_TYPES.json, LIVE_CACHE)],
    ['the state every publisher reads back', file('sitrep-site.json', '{}', CONTENT_TYPES.json, STATE_CACHE)],
    ['a versioned bundle', file('sitrep-banner.3f2a.js', 'export {}', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable')],
    ['the page', file('index.html', '<!doctype html>', CONTENT_TYPES.html, LIVE_CACHE)],
  ])('serves %s with its own Content-Type and Cache-Control', async (_name, site) => {
    server = await startS3Server({ buckets: [BUCKET] });
    await createS3Target(s3Config(server), server.secretAccessKey).write(site);
    expect(await readPublic(objectUrl(server, `status/${site.path}`))).toEqual({
      body: site.body,
      contentType: site.contentType,
      cacheControl: site.cacheControl,
    });
  });

  it('returns the ETag a later conditional write names', async () => {
    server = await startS3Server({ buckets: [BUCKET] });
    const target = createS3Target(s3Config(server), server.secretAccessKey);
    const { etag } = await target.write(file('sitrep-site.json', '{"v":1}'));
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await target.read('sitrep-site.json'))?.etag).toBe(etag);
  });
});

describe('the local S3 server for tests', () => {
  const preflight = (url: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,cache-control,content-type,if-match,x-amz-content-sha256,x-amz-date',
      },
    });

  it('lets any origin, an extension’s too, write and read the ETag back when asked for CORS', async () => {
    server = await startS3Server({ buckets: [BUCKET], cors: true });
    const answer = await preflight(objectUrl(server, 'status/api/v2/summary.json'));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(answer.headers.get('Access-Control-Allow-Methods')).toContain('PUT');
    await createS3Target(s3Config(server), server.secretAccessKey).write(file('api/v2/summary.json', '{}'));
    const read = await fetch(objectUrl(server, 'status/api/v2/summary.json'), { headers: { Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' } });
    expect(read.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(read.headers.get('Access-Control-Expose-Headers')).toBe('ETag');
  });

  it('refuses a cross-origin write without CORS, as a bucket without CORS rules does', async () => {
    server = await startS3Server({ buckets: [BUCKET] });
    expect((await preflight(objectUrl(server, 'status/x.json'))).status).toBe(403);
  });
});

// Exchanges s3rver cannot produce, with error bodies shaped as AWS documents them
// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html): an <Error> with Code,
// Message, details, RequestId and HostId; the codes and statuses from the same page.
const AWS = {
  kind: 's3',
  id: 's3',
  endpoint: 'https://s3.eu-west-1.amazonaws.com',
  region: 'eu-west-1',
  bucket: BUCKET,
  prefix: 'status/',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  publicUrl: 'https://status.example.com',
} satisfies S3Target;
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const IDS = '<RequestId>4442587FB7D0A2F9</RequestId><HostId>nQj4DAa9Ma1sUXdP1WdFpTg9Nr8D0uLHZ9R2yC0QdCHSlpTNUBe8RWE5d8p2Q0MtRv0zWpmAkzg=</HostId>';
const awsError = (code: string, message: string, details = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${details}${IDS}</Error>`;

interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/** A fetch that answers from a script, recording each request it was sent. */
function recorded(...answers: Answer[]) {
  const requests: Request[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    requests.push(input as Request);
    const answer = answers[Math.min(requests.length, answers.length) - 1]!;
    return new Response(answer.body ?? null, { status: answer.status, headers: { 'Content-Type': 'application/xml', ...answer.headers } });
  };
  return { requests, target: createS3Target(AWS, SECRET, fetchImpl) };
}

describe('the S3 target in recorded AWS exchanges', () => {
  const summary = file('api/v2/summary.json', '{"page":{"name":"Acme — status ✓"}}');

  it.each([
    [
      'RequestTimeTooSkewed',
      {
        status: 403,
        body: awsError(
          'RequestTimeTooSkewed',
          'The difference between the request time and the current time is too large.',
          '<RequestTime>20261128T090000Z</RequestTime><ServerTime>2026-11-28T09:31:02Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>',
        ),
      },
      { kind: 'config', message: "This computer's clock is off by more than 15 minutes: S3 refuses the signature" },
    ],
    [
      'PreconditionFailed',
      { status: 412, body: awsError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', '<Condition>If-Match</Condition>') },
      { kind: 'conflict', message: 'Someone else published api/v2/summary.json at the same moment' },
    ],
    [
      'ConditionalRequestConflict',
      {
        status: 409,
        body: awsError('ConditionalRequestConflict', 'A conflicting conditional action is currently in progress against this resource. Try again.'),
      },
      { kind: 'conflict' },
    ],
    [
      'NoSuchKey (the file read was deleted since)',
      { status: 404, body: awsError('NoSuchKey', 'The specified key does not exist.', '<Key>status/api/v2/summary.json</Key>') },
      { kind: 'conflict' },
    ],
    [
      'AccessDenied',
      { status: 403, body: awsError('AccessDenied', 'Access Denied') },
      { kind: 'auth', message: `Access denied to bucket ${BUCKET}: the key needs s3:GetObject, s3:PutObject, s3:DeleteObject and s3:ListBucket on it` },
    ],
    [
      'a bare 403 (a proxy or CDN in front refusing)',
      { status: 403 },
      { kind: 'auth', message: `Access denied to bucket ${BUCKET}: the key needs s3:GetObject, s3:PutObject, s3:DeleteObject and s3:ListBucket on it` },
    ],
    [
      'SignatureDoesNotMatch',
      {
        status: 403,
        body: awsError(
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
          '<AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId>',
        ),
      },
      { kind: 'auth', message: 'The S3 key was refused: check the access key id and secret' },
    ],
    [
      'SlowDown',
      { status: 503, body: awsError('SlowDown', 'Please reduce your request rate.') },
      { kind: 'server', message: 'The storage at s3.eu-west-1.amazonaws.com failed on api/v2/summary.json (HTTP 503 SlowDown); it will be tried again' },
    ],
    ['InternalError', { status: 500, body: awsError('InternalError', 'We encountered an internal error. Please try again.') }, { kind: 'server' }],
    [
      'PermanentRedirect (a bucket in another region)',
      {
        status: 301,
        headers: { 'x-amz-bucket-region': 'us-west-2' },
        body: awsError(
          'PermanentRedirect',
          'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
          `<Endpoint>${BUCKET}.s3.us-west-2.amazonaws.com</Endpoint><Bucket>${BUCKET}</Bucket>`,
        ),
      },
      {
        kind: 'config',
        message: `Bucket ${BUCKET} is in another region (us-west-2) or behind another endpoint: set the target's region and endpoint to the bucket's own`,
      },
    ],
    [
      'AuthorizationHeaderMalformed (signed for the wrong region)',
      {
        status: 400,
        body: awsError(
          'AuthorizationHeaderMalformed',
          "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-west-2'",
          '<Region>us-west-2</Region>',
        ),
      },
      {
        kind: 'config',
        message: `Bucket ${BUCKET} is in another region (us-west-2) or behind another endpoint: set the target's region and endpoint to the bucket's own`,
      },
    ],
    [
      'EntityTooLarge',
      { status: 400, body: awsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.') },
      { kind: 'rejected', message: `Bucket ${BUCKET} refused api/v2/summary.json as too large` },
    ],
    [
      'InvalidArgument (its message never quoted)',
      { status: 400, body: awsError('InvalidArgument', `Bad header: ${SECRET}`) },
      { kind: 'rejected', message: `Bucket ${BUCKET} refused api/v2/summary.json (HTTP 400 InvalidArgument)` },
    ],
    [
      'a 404 page from something that is not S3',
      { status: 404, body: '<html>Not Found</html>' },
      { kind: 'config', message: 's3.eu-west-1.amazonaws.com does not answer as S3 storage (HTTP 404 on api/v2/summary.json): check the endpoint' },
    ],
  ])('reads %s on a conditional write as a PublishError in words', async (_name, answer, expected) => {
    const { target } = recorded(answer);
    const error = await target.write(summary, { ifMatch: '"9b2cf535f27731c974343645a3985328"' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect(error).toMatchObject(expected);
    expect((error as Error).message).not.toContain(SECRET);
  });

  it('reads a redirect the browser hides (an opaque redirect, status 0) as a region or endpoint to fix', async () => {
    const opaque = { status: 0, ok: false, headers: new Headers(), text: async () => '' } as Response;
    const target = createS3Target(AWS, SECRET, async () => opaque);
    await expect(target.read('api/v2/summary.json')).rejects.toMatchObject({
      kind: 'config',
      message: expect.stringContaining('another region or behind another endpoint'),
    });
  });

  it('reads a missing bucket as a setting to fix, never as an empty site', async () => {
    const { target } = recorded({ status: 404, body: awsError('NoSuchBucket', 'The specified bucket does not exist', `<BucketName>${BUCKET}</BucketName>`) });
    await expect(target.read('sitrep-site.json')).rejects.toMatchObject({
      kind: 'config',
      message: `Bucket ${BUCKET} not found at s3.eu-west-1.amazonaws.com`,
    });
  });

  it.each([
    ['204 (deleted)', { status: 204 }, undefined],
    ['404 NoSuchKey (already gone)', { status: 404, body: awsError('NoSuchKey', 'The specified key does not exist.') }, undefined],
    ['404 NoSuchBucket', { status: 404, body: awsError('NoSuchBucket', 'The specified bucket does not exist') }, { kind: 'config' }],
    ['403 AccessDenied', { status: 403, body: awsError('AccessDenied', 'Access Denied') }, { kind: 'auth' }],
  ])('deletes the probe: %s', async (_name, answer, expected) => {
    const { requests, target } = recorded(answer);
    const outcome = await target.remove('sitrep-probe.txt').catch((e: unknown) => e);
    expect(outcome === undefined ? undefined : { ...(outcome as PublishError) }).toEqual(expected && expect.objectContaining(expected));
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([`DELETE https://s3.eu-west-1.amazonaws.com/${BUCKET}/status/sitrep-probe.txt`]);
  });

  it.each([
    [
      'If-Match names the ETag read',
      { ifMatch: '"9b2cf535f27731c974343645a3985328"' },
      'cache-control;host;if-match;x-amz-content-sha256;x-amz-date',
      { 'if-match': '"9b2cf535f27731c974343645a3985328"' },
    ],
    [
      'If-None-Match: * for a site not written yet',
      { ifNoneMatch: '*' as const },
      'cache-control;host;if-none-match;x-amz-content-sha256;x-amz-date',
      { 'if-none-match': '*' },
    ],
    ['no condition for the other files', {}, 'cache-control;host;x-amz-content-sha256;x-amz-date', {}],
  ])('signs a PUT path-style with the file’s headers and its body’s hash: %s', async (_name, condition, signedHeaders, conditionHeaders) => {
    const { requests, target } = recorded({ status: 200, headers: { ETag: '"d41d8cd98f00b204e9800998ecf8427e"' } });
    expect(await target.write(summary, condition)).toEqual({ etag: '"d41d8cd98f00b204e9800998ecf8427e"' });
    const [request] = requests;
    expect(request?.method).toBe('PUT');
    expect(request?.url).toBe(`https://s3.eu-west-1.amazonaws.com/${BUCKET}/status/api/v2/summary.json`);
    expect(await request?.text()).toBe(summary.body);
    const headers = Object.fromEntries(request!.headers);
    expect(headers).toMatchObject({
      'content-type': summary.contentType,
      'cache-control': summary.cacheControl,
      'x-amz-content-sha256': await sha256(summary.body),
      ...conditionHeaders,
    });
    expect(Object.keys(headers).filter((h) => h.startsWith('if-'))).toEqual(Object.keys(conditionHeaders));
    expect(headers.authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/\\d{8}/eu-west-1/s3/aws4_request, SignedHeaders=${signedHeaders}, Signature=[0-9a-f]{64}$`),
    );
    expect(request?.redirect).toBe('manual');
    expect(request?.credentials).toBe('omit');
  });

  it('encodes each key segment as SigV4 wants it', async () => {
    const { requests, target } = recorded({ status: 404, body: awsError('NoSuchKey', 'The specified key does not exist.') });
    expect(await target.read("incidents/a b+(ü)!'*.html")).toBeUndefined();
    expect(requests[0]?.url).toBe(`https://s3.eu-west-1.amazonaws.com/${BUCKET}/status/incidents/a%20b%2B%28%C3%BC%29%21%27%2A.html`);
  });

  it('writes again without the condition where the store says it cannot check one (501)', async () => {
    const { requests, target } = recorded(
      { status: 501, body: awsError('NotImplemented', 'A header you provided implies functionality that is not implemented.', '<Header>If-Match</Header>') },
      { status: 200, headers: { ETag: '"2"' } },
    );
    expect(await target.write(summary, { ifMatch: '"1"' })).toEqual({ etag: '"2"' });
    expect(requests.map((r) => r.headers.get('If-Match'))).toEqual(['"1"', null]);
  });

  it.each([['../outside.json'], ['api/../../other-site/summary.json'], ['./summary.json'], ['api//summary.json'], ['']])(
    'refuses the path %j, which would leave the prefix, without sending anything',
    async (path) => {
      const { requests, target } = recorded({ status: 200 });
      await expect(target.write(file(path, '{}'))).rejects.toMatchObject({ kind: 'rejected' });
      await expect(target.read(path)).rejects.toMatchObject({ kind: 'rejected' });
      expect(requests).toHaveLength(0);
    },
  );
});
