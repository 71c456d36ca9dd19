import type { PublishTarget } from '../model';

/** A target as a person names it: the host, `s3://bucket/prefix`, `owner/repo`. */
export function targetLabel(target: PublishTarget): string {
  switch (target.kind) {
    case 'host':
    case 'webdav':
      return hostOf(target.url);
    case 's3':
      return `s3://${target.bucket}/${target.prefix}`;
    case 'github':
      return `${target.owner}/${target.repo}`;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
