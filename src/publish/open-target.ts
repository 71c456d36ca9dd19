import type { PublishTarget } from '../model';
import type { Target } from './target';
import { createGitHubTarget } from './targets/github-target';
import { createHostTarget } from './targets/host-target';
import { createS3Target } from './targets/s3-target';
import { createWebDavTarget } from './targets/webdav-target';

/** The module that writes to this kind of target, with its secret. */
export function openTarget(target: PublishTarget, secret: string, fetchImpl: typeof fetch = globalThis.fetch): Target {
  switch (target.kind) {
    case 'host':
      return createHostTarget(target, secret, fetchImpl);
    case 's3':
      return createS3Target(target, secret, fetchImpl);
    case 'webdav':
      return createWebDavTarget(target, secret, fetchImpl);
    case 'github':
      return createGitHubTarget(target, secret, fetchImpl);
  }
}
