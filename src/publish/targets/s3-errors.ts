import { PublishError } from '../target';

/**
 * The `<Code>` of an S3 XML error document
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). Only the code is ever
 * read: it is a word from a fixed list, while the rest of the body may echo request details.
 */
export function s3ErrorCode(body: string): string | undefined {
  return /<Error>[\s\S]*?<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(body)?.[1];
}

/** The region S3 says a bucket is in, from a wrong-region answer (a header or the error's `<Region>`). */
export function s3BucketRegion(header: string | null, body: string): string | undefined {
  const region = header ?? /<Region>([^<]*)<\/Region>/.exec(body)?.[1];
  return region && /^[a-z0-9-]{1,32}$/.test(region) ? region : undefined;
}

/** What went wrong, as far as a response tells: everything a message may name. */
export interface S3Failure {
  status: number;
  code: string | undefined;
  /** The file's path in the site. */
  path: string;
  bucket: string;
  /** The endpoint's host (and port). */
  host: string;
  /** The region the bucket is in, when a wrong-region answer says so. */
  bucketRegion?: string | undefined;
  /** Whether the request carried If-Match or If-None-Match. */
  conditional: boolean;
}

const KEY_REFUSED = new Set(['SignatureDoesNotMatch', 'InvalidAccessKeyId', 'AuthorizationQueryParametersError']);
const DENIED = new Set(['AccessDenied', 'AllAccessDisabled', 'AccountProblem', 'InvalidPayer']);
const WRONG_REGION = new Set(['PermanentRedirect', 'TemporaryRedirect', 'Redirect', 'AuthorizationHeaderMalformed', 'IllegalLocationConstraintException']);
const BUSY = new Set(['SlowDown', 'ServiceUnavailable', 'InternalError', 'RequestTimeout']);

/**
 * One sentence a responder can act on, built from the status, the error code and the target's
 * own settings: never from the server's message, never with the key.
 */
export function s3Failure({ status, code, path, bucket, host, bucketRegion, conditional }: S3Failure): PublishError {
  if (code && KEY_REFUSED.has(code)) return new PublishError('auth', 'The S3 key was refused: check the access key id and secret');
  if (code === 'RequestTimeTooSkewed') return new PublishError('config', "This computer's clock is off by more than 15 minutes: S3 refuses the signature");
  if ((code && DENIED.has(code)) || (status === 403 && !code)) {
    // Without s3:ListBucket, S3 answers 403 rather than 404 for a file not written yet (GetObject's
    // documented behaviour), so the first publish needs it too.
    return new PublishError('auth', `Access denied to bucket ${bucket}: the key needs s3:GetObject, s3:PutObject, s3:DeleteObject and s3:ListBucket on it`);
  }
  if (code === 'NoSuchBucket') return new PublishError('config', `Bucket ${bucket} not found at ${host}`);
  if (code === 'InvalidBucketName') return new PublishError('config', `${host} does not accept the bucket name ${bucket}`);
  // 409 ConditionalRequestConflict: another conditional write to the same key was in flight.
  // 404 on a conditional write: the file read a moment ago has since been deleted.
  if (status === 412 || code === 'PreconditionFailed' || code === 'ConditionalRequestConflict' || (conditional && code === 'NoSuchKey')) {
    return new PublishError('conflict', `Someone else published ${path} at the same moment`);
  }
  if ((code && WRONG_REGION.has(code)) || (status >= 300 && status < 400) || status === 0) {
    const where = bucketRegion ? ` (${bucketRegion})` : '';
    return new PublishError(
      'config',
      `Bucket ${bucket} is in another region${where} or behind another endpoint: set the target's region and endpoint to the bucket's own`,
    );
  }
  if (status >= 500 || status === 429 || (code && BUSY.has(code))) {
    return new PublishError('server', `The storage at ${host} failed on ${path} (HTTP ${status}${code ? ` ${code}` : ''}); it will be tried again`);
  }
  if (code === 'EntityTooLarge' || status === 413) return new PublishError('rejected', `Bucket ${bucket} refused ${path} as too large`);
  if (!code && (status === 404 || status === 405)) {
    return new PublishError('config', `${host} does not answer as S3 storage (HTTP ${status} on ${path}): check the endpoint`);
  }
  return new PublishError('rejected', `Bucket ${bucket} refused ${path} (HTTP ${status}${code ? ` ${code}` : ''})`);
}
